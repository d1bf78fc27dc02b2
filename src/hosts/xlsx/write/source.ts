/**
 * What the surgical writer (./package-write) reads the new state of a changed thing from: a cell's
 * value and style, a column's width, a dropdown, a name, a sheet added. Two sources give it: an
 * ExcelJS workbook that apply or revert has just changed (the workbench), and the package's own
 * state with the plan or the journal laid over it (./package-state, the command line), which never
 * loads the workbook through ExcelJS.
 */
import type ExcelJS from 'exceljs';
import type { StyleModel } from './exceljs-xforms';
import type { ValidationModel } from './sheet-edit';

export interface SheetSource {
  readonly name: string;
  readonly state?: 'visible' | 'hidden' | 'veryHidden';
  /** The cell's value as ExcelJS models one (a Date, `{ formula, result }`, …) and its whole style. */
  cell(row: number, col: number): { value: unknown; style: StyleModel };
  /** For a sheet written whole: every cell that holds something or has a style. */
  addresses(): string[];
  /** A column's width, null for the sheet's default. */
  width(col: number): number | null;
  /** For a sheet written whole: every column given a width. */
  widths(): Map<number, number>;
  validation(range: string): ValidationModel | undefined;
  /** For a sheet written whole: every dropdown. */
  validations(): Array<[string, ValidationModel]>;
}

export interface WorkbookSource {
  readonly date1904: boolean;
  sheet(name: string): SheetSource | undefined;
  /** Every sheet, in the workbook's order (the writer adds those the changes name and the package lacks). */
  sheets(): SheetSource[];
  /** A workbook-wide name's ranges (`'Sheet 1'!$B$2`), none when it has none. */
  nameRanges(name: string): string[];
}

type DataValidations = { dataValidations: { model: Record<string, ValidationModel | undefined> } };

function exceljsSheet(ws: ExcelJS.Worksheet): SheetSource {
  const model = () => (ws as unknown as DataValidations).dataValidations.model;
  return {
    name: ws.name,
    state: ws.state === 'veryHidden' || ws.state === 'hidden' ? ws.state : 'visible',
    cell(row, col) {
      const c = ws.getCell(row, col);
      return { value: c.value, style: (c.style ?? {}) as StyleModel };
    },
    addresses() {
      const out: string[] = [];
      ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => out.push(cell.address)));
      return out;
    },
    width: (col) => ws.getColumn(col).width ?? null,
    widths() {
      const out = new Map<number, number>();
      (ws.columns ?? []).forEach((c, i) => {
        if (c.width !== undefined) out.set(i + 1, c.width);
      });
      return out;
    },
    validation: (range) => model()[range],
    validations: () => Object.entries(model()).filter((e): e is [string, ValidationModel] => Boolean(e[1])),
  };
}

/** An ExcelJS workbook as the writer's source. */
export function exceljsSource(wb: ExcelJS.Workbook): WorkbookSource {
  return {
    date1904: Boolean((wb.properties as { date1904?: boolean }).date1904),
    sheet(name) {
      const ws = wb.getWorksheet(name);
      return ws ? exceljsSheet(ws) : undefined;
    },
    sheets: () => wb.worksheets.map(exceljsSheet),
    nameRanges: (name) => wb.definedNames.getRanges(name).ranges ?? [],
  };
}
