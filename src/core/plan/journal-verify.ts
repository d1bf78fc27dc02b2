/**
 * Whether a journal read from a workbook may be acted on, and how far: the one check every host runs
 * before a revert changes anything, and before a read shows a before-image.
 *
 * A journal that passes its schema and digest (./journal) is consistent, not authentic: anyone can
 * write one. So besides matching the workbook, it may only do what a true journal does:
 * - put back cells, widths, dropdowns and colours only where its own plan wrote, and cells only where
 *   the plan wrote what the add-in writes on a user's sheet (its column headers, due dates, score
 *   formulas over its own names);
 * - put back plain values and formulas that reach nothing outside the workbook (./formula-reach);
 * - take away or put back only the add-in's own names (`resptable_…`), pointing at its own sheets;
 * - delete only sheets its plan added, and only while they carry the add-in's mark (its title in A1).
 * Anything else refuses the whole journal, with a message, before anything is changed.
 *
 * A cell the add-in wrote that no longer holds what it wrote is the user's now: it is left as it is
 * and listed as skipped; so is a sheet the add-in added and the user then wrote into.
 */
import { cellAddress, parseCell, type Cell, type Grid } from '../grid';
import { LANGS, t } from '../i18n';
import { outsideReach } from './formula-reach';
import { JournalError, OWN_NAME, parseJournal, writtenByPlan, type Journal } from './journal';
import type { Edit } from './plan';

export type SkipReason = 'changed' | 'sheet-changed' | 'sheet-gone';

export interface JournalSkip {
  sheet: string;
  /** The cell, for a cell the user changed; absent for a whole sheet. */
  cell?: string;
  reason: SkipReason;
}

export interface VerifiedJournal {
  journal: Journal;
  /** Before-images to put back: every recorded cell that still holds what apply wrote. */
  cells: Journal['cells'];
  widths: Journal['widths'];
  validations: Journal['validations'];
  highlights: Journal['highlights'];
  /** The plan's conditional formats on sheets that stay (the Office.js host finds them by these). */
  highlightEdits: Array<Extract<Edit, { kind: 'highlight' }>>;
  names: Journal['names'];
  /** Sheets the add-in added that go. */
  sheetsToDelete: string[];
  skipped: JournalSkip[];
}

/** What the add-in writes into a user's sheet: its column headers, in either language. */
const OWN_LABELS: ReadonlySet<string> = new Set(LANGS.flatMap((l) => [t(l, 'plan.status'), t(l, 'plan.due'), t(l, 'plan.score')]));
/** The title the add-in writes in A1 of a sheet it adds: its mark. */
const OWN_TITLES: ReadonlySet<string> = new Set(LANGS.map((l) => t(l, 'plan.summary-title')));
/** Due dates are written as date serials in this format. */
const DUE_FORMAT = 'yyyy-mm-dd';

type Written = ReturnType<typeof writtenByPlan>['cells'] extends Map<string, infer W> ? W : never;

const cellKey = (sheet: string, cell: string) => `${sheet}!${cell.replace(/\$/g, '')}`;

/** Whether a cell on a user's sheet holds something only the add-in writes there. */
function ownWrite(w: Written): boolean {
  if (w.formula !== undefined) return /resptable_/i.test(w.formula) && outsideReach(w.formula) === null;
  if (typeof w.value === 'string') return OWN_LABELS.has(w.value);
  if (typeof w.value === 'number') return w.numFmt === DUE_FORMAT && w.value > 0 && w.value < 2_958_466;
  return w.value === undefined;
}

