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
import { cellAddress, columnLetters, columnNumber, parseCell, quoteSheetName, type Cell, type Grid } from '../grid';
import { ANCHOR_COLUMN, ANCHORS_PER_ROW, IDENTITY_PLACEMENT, placeAnchors, type Placement } from './anchors';
import { LANGS, t, type Lang } from '../i18n';
import { outsideReach } from './formula-reach';
import { JournalError, JOURNAL_PENDING, JOURNAL_SHEET, OWN_NAME, parseJournal, writtenByPlan, type Journal } from './journal';
import type { Edit } from './plan';

/** changed: the user wrote over it; deleted: its row or column was deleted; sheet-…: the summary sheet. */
export type SkipReason = 'changed' | 'deleted' | 'sheet-changed' | 'sheet-gone';

export interface JournalSkip {
  sheet: string;
  /** The cell, for a cell the user changed; absent for a whole sheet. */
  cell?: string;
  reason: SkipReason;
}

export interface VerifiedJournal {
  journal: Journal;
  /**
   * Before-images to put back: every recorded cell that still holds what apply wrote. These and the
   * widths, dropdowns and colours below name where they are now (found through the anchors).
   */
  cells: Journal['cells'];
  widths: Journal['widths'];
  validations: Journal['validations'];
  highlights: Journal['highlights'];
  /** The plan's conditional formats on sheets that stay (the Office.js host finds them by these). */
  highlightEdits: Array<Extract<Edit, { kind: 'highlight' }>>;
  /** The plan's dropdowns where they are now, on sheets that stay: where copies of them may sit (./copied-choices). */
  choiceEdits: Array<Extract<Edit, { kind: 'choices' }>>;
  names: Journal['names'];
  /** Sheets the add-in added that go. */
  sheetsToDelete: string[];
  skipped: JournalSkip[];
}

/** What the add-in writes into a user's sheet: its column headers, in either language. */
const OWN_LABELS: ReadonlySet<string> = new Set(LANGS.flatMap((l) => [t(l, 'plan.status'), t(l, 'plan.due'), t(l, 'plan.score'), t(l, 'plan.elapsed'), t(l, 'plan.progress-read'), t(l, 'plan.light')]));
/** The title the add-in writes in A1 of a sheet it adds: its mark; the Chinese title earlier versions wrote is still theirs. */
const OWN_TITLES: ReadonlySet<string> = new Set([...LANGS.map((l) => t(l, 'plan.summary-title')), '责任分解表评分汇总（由 resptable 生成，可随时撤销）']);
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

/**
 * A formula with every reference (and `#REF!`) reduced to one mark: what stays of a formula the
 * add-in wrote when Excel or LibreOffice rewrites its references for an inserted or deleted row or
 * column, or a renamed sheet. What the user types instead (a number, another function) differs.
 */
