/**
 * Applying an EditPlan to an ExcelJS workbook, with a journal kept in the workbook, and reverting it.
 * Applying again first reverts what the last apply wrote, so a workbook never holds two copies.
 */
import ExcelJS from 'exceljs';
import { quoteSheetName } from '../../core/grid';
import { sealJournal, type EditPlan, type Journal } from '../../core/plan';
import { draftJournal, type BeforeState } from '../../core/plan/journal';
import { hasJournal, sheetChunks, writeJournal } from './own-sheets';
import { dropName, readJournal, revertPlan, revertWorkbook, verifiedJournal } from './revert';

export { hasJournal, readJournal, revertPlan, revertWorkbook, sheetChunks, verifiedJournal };

export type CellModel = { value: unknown; style: unknown; numFmt?: string; partial?: boolean };

/** ExcelJS keeps data validations per sheet, keyed by range; its typings do not show them. */
interface Validations {
  model: Record<string, unknown>;
  add(range: string, v: unknown): void;
}

function validations(ws: ExcelJS.Worksheet): Validations {
  return (ws as unknown as { dataValidations: Validations }).dataValidations;
}

/** A cell's value and style as plain JSON; dates are tagged so they come back as dates. */
export function cellBeforeImage(cell: ExcelJS.Cell): CellModel {
  const v = cell.value;
  const value = v instanceof Date ? { $date: v.toISOString() } : v === undefined ? null : JSON.parse(JSON.stringify(v));
  return { value, style: JSON.parse(JSON.stringify(cell.style ?? {})) };
}

export function restoreCell(cell: ExcelJS.Cell, m: CellModel): void {
  const v = m.value as { $date?: string } | null;
  cell.value = v && typeof v === 'object' && '$date' in v ? new Date(v.$date as string) : (m.value as ExcelJS.CellValue);
  cell.style = m.partial ? mergePartialStyle(cell.style ?? {}, m.style as Partial<ExcelJS.Style>) : (m.style as Partial<ExcelJS.Style>);
}

/**
 * A before-image from a host that sees only part of a style (Office.js) restores that part: the
 * number format, bold and fill, which are all a plan or a fix changes; borders, alignment and the
 * rest of the font stay as they are.
 */
function mergePartialStyle(current: Partial<ExcelJS.Style>, before: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = { ...current };
  if (before.numFmt) out.numFmt = before.numFmt;
  else delete out.numFmt;
  if (before.fill) out.fill = before.fill;
  else delete out.fill;
  const font: Partial<ExcelJS.Font> = { ...(current.font ?? {}) };
  if (before.font?.bold) font.bold = true;
  else delete font.bold;
  if (Object.keys(font).length > 0) out.font = font;
  else delete out.font;
  return out;
}

function argb(rgb: string): string {
  return `FF${rgb}`;
}

/** What the ExcelJS workbook holds before a plan is applied, for the shared journal bookkeeping. */
function beforeState(wb: ExcelJS.Workbook): BeforeState {
  const ws = (name: string) => {
    const sheet = wb.getWorksheet(name);
    if (!sheet) throw new Error(`plan names sheet "${name}", which the workbook does not have`);
    return sheet;
  };
  type Before = Journal['cells'][number]['before'];
  type ValidationBefore = Journal['validations'][number]['before'];
  return {
    cell: (sheet, cell) => cellBeforeImage(ws(sheet).getCell(cell)) as Before,
    width: (sheet, column) => ws(sheet).getColumn(column).width ?? null,
    validation: (sheet, range) => (validations(ws(sheet)).model[range] ?? null) as ValidationBefore,
    highlightCount: (sheet) => (ws(sheet) as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.length,
    nameRanges: (name) => [...(wb.definedNames.getRanges(name).ranges ?? [])],
  };
}

export function applyPlan(wb: ExcelJS.Workbook, plan: EditPlan, settings?: Journal['settings']): Journal {
  revertPlan(wb);
  const j = draftJournal(plan, settings, beforeState(wb));
  const sheet = (name: string): ExcelJS.Worksheet => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`plan names sheet "${name}", which the workbook does not have`);
    return ws;
  };
  for (const e of plan.edits) {
    switch (e.kind) {
      case 'sheet':
        wb.addWorksheet(e.sheet);
        break;
      case 'cell': {
        const ws = sheet(e.sheet);
        const cell = ws.getCell(e.cell);
        if (e.formula !== undefined) cell.value = { formula: e.formula } as ExcelJS.CellFormulaValue;
        else if (e.value !== undefined) cell.value = e.value;
        if (e.numFmt || e.bold || e.fill) {
          // ExcelJS shares one style object among the cells of a format, and `cell.numFmt = …`
          // writes into it: every other cell of that format would change too. A fresh style per
          // written cell keeps the change to this cell.
          const style: Partial<ExcelJS.Style> = { ...(cell.style ?? {}) };
          if (e.numFmt) style.numFmt = e.numFmt;
          if (e.bold) style.font = { ...(style.font ?? {}), bold: true };
          if (e.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(e.fill) } };
          cell.style = style;
        }
        break;
      }
      case 'width': {
        const ws = sheet(e.sheet);
        const col = ws.getColumn(e.column);
        col.width = e.width;
        break;
      }
      case 'highlight': {
        const ws = sheet(e.sheet);
        ws.addConditionalFormatting({
          ref: e.range,
          rules: [
            {
              type: 'expression',
              priority: e.priority,
              formulae: [e.formula],
              style: {
                fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(e.fill) } },
                ...(e.font ? { font: { color: { argb: argb(e.font) } } } : {}),
              },
            } as ExcelJS.ConditionalFormattingRule,
          ],
        });
        break;
      }
      case 'choices': {
        const ws = sheet(e.sheet);
        validations(ws).add(e.range, { type: 'list', allowBlank: true, formulae: [`"${e.choices.join(',')}"`] });
        break;
      }
      case 'name': {
        dropName(wb, e.name);
        wb.definedNames.add(`${quoteSheetName(e.sheet)}!${e.cell}`, e.name);
        break;
      }
    }
  }
  const sealed = sealJournal(j);
  writeJournal(wb, sealed);
  return sealed;
}