/** Formulas compared as any program may have rewritten them: case, spaces, quotes, `$`, `_xlfn.`. */
function normalFormula(f: string): string {
  return f.replace(/^=/, '').replace(/_xlfn\./gi, '').replace(/[\s$']/g, '').toUpperCase();
}

/** Whether a cell as read still holds what apply wrote into it. */
export function holdsWritten(seen: Cell | undefined, w: Written): boolean {
  if (w.formula !== undefined) return seen?.formula !== undefined && normalFormula(seen.formula) === normalFormula(w.formula);
  if (w.value === undefined) return true;
  if (w.value === null || w.value === '') return !seen || (seen.formula === undefined && seen.text === '');
  if (!seen || seen.formula !== undefined) return false;
  const v = seen.value;
  if (typeof w.value === 'number') return (v.kind === 'number' && Math.abs(v.value - w.value) < 1e-9) || (v.kind === 'date' && Math.abs(v.serial - w.value) < 1e-6);
  if (typeof w.value === 'boolean') return v.kind === 'boolean' && v.value === w.value;
  return v.kind === 'string' && v.value === w.value;
}

function gridCell(g: Grid | undefined, address: string): Cell | undefined {
  if (!g) return undefined;
  const { row, col } = parseCell(address);
  return g.rows[row - 1]?.[col - 1];
}

/** Addresses of the cells of a sheet that hold something. */
function filledCells(g: Grid): string[] {
  const out: string[] = [];
  g.rows.forEach((line, r) => line?.forEach((c, j) => c && (c.formula !== undefined || c.text !== '') && out.push(cellAddress(r + 1, j + 1))));
  return out;
}

/** The journal's plan and records checked against each other and against what the add-in writes. */
function checkBounds(j: Journal): void {
  const { cells: written, sheets, names } = writtenByPlan(j.plan);
  const added = new Set(j.sheetsAdded);
  const planSheets = new Set(sheets);
  if (added.size !== planSheets.size || [...added].some((s) => !planSheets.has(s))) {
    throw new JournalError('journal.sheets-not-planned', { sheet: [...added, ...planSheets].find((s) => !added.has(s) || !planSheets.has(s)) ?? '' });
  }
  for (const w of written.values()) {
    if (added.has(w.sheet) || ownWrite(w)) continue;
    throw new JournalError('journal.not-ours', { cell: cellKey(w.sheet, w.cell), found: String(w.formula !== undefined ? `=${w.formula}` : w.value).slice(0, 80) });
  }
  const edits = j.plan.edits;
  const widths = new Set(edits.flatMap((e) => (e.kind === 'width' && !added.has(e.sheet) ? [`${e.sheet}!${e.column}`] : [])));
  const choices = new Set(edits.flatMap((e) => (e.kind === 'choices' && !added.has(e.sheet) ? [`${e.sheet}!${e.range}`] : [])));
  const coloured = new Set(edits.flatMap((e) => (e.kind === 'highlight' && !added.has(e.sheet) ? [e.sheet] : [])));
  const seen = new Set<string>();
  for (const c of j.cells) {
    const k = cellKey(c.sheet, c.cell);
    if (!written.has(k) || added.has(c.sheet) || seen.has(k)) throw new JournalError('journal.outside', { what: k });
    seen.add(k);
    const v = c.before.value;
    if (v !== null && typeof v === 'object' && 'formula' in v) {
      const part = outsideReach(v.formula);
      if (part !== null) throw new JournalError('journal.reaches-out', { what: k, part: part.slice(0, 60) });
    }
  }
  for (const w of j.widths) if (!widths.has(`${w.sheet}!${w.column}`)) throw new JournalError('journal.outside', { what: `${w.sheet}!${w.column}:${w.column}` });
  for (const v of j.validations) {
    if (!choices.has(`${v.sheet}!${v.range}`)) throw new JournalError('journal.outside', { what: `${v.sheet}!${v.range}` });
    for (const f of v.before?.formulae ?? []) {
      const part = typeof f === 'string' ? outsideReach(f) : null;
      if (part !== null) throw new JournalError('journal.reaches-out', { what: `${v.sheet}!${v.range}`, part: part.slice(0, 60) });
    }
  }
  for (const h of j.highlights) if (!coloured.has(h.sheet)) throw new JournalError('journal.outside', { what: h.sheet });
  for (const [name, at] of names) {
    if (!OWN_NAME.test(name) || !added.has(at.sheet)) throw new JournalError('journal.foreign-name', { name: name.slice(0, 60) });
  }
  for (const n of j.names) if (!names.has(n.name)) throw new JournalError('journal.foreign-name', { name: n.name });
}

/**
 * The journal checked against the workbook as a host reads it (every sheet, the add-in's own
 * included): what may be put back, what is skipped, or a JournalError when it may not be acted on.
 */
export function verifyJournal(j: Journal, grids: readonly Grid[]): VerifiedJournal {
  checkBounds(j);
  const bySheet = new Map(grids.map((g) => [g.name, g]));
  const { cells: written } = writtenByPlan(j.plan);
  const added = new Set(j.sheetsAdded);
  const skipped: JournalSkip[] = [];

  const sheetsToDelete: string[] = [];
  for (const sheet of j.sheetsAdded) {
    const g = bySheet.get(sheet);
    if (!g) {
      skipped.push({ sheet, reason: 'sheet-gone' });
      continue;
    }
    const title = written.get(cellKey(sheet, 'A1'));
    const a1 = gridCell(g, 'A1');
    if (!title || typeof title.value !== 'string' || !OWN_TITLES.has(title.value) || a1?.value.kind !== 'string' || !OWN_TITLES.has(a1.value.value)) {
      throw new JournalError('journal.sheet-not-ours', { sheet });
    }
    const mine = [...written.values()].filter((w) => w.sheet === sheet);
    const planned = new Set(mine.map((w) => w.cell));
    // A formula the add-in wrote may be rewritten by another program; what the user typed is not the add-in's.
    const untouched = mine.every((w) => w.formula !== undefined || holdsWritten(gridCell(g, w.cell), w)) && filledCells(g).every((a) => planned.has(a));
    if (untouched) sheetsToDelete.push(sheet);
    else skipped.push({ sheet, reason: 'sheet-changed' });
  }

  let checked = 0;
  let matched = 0;
  const changed = new Set<string>();
  for (const [k, w] of written) {
    if (added.has(w.sheet)) continue;
    const g = bySheet.get(w.sheet);
    if (!g) continue;
    if (w.value === undefined && w.formula === undefined) continue;
    checked++;
    if (holdsWritten(gridCell(g, w.cell), w)) matched++;
    else changed.add(k);
  }
  // Most of what the journal says was written is not there: it belongs to another workbook.
  if (checked > 0 && matched * 2 < checked) throw new JournalError('journal.other-workbook', { matched, checked });
  if (checked === 0 && sheetsToDelete.length === 0 && j.sheetsAdded.length > 0) throw new JournalError('journal.other-workbook', { matched: 0, checked: j.sheetsAdded.length });

  const present = (sheet: string) => bySheet.has(sheet) && !added.has(sheet);
  const cells = j.cells.filter((c) => {
    if (!present(c.sheet)) return false;
    const k = cellKey(c.sheet, c.cell);
    if (!changed.has(k)) return true;
    skipped.push({ sheet: c.sheet, cell: c.cell.replace(/\$/g, ''), reason: 'changed' });
    return false;
  });
  return {
    journal: j,
    cells,
    widths: j.widths.filter((w) => present(w.sheet)),
    validations: j.validations.filter((v) => present(v.sheet)),
    highlights: j.highlights.filter((h) => present(h.sheet)),
    highlightEdits: j.plan.edits.filter((e): e is Extract<Edit, { kind: 'highlight' }> => e.kind === 'highlight' && present(e.sheet)),
    names: j.names,
    sheetsToDelete,
    skipped,
  };
}

/**
 * The journal a read may use, from its sheet's text: null when there is none or when it cannot be
 * verified, so that a read never shows a before-image it cannot trust (revert says what is wrong).
 */
export function trustedJournal(chunks: readonly string[] | null, grids: readonly Grid[]): VerifiedJournal | null {
  if (!chunks) return null;
  try {
    return verifyJournal(parseJournal(chunks), grids);
  } catch (e) {
    if (e instanceof JournalError) return null;
    throw e;
  }
}
