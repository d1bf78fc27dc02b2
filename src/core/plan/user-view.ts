/**
 * The workbook as the user keeps it, from what a host reads plus the journal of the last apply:
 * the sheets the plan added and the add-in's own sheets go, and every cell the journal recorded
 * shows its before-image. Both hosts read through this, so recognition never sees the add-in's
 * cells and a read after apply equals the read before it, whichever host applied.
 * Only a verified journal (./journal-verify) counts: one that cannot be verified shows no
 * before-image and hides none of the sheets it names, and a cell the user changed after apply
 * shows what the user put there.
 */
import { z } from 'zod';
import { parseCell, plainDisplayText, type Cell, type CellValue, type DisplayText, type Grid } from '../grid';
import { calendarIso, isoToSerial } from '../dates/calendar';
import { SETTINGS_SHEET } from '../settings/stored';
import { JOURNAL_SHEET } from './journal';
import { COLLECT_SHEET, SPLIT_SHEET } from '../collect/manifest';
import type { VerifiedJournal } from './journal-verify';

/** A cell's before-image as the journal keeps it: value as JSON, style in the OOXML shape of ExcelJS. */
export const BeforeImageSchema = z.object({
  value: z.unknown(),
  style: z.record(z.string(), z.unknown()).default({}),
  /**
   * Set by a host that cannot see a whole style (Office.js): `style` then holds only the parts a
   * plan or a fix can change (number format, bold, fill), and restoring leaves the other parts.
   */
  partial: z.boolean().optional(),
});

export type BeforeImage = z.infer<typeof BeforeImageSchema>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A journal value (`{ $date }`, `{ formula, result }`, rich text…) as a Grid value and formula. */
export function decodeValue(raw: unknown): { value?: CellValue; formula?: string } {
  if (raw === null || raw === undefined) return {};
  if (typeof raw === 'number') return Number.isFinite(raw) ? { value: { kind: 'number', value: raw } } : {};
  if (typeof raw === 'string') return raw === '' ? {} : { value: { kind: 'string', value: raw } };
  if (typeof raw === 'boolean') return { value: { kind: 'boolean', value: raw } };
  if (!isRecord(raw)) return { value: { kind: 'string', value: String(raw) } };
  if (typeof raw.$date === 'string') {
    const serial = isoToSerial(raw.$date);
    if (!Number.isFinite(serial)) return { value: { kind: 'error', value: '#VALUE!' } };
    return { value: { kind: 'date', value: calendarIso(new Date(Date.parse(raw.$date)).toISOString()), serial } };
  }
  if (Array.isArray(raw.richText)) {
    const s = raw.richText.map((p) => (isRecord(p) && typeof p.text === 'string' ? p.text : '')).join('');
    return s === '' ? {} : { value: { kind: 'string', value: s } };
  }
  if (typeof raw.error === 'string') return { value: { kind: 'error', value: raw.error } };
  if (typeof raw.formula === 'string') {
    const result = decodeValue(raw.result).value;
    return { value: result ?? { kind: 'string', value: '' }, formula: raw.formula.replace(/^=/, '') };
  }
  // A shared formula's own text lives in its master cell; its result is what the user sees.
  if ('sharedFormula' in raw) return { value: decodeValue(raw.result).value ?? { kind: 'string', value: '' } };
  if ('text' in raw) return decodeValue(raw.text);
  return { value: { kind: 'string', value: JSON.stringify(raw) } };
}

export function cellFromBeforeImage(before: unknown, displayText: DisplayText = plainDisplayText): Cell | undefined {
  const b = BeforeImageSchema.safeParse(before);
  if (!b.success) return undefined;
  const { value, formula } = decodeValue(b.data.value);
  if (!value && formula === undefined) return undefined;
  const numFmt = typeof b.data.style.numFmt === 'string' && b.data.style.numFmt !== 'General' ? b.data.style.numFmt : undefined;
  const v = value ?? { kind: 'string', value: '' };
  const cell: Cell = { value: v, text: displayText(v, numFmt) };
  if (numFmt) cell.format = numFmt;
  if (formula !== undefined) cell.formula = formula;
  return cell;
}

/** The add-in's own sheets, which are never the user's. */
export const OWN_SHEETS: readonly string[] = [JOURNAL_SHEET, SETTINGS_SHEET, SPLIT_SHEET, COLLECT_SHEET];

function extent(g: Grid): { rowCount: number; colCount: number } {
  let rowCount = 0;
  let colCount = 0;
  g.rows.forEach((line, r) =>
    line?.forEach((c, j) => {
      if (!c) return;
      rowCount = Math.max(rowCount, r + 1);
      colCount = Math.max(colCount, j + 1);
    }),
  );
  for (const m of g.merges) {
    rowCount = Math.max(rowCount, m.bottom);
    colCount = Math.max(colCount, m.right);
  }
  return { rowCount, colCount };
}

export function userView(grids: readonly Grid[], journal: Pick<VerifiedJournal, 'cells' | 'sheetsToDelete'> | null, displayText: DisplayText = plainDisplayText): Grid[] {
  const dropped = new Set([...OWN_SHEETS, ...(journal?.sheetsToDelete ?? [])]);
  const bySheet = new Map<string, VerifiedJournal['cells']>();
  for (const c of journal?.cells ?? []) {
    const list = bySheet.get(c.sheet);
    if (list) list.push(c);
    else bySheet.set(c.sheet, [c]);
  }
  return grids
    .filter((g) => !dropped.has(g.name))
    .map((g) => {
      const cells = bySheet.get(g.name);
      if (!cells) return g;
      const rows = g.rows.map((line) => (line ? [...line] : line));
      for (const c of cells) {
        const { row, col } = parseCell(c.cell);
        const cell = cellFromBeforeImage(c.before, displayText);
        const line = (rows[row - 1] ??= []);
        if (cell) line[col - 1] = cell;
        else if (line.length >= col) delete line[col - 1];
      }
      // A row left without cells reads as no row at all, as a host reads an empty row.
      rows.forEach((line, i) => {
        if (!line) return;
        while (line.length > 0 && line[line.length - 1] === undefined) line.pop();
        if (line.length === 0) delete rows[i];
      });
      while (rows.length > 0 && rows[rows.length - 1] === undefined) rows.pop();
      const out: Grid = { ...g, rows };
      return { ...out, ...extent(out) };
    });
}
