/**
 * Reverting an applied plan over Office.js from its journal, whichever host wrote it: cells, widths,
 * validations of every kind and names as the journal recorded them (a dropdown a row insert copied
 * from the add-in's taken too), the sheets it added gone, and the conditional
 * formats the plan added deleted. Those are found by the plan's own highlight edits (range and
 * formula), since the journal's `countBefore` counts ExcelJS's rule groups, not Office's formats.
 * The journal is verified first against the workbook as it reads now (../../core/plan/journal-verify),
 * in the same code the xlsx host runs: one that cannot be verified is refused with a JournalError
 * before anything is written.
 *
 * A journal still marked pending (JOURNAL_PENDING) is that of an apply that stopped half-way: it is
 * verified the same way, with what a half-done apply leaves allowed for (../../core/plan/journal-verify),
 * and reverted so. One whose text is cut short was stopped before its first edit: only it goes.
 */
import { localAddress, parseRange } from '../../core/grid';
import { JournalError, JOURNAL_PENDING, JOURNAL_SHEET, parseJournal, type Journal } from '../../core/plan/journal';
import { cutShort, formulaShape, verifyJournal, type JournalSkip } from '../../core/plan/journal-verify';
import { copiedChoiceRuns, isCopiedChoice, runCells, type ChoiceRun } from '../../core/plan/copied-choices';
import type { Edit } from '../../core/plan/plan';
import { readGrids } from './read-grid';
import { writeOf, type CellWrite } from './before-image';
import { areaAddresses, Batch, size, writeCells } from './batch';
import { OWN_SHEETS } from '../../core/plan/user-view';
import { deleteHidden, queueOwnSheet } from './own-sheets';
import { HostError, type Capabilities } from './requirements';
import { charsToPoints } from './widths';
import { restoreValidation, type ValidationBefore } from './validations';
import { pushAll } from '../../core/arrays';

type Highlight = Extract<Edit, { kind: 'highlight' }>;

/** The journal in the workbook, or null; a damaged one is an error, not a silent no-op. */
export async function loadJournal(context: Excel.RequestContext): Promise<Journal | null> {
  const read = queueOwnSheet(context, JOURNAL_SHEET);
  await context.sync();
  const chunks = await read();
  return chunks === null ? null : parseOrFail(chunks);
}

/** `Sheet1!$A$4:$M$56` and `A4:M56` name the same range. */
function sameRange(a: string, b: string): boolean {
  const local = (s: string) => localAddress(s).replace(/\$/g, '').toUpperCase();
  const x = parseRange(local(a));
  const y = parseRange(local(b));
  return x.top === y.top && x.left === y.left && x.bottom === y.bottom && x.right === y.right;
}

const sameFormula = (a: string, b: string) => a.replace(/^=/, '').replace(/\s+/g, '').toUpperCase() === b.replace(/^=/, '').replace(/\s+/g, '').toUpperCase();

function parseOrFail(chunks: string[]): Journal {
  try {
    return parseJournal(chunks);
  } catch (e) {
    if (e instanceof JournalError) throw e;
    throw new HostError('host.journal-unreadable');
  }
}

/** What a revert left as the user made it, and whether it undid a half-done apply; null when nothing was applied. */
export type ExcelRevertOutcome = { skipped: JournalSkip[]; pending?: true } | null;

type Probe = { run: ChoiceRun; dv: Excel.DataValidation };

/**
 * The cells of the probed runs that hold a copy of the add-in's dropdown. A run with one rule
 * throughout is asked its rule; one with several, each of its cells; a run with none costs nothing more.
 */
async function copiedChoices(context: Excel.RequestContext, sheets: Excel.WorksheetCollection, probes: readonly Probe[]): Promise<Array<{ sheet: string; cell: string }>> {
  const whole: Array<{ run: ChoiceRun; dv: Excel.DataValidation }> = [];
  const single: Array<{ run: ChoiceRun; cell: string; dv: Excel.DataValidation }> = [];
  for (const { run, dv } of probes) {
    if (dv.type === 'List') whole.push({ run, dv: dv.load('rule') });
    else if (dv.type === 'Inconsistent' || dv.type === 'MixedCriteria') {
      for (const cell of runCells(run)) single.push({ run, cell, dv: sheets.getItem(run.sheet).getRange(cell).dataValidation.load('type,rule') });
    }
  }
  if (whole.length === 0 && single.length === 0) return [];
  await context.sync();
  // A list's source is text as read back (a range source is read as its address text too).
  const source = (dv: Excel.DataValidation) => {
    const s = dv.rule.list?.source;
    return typeof s === 'string' ? s : null;
  };
  const out: Array<{ sheet: string; cell: string }> = [];
  for (const { run, dv } of whole) if (isCopiedChoice(run, source(dv))) pushAll(out, runCells(run).map((cell) => ({ sheet: run.sheet, cell })));
  for (const { run, cell, dv } of single) if (dv.type === 'List' && isCopiedChoice(run, source(dv))) out.push({ sheet: run.sheet, cell });
  return out;
}

