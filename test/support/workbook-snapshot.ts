/**
 * Everything a person could see change in a workbook, as plain data: sheets and their states,
 * cell values, formulas and styles, merges, column widths, row heights, data validations,
 * conditional formats and defined names. Two workbooks are the same when their snapshots are equal.
 */
import type ExcelJS from 'exceljs';

export function snapshotWorkbook(wb: ExcelJS.Workbook): unknown {
  const sheets = wb.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    const heights: Record<number, unknown> = {};
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.height !== undefined) heights[r] = row.height;
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.type === 1 /* merge slave */) return;
        const style = JSON.parse(JSON.stringify(cell.style ?? {}));
        if (cell.value === null && Object.keys(style).length === 0) return;
        cells[cell.address] = { value: JSON.parse(JSON.stringify(cell.value ?? null)), style };
      });
    });
    return {
      name: ws.name,
      state: ws.state,
      merges: Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort(),
      widths: (ws.columns ?? []).map((c) => c?.width ?? null),
      heights,
      validations: JSON.parse(JSON.stringify((ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model)),
      highlights: JSON.parse(JSON.stringify((ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings)),
      cells,
    };
  });
  return { sheets, names: JSON.parse(JSON.stringify(wb.definedNames.model)) };
}
