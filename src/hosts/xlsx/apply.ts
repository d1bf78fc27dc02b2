/**
 * Applying an EditPlan to an ExcelJS workbook, with a journal kept in the workbook, and reverting it.
 * Applying again first reverts what the last apply wrote, so a workbook never holds two copies.
 */
import ExcelJS from 'exceljs';
import { journalChunks, JOURNAL_SHEET, parseJournal, type EditPlan, type Journal } from '../../core/plan';

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

/** The text chunks the add-in keeps down column A of one of its own sheets; null without the sheet. */
export function sheetChunks(wb: ExcelJS.Workbook, name: string): string[] | null {
  const ws = wb.getWorksheet(name);
  if (!ws) return null;
  const chunks: string[] = [];
  ws.eachRow((row) => {
    const v = row.getCell(1).value;
    if (typeof v === 'string') chunks.push(v);
  });
  return chunks;
}

export function readJournal(wb: ExcelJS.Workbook): Journal | null {
  const chunks = sheetChunks(wb, JOURNAL_SHEET);
  return chunks ? parseJournal(chunks) : null;
}

function writeJournal(wb: ExcelJS.Workbook, j: Journal): void {
  const ws = wb.addWorksheet(JOURNAL_SHEET, { state: 'veryHidden' });
  journalChunks(j).forEach((c, i) => (ws.getCell(i + 1, 1).value = c));
}

/** ExcelJS removes names by location only; a name as a whole goes with its matrix. */
function dropName(wb: ExcelJS.Workbook, name: string): void {
  delete (wb.definedNames as unknown as { matrixMap: Record<string, unknown> }).matrixMap[name];
}

export function hasJournal(wb: ExcelJS.Workbook): boolean {
  return wb.getWorksheet(JOURNAL_SHEET) !== undefined;
}

/** Puts everything the journal names back as it was, and removes the journal. */
export function revertPlan(wb: ExcelJS.Workbook): boolean {
  const j = readJournal(wb);
  if (!j) return false;
  for (const name of j.sheetsAdded) {
    const ws = wb.getWorksheet(name);
    if (ws) wb.removeWorksheet(ws.id);
  }
  for (const c of j.cells) {
    const ws = wb.getWorksheet(c.sheet);
    if (ws) restoreCell(ws.getCell(c.cell), c.before as CellModel);
  }
  for (const w of j.widths) {
    const ws = wb.getWorksheet(w.sheet);
    if (ws) ws.getColumn(w.column).width = w.before ?? (undefined as unknown as number);
  }
  for (const v of j.validations) {
    const ws = wb.getWorksheet(v.sheet);
    if (!ws) continue;
    const model = validations(ws).model;
    if (v.before === null || v.before === undefined) delete model[v.range];
    else model[v.range] = v.before;
  }
  for (const h of j.highlights) {
    const ws = wb.getWorksheet(h.sheet) as unknown as { conditionalFormattings: unknown[] } | undefined;
    if (ws) ws.conditionalFormattings.splice(h.countBefore);
  }
  for (const n of j.names) {
    dropName(wb, n.name);
    for (const r of n.before) wb.definedNames.add(r, n.name);
  }
  const journal = wb.getWorksheet(JOURNAL_SHEET);
  if (journal) wb.removeWorksheet(journal.id);
  return true;
}

export function applyPlan(wb: ExcelJS.Workbook, plan: EditPlan, settings?: Journal['settings']): Journal {
  revertPlan(wb);
  const j: Journal = { version: 1, plan, cells: [], widths: [], validations: [], highlights: [], names: [], sheetsAdded: [] };
  if (settings) j.settings = settings;
  const touched = new Set<string>();
  const sheet = (name: string): ExcelJS.Worksheet => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`plan names sheet "${name}", which the workbook does not have`);
    return ws;
  };
  const cfCount = new Map<string, number>();
  for (const e of plan.edits) {
    switch (e.kind) {
      case 'sheet':
        wb.addWorksheet(e.sheet);
        j.sheetsAdded.push(e.sheet);
        break;
      case 'cell': {
        const ws = sheet(e.sheet);
        const cell = ws.getCell(e.cell);
        const key = `${e.sheet}!${e.cell}`;
        if (!j.sheetsAdded.includes(e.sheet) && !touched.has(key)) {
          j.cells.push({ sheet: e.sheet, cell: e.cell, before: cellBeforeImage(cell) });
          touched.add(key);
        }
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
        const key = `${e.sheet}!${e.column}:width`;
        if (!j.sheetsAdded.includes(e.sheet) && !touched.has(key)) {
          j.widths.push({ sheet: e.sheet, column: e.column, before: col.width ?? null });
          touched.add(key);
        }
        col.width = e.width;
        break;
      }
      case 'highlight': {
        const ws = sheet(e.sheet);
        const list = (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
        if (!cfCount.has(e.sheet)) {
          cfCount.set(e.sheet, list.length);
          j.highlights.push({ sheet: e.sheet, countBefore: list.length });
        }
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
        const model = validations(ws).model;
        const key = `${e.sheet}!${e.range}:validation`;
        if (!touched.has(key)) {
          j.validations.push({ sheet: e.sheet, range: e.range, before: model[e.range] ?? null });
          touched.add(key);
        }
        validations(ws).add(e.range, { type: 'list', allowBlank: true, formulae: [`"${e.choices.join(',')}"`] });
        break;
      }
      case 'name': {
        if (!touched.has(`name:${e.name}`)) {
          j.names.push({ name: e.name, before: [...(wb.definedNames.getRanges(e.name).ranges ?? [])] });
          touched.add(`name:${e.name}`);
        }
        dropName(wb, e.name);
        const q = /^[A-Za-z_][A-Za-z0-9_]*$/.test(e.sheet) ? e.sheet : `'${e.sheet.replace(/'/g, "''")}'`;
        wb.definedNames.add(`${q}!${e.cell}`, e.name);
        break;
      }
    }
  }
  writeJournal(wb, j);
  return j;
}