export function formulaShape(f: string): string {
  return normalFormula(f).replace(
    /(?<![A-Z0-9_.])(?:[^\s(),;!+\-*/&=<>^%:"]+!)?(?:#REF!|[A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?|\d+:\d+|[A-Z]{1,3}:[A-Z]{1,3})(?![A-Z0-9_(])/g,
    '@',
  );
}

/** Whether a cell as read still holds what apply wrote into it. */
export function holdsWritten(seen: Cell | undefined, w: Written): boolean {
  if (w.formula !== undefined) return seen?.formula !== undefined && formulaShape(seen.formula) === formulaShape(w.formula);
  if (w.value === undefined) return true;
  if (w.value === null || w.value === '') return !seen || (seen.formula === undefined && seen.text === '');
  if (!seen || seen.formula !== undefined) return false;
  const v = seen.value;
  if (typeof w.value === 'number') return (v.kind === 'number' && Math.abs(v.value - w.value) < 1e-9) || (v.kind === 'date' && Math.abs(v.serial - w.value) < 1e-6);
  if (typeof w.value === 'boolean') return v.kind === 'boolean' && v.value === w.value;
  return v.kind === 'string' && v.value === w.value;
}

const isBlank = (seen: Cell | undefined) => !seen || (seen.formula === undefined && seen.text === '');

/**
 * Whether a cell as read still holds what it held before apply (its before-image's value): what a
 * cell of a half-done apply holds when apply stopped before writing it.
 */
export function holdsBefore(seen: Cell | undefined, before: Journal['cells'][number]['before']): boolean {
  const v = before.value;
  if (v === null) return isBlank(seen);
  if (typeof v !== 'object') return holdsWritten(seen, { sheet: '', cell: '', value: v });
  if ('formula' in v) return seen?.formula !== undefined && formulaShape(seen.formula) === formulaShape(v.formula);
  if (!seen || seen.formula !== undefined) return false;
  if ('$date' in v) return seen.value.kind === 'date' || seen.value.kind === 'number';
  if ('richText' in v) return seen.value.kind === 'string' && seen.value.value === v.richText.map((p) => p.text).join('');
  return seen.value.kind === 'error';
}

/** How a journal is read: `pending` for one whose apply stopped half-way (its sheet still holds JOURNAL_PENDING's mark). */
export interface VerifyOptions {
  pending?: boolean;
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

/** The anchors apply wrote beside the journal's text (./anchors), or null when there are none (an older journal). */
export function anchorFormulas(grids: readonly Grid[]): Array<string | null> | null {
  const g = grids.find((x) => x.name === JOURNAL_SHEET);
  if (!g) return null;
  const out: Array<string | null> = [];
  let last = -1;
  g.rows.forEach((line, r) =>
    line?.forEach((c, j) => {
      if (j + 1 < ANCHOR_COLUMN || j + 1 >= ANCHOR_COLUMN + ANCHORS_PER_ROW || c?.formula === undefined) return;
      const i = r * ANCHORS_PER_ROW + (j + 1 - ANCHOR_COLUMN);
      out[i] = c.formula;
      last = Math.max(last, i);
    }),
  );
  return last < 0 ? null : Array.from({ length: last + 1 }, (_, i) => out[i] ?? null);
}

/** Where the journal's addresses are now, from its anchors; a journal without them keeps its addresses. */
function placement(j: Journal, grids: readonly Grid[]): Placement {
  const formulas = anchorFormulas(grids);
  if (formulas === null) return IDENTITY_PLACEMENT;
  const p = placeAnchors(j.plan, formulas);
  if (!p) throw new JournalError('journal.anchors');
  return p;
}

/**
 * The journal checked against the workbook as a host reads it (every sheet, the add-in's own
 * included): what may be put back and where it is now (found through the anchors, ./anchors), what
 * is skipped, or a JournalError when it may not be acted on.
 */
export function verifyJournal(j: Journal, grids: readonly Grid[], o: VerifyOptions = {}): VerifiedJournal {
  // A half-done apply wrote some of its plan: a cell holds what apply wrote or, not yet written,
  // what it held before; its summary sheet may be there in part. Anything else is refused as ever.
  const pending = o.pending === true;
  checkBounds(j);
  const place = placement(j, grids);
  const bySheet = new Map(grids.map((g) => [g.name, g]));
  const { cells: written } = writtenByPlan(j.plan);
  const added = new Set(j.sheetsAdded);
  const skipped: JournalSkip[] = [];

  const sheetsToDelete: string[] = [];
  const addedNow = new Set<string>();
  for (const sheet of j.sheetsAdded) {
    const now = place.sheet(sheet);
    const g = now === null ? undefined : bySheet.get(now);
    if (!g || now === null) {
      // A half-done apply may have stopped before adding it: then it was never there to go.
      if (!pending) skipped.push({ sheet, reason: 'sheet-gone' });
      continue;
    }
    addedNow.add(now);
    const title = written.get(cellKey(sheet, 'A1'));
    const a1 = gridCell(g, 'A1');
    const titled = a1?.value.kind === 'string' && OWN_TITLES.has(a1.value.value);
    if (!title || typeof title.value !== 'string' || !OWN_TITLES.has(title.value) || !(titled || (pending && isBlank(a1)))) {
      throw new JournalError('journal.sheet-not-ours', { sheet: now });
    }
    const mine = [...written.values()].filter((w) => w.sheet === sheet);
    const planned = new Set(mine.map((w) => w.cell));
    // A formula the add-in wrote may be rewritten by another program; what the user typed is not the add-in's.
    const untouched =
      mine.every((w) => w.formula !== undefined || holdsWritten(gridCell(g, w.cell), w) || (pending && isBlank(gridCell(g, w.cell)))) && filledCells(g).every((a) => planned.has(a));
    if (untouched) sheetsToDelete.push(now);
    else skipped.push({ sheet: now, reason: 'sheet-changed' });
  }

  let checked = 0;
  let matched = 0;
  const changed = new Set<string>();
  const beforeOf = new Map(j.cells.map((c) => [cellKey(c.sheet, c.cell), c.before]));
  /** Cells a half-done apply never reached: they hold what they held, and are left as they are. */
  const unreached = new Set<string>();
  /** Cells that hold a value or formula apply wrote: the evidence that it got past its journal. */
  let wrote = 0;
  for (const [k, w] of written) {
    if (added.has(w.sheet)) continue;
    if (w.value === undefined && w.formula === undefined) continue;
    const at = place.cell(w.sheet, w.cell);
    const g = at ? bySheet.get(at.sheet) : undefined;
    if (!at || !g || addedNow.has(at.sheet)) continue;
    checked++;
    const seen = gridCell(g, at.cell);
    const before = pending ? beforeOf.get(k) : undefined;
    if (holdsWritten(seen, w)) {
      matched++;
      if (w.formula !== undefined || (w.value !== null && w.value !== '')) wrote++;
    } else if (before !== undefined && holdsBefore(seen, before)) {
      matched++;
      unreached.add(k);
    } else changed.add(k);
  }
  // Most of what the journal says was written is not there: it belongs to another workbook.
  if (checked > 0 && matched * 2 < checked) throw new JournalError('journal.other-workbook', { matched, checked });
  if (checked === 0 && sheetsToDelete.length === 0 && j.sheetsAdded.length > 0 && !place.anchored) {
    throw new JournalError('journal.other-workbook', { matched: 0, checked: j.sheetsAdded.length });
  }

  // Apply writes its journal, then adds its sheets, then writes cells, and only then widths,
  // dropdowns, colours and names: a pending journal with neither is all that apply wrote.
  if (pending && wrote === 0 && addedNow.size === 0) {
    return { journal: j, cells: [], widths: [], validations: [], highlights: [], highlightEdits: [], choiceEdits: [], names: [], sheetsToDelete: [], skipped: [] };
  }

  /** A user's sheet as it is called now, or null when it is gone (or became one the add-in added). */
  const userSheet = (sheet: string): string | null => {
    if (added.has(sheet)) return null;
    const now = place.sheet(sheet);
    return now !== null && bySheet.has(now) && !addedNow.has(now) ? now : null;
  };
  const cells: Journal['cells'] = [];
  for (const c of j.cells) {
    const sheet = userSheet(c.sheet);
    if (sheet === null) continue;
    const at = place.cell(c.sheet, c.cell);
    if (!at) {
      // Its row or column was deleted: there is nothing left to put back into.
      skipped.push({ sheet, cell: c.cell.replace(/\$/g, ''), reason: 'deleted' });
      continue;
    }
    if (unreached.has(cellKey(c.sheet, c.cell))) continue;
    if (changed.has(cellKey(c.sheet, c.cell))) {
      skipped.push({ sheet: at.sheet, cell: at.cell, reason: 'changed' });
      continue;
    }
    cells.push({ ...c, sheet: at.sheet, cell: at.cell });
  }
  const widths: Journal['widths'] = [];
  for (const w of j.widths) {
    const sheet = userSheet(w.sheet);
    const col = sheet === null ? null : place.column(w.sheet, columnNumber(w.column));
    if (sheet !== null && col !== null) widths.push({ ...w, sheet, column: columnLetters(col) });
  }
  const validations: Journal['validations'] = [];
  for (const v of j.validations) {
    const at = userSheet(v.sheet) === null ? null : place.range(v.sheet, v.range);
    if (at) validations.push({ ...v, sheet: at.sheet, range: at.range });
  }
  const highlights: Journal['highlights'] = [];
  for (const h of j.highlights) {
    const sheet = userSheet(h.sheet);
    if (sheet !== null) highlights.push({ ...h, sheet });
  }
  const highlightEdits: VerifiedJournal['highlightEdits'] = [];
  for (const e of j.plan.edits) {
    if (e.kind !== 'highlight') continue;
    const sheet = userSheet(e.sheet);
    if (sheet === null) continue;
    const at = place.range(e.sheet, e.range);
    highlightEdits.push({ ...e, sheet, range: at?.range ?? e.range });
  }
  const choiceEdits: VerifiedJournal['choiceEdits'] = [];
  for (const e of j.plan.edits) {
    if (e.kind !== 'choices' || userSheet(e.sheet) === null) continue;
    const at = place.range(e.sheet, e.range);
    if (at) choiceEdits.push({ ...e, sheet: at.sheet, range: at.range });
  }
  return { journal: j, cells, widths, validations, highlights, highlightEdits, choiceEdits, names: j.names, sheetsToDelete, skipped };
}

/** What a revert skipped, as one line in either language: at most `max` items, then how many more. */
export function describeSkipped(lang: Lang, skipped: readonly JournalSkip[], max = 12): string {
  const items = skipped.slice(0, max).map((s) =>
    s.cell !== undefined
      ? t(lang, s.reason === 'deleted' ? 'revert.skip.deleted' : 'revert.skip.changed', { cell: `${quoteSheetName(s.sheet)}!${s.cell}` })
      : t(lang, s.reason === 'sheet-gone' ? 'revert.skip.sheet-gone' : 'revert.skip.sheet-changed', { sheet: s.sheet }),
  );
  if (skipped.length > max) items.push(t(lang, 'revert.skip.more', { count: skipped.length - max }));
  return items.join(lang === 'zh-CN' ? '；' : '; ');
}

/** Whether the journal sheet among `grids` still holds the mark of an apply under way (JOURNAL_PENDING): one that stopped half-way. */
export function journalPending(grids: readonly Grid[]): boolean {
  const c = gridCell(grids.find((g) => g.name === JOURNAL_SHEET), JOURNAL_PENDING.cell);
  return c?.value.kind === 'string' && c.value.value === JOURNAL_PENDING.mark;
}

/**
 * The journal on its sheet as a host acts on it, the pending mark read from the sheet as well:
 * verified (as an apply that stopped half-way when marked so), or `cut-short` for a pending
 * journal whose text is incomplete: apply writes its whole journal before its first edit, so
 * such an apply changed nothing but the journal, which alone goes. Throws a JournalError when the
 * journal may not be acted on, as `verifyJournal` does.
 */
export type StoredJournal = { kind: 'verified'; verified: VerifiedJournal; pending: boolean } | { kind: 'cut-short' };

/** Whether reading a journal failed only because its apply stopped while writing it: pending, and its text incomplete. */
export function cutShort(pending: boolean, e: unknown): boolean {
  return pending && e instanceof JournalError && e.key === 'journal.damaged';
}

export function verifyStoredJournal(chunks: readonly string[], grids: readonly Grid[]): StoredJournal {
  const pending = journalPending(grids);
  let j: Journal;
  try {
    j = parseJournal(chunks);
  } catch (e) {
    if (cutShort(pending, e)) return { kind: 'cut-short' };
    throw e;
  }
  return { kind: 'verified', verified: verifyJournal(j, grids, { pending }), pending };
}

/**
 * The journal a read may use, from its sheet's text: null when there is none or when it cannot be
 * verified, so that a read never shows a before-image it cannot trust (revert says what is wrong).
 * A pending one is read as a half-done apply: a cell apply never reached is the user's as it was.
 */
export function trustedJournal(chunks: readonly string[] | null, grids: readonly Grid[]): VerifiedJournal | null {
  if (!chunks) return null;
  try {
    return verifyJournal(parseJournal(chunks), grids, { pending: journalPending(grids) });
  } catch (e) {
    if (e instanceof JournalError) return null;
    throw e;
  }
}