export async function revertExcel(context: Excel.RequestContext, caps: Capabilities): Promise<ExcelRevertOutcome> {
  const wb = context.workbook;
  const sheets = wb.worksheets;
  sheets.load('items/name,items/standardWidth');
  const read = queueOwnSheet(context, JOURNAL_SHEET);
  await context.sync();
  const present = new Map(sheets.items.map((ws) => [ws.name, ws]));
  if (!present.has(JOURNAL_SHEET)) return null;

  // What is there now, asked with the journal's text: the names, and every user sheet's
  // conditional formats (which sheets the plan coloured is known only once the journal is read).
  wb.names.load('items/name');
  const collections = [...present.keys()]
    .filter((sheet) => !OWN_SHEETS.includes(sheet))
    .map((sheet) => ({ sheet, items: sheets.getItem(sheet).getRange().conditionalFormats.load('items/type') }));
  const mark = sheets.getItem(JOURNAL_SHEET).getRange(JOURNAL_PENDING.cell).load('values');
  const chunks = (await read()) ?? [];
  const pending = mark.values[0]?.[0] === JOURNAL_PENDING.mark;
  let parsed: Journal;
  try {
    parsed = parseOrFail(chunks);
  } catch (e) {
    // Apply writes its whole journal before its first edit: a pending one cut short is all it wrote.
    if (!cutShort(pending, e)) throw e;
    deleteHidden(sheets.getItem(JOURNAL_SHEET));
    await context.sync();
    return { skipped: [], pending: true };
  }
  // The workbook as it is now, the add-in's sheets included: what the journal is checked against.
  const journal = verifyJournal(parsed, await readGrids(context, { caps }), { pending });

  const removed = new Set(parsed.sheetsAdded);
  const kept = (name: string) => present.has(name) && !removed.has(name);
  const highlights: Highlight[] = journal.highlightEdits.filter((e) => kept(e.sheet));
  const coloured = new Set(highlights.map((h) => h.sheet));
  const names = new Set(wb.names.items.map((n) => n.name));
  const candidates = collections
    .filter(({ sheet }) => coloured.has(sheet))
    .flatMap(({ sheet, items }) =>
      items.items
        .filter((cf) => cf.type === 'Custom')
        // A format on several ranges (after copy, paste or row inserts) makes getRange throw: its
        // null object has no address and it is matched by its formula's shape alone.
        .map((cf) => ({ sheet, cf, range: cf.getRangeOrNullObject().load('isNullObject,address'), rule: cf.custom.rule.load('formula') })),
    );
  // Where a row inserted inside the table may have copied the add-in's dropdown: asked with the formats.
  const probes = copiedChoiceRuns(journal)
    .filter((run) => kept(run.sheet))
    .map((run) => ({ run, dv: sheets.getItem(run.sheet).getRange(`${run.column}${run.top}:${run.column}${run.bottom}`).dataValidation.load('type') }));
  if (candidates.length > 0 || probes.length > 0) await context.sync();
  const copied = await copiedChoices(context, sheets, probes);

  const batch = new Batch(context);
  for (const name of journal.sheetsToDelete) if (present.has(name)) await batch.add(64, () => sheets.getItem(name).delete());

  const writes = new Map<string, Map<string, CellWrite>>();
  for (const c of journal.cells) {
    if (!kept(c.sheet)) continue;
    const m = writes.get(c.sheet) ?? new Map<string, CellWrite>();
    m.set(c.cell.replace(/\$/g, ''), writeOf(c.before));
    writes.set(c.sheet, m);
  }
  for (const [sheet, m] of writes) await writeCells(batch, sheets.getItem(sheet), m, caps.areas);

  for (const w of journal.widths) {
    if (!kept(w.sheet)) continue;
    const chars = w.before ?? present.get(w.sheet)?.standardWidth ?? 8.43;
    await batch.add(64, () => (sheets.getItem(w.sheet).getRange(`${w.column}:${w.column}`).format.columnWidth = charsToPoints(chars)));
  }

  // Validations as they were, of every kind (./validations); the same rule over many cells, or
  // none, is put back at once over a RangeAreas.
  const rules = new Map<string, { sheet: string; before: ValidationBefore | null; ranges: string[] }>();
  const stray = copied.map((c) => ({ sheet: c.sheet, range: c.cell, before: null }));
  for (const v of [...journal.validations, ...stray]) {
    if (!kept(v.sheet)) continue;
    const key = `${v.sheet}\u0000${JSON.stringify(v.before)}`;
    const g = rules.get(key) ?? { sheet: v.sheet, before: v.before, ranges: [] };
    g.ranges.push(v.range);
    rules.set(key, g);
  }
  for (const g of rules.values()) {
    const singles = g.ranges.every((r) => !r.includes(':'));
    for (const address of caps.areas && singles ? areaAddresses(g.ranges) : g.ranges) {
      await batch.add(size(g.before) + address.length + 64, () => {
        const ws = sheets.getItem(g.sheet);
        restoreValidation((caps.areas && singles ? ws.getRanges(address) : ws.getRange(address)).dataValidation, g.before);
      });
    }
  }

  // Each highlight edit takes away one format that matches it, never a user's second copy.
  const gone = new Set<Excel.ConditionalFormat>();
  for (const h of highlights) {
    // Where it was put, or, once rows or columns moved it, the last of its formula's shape on its sheet.
    const open = candidates.filter((c) => !gone.has(c.cf) && c.sheet === h.sheet);
    const match =
      open.find((c) => !c.range.isNullObject && sameRange(c.range.address, h.range) && sameFormula(c.rule.formula, h.formula)) ??
      [...open].reverse().find((c) => formulaShape(c.rule.formula) === formulaShape(h.formula));
    if (!match) continue;
    gone.add(match.cf);
    await batch.add(32, () => match.cf.delete());
  }

  for (const n of journal.names) {
    await batch.add(size(n), () => {
      if (names.has(n.name)) wb.names.getItemOrNullObject(n.name).delete();
      if (n.before.length > 0) wb.names.add(n.name, `=${n.before.join(',')}`);
    });
  }
  await batch.add(64, () => deleteHidden(sheets.getItem(JOURNAL_SHEET)));
  await batch.flush();
  return pending ? { skipped: journal.skipped, pending: true } : { skipped: journal.skipped };
}
