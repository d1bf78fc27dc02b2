/**
 * Applying an EditPlan over Office.js in two round trips for a workbook without a journal: one
 * `sync` loads what every touched cell, width, dropdown and name was (and whether the add-in's
 * sheets are there), one writes everything with the journal. Plans too large for one request go in
 * parts. The journal is the one format both hosts read (../../core/plan/journal).
 *
 * Excel runs a batch's operations in order and keeps what ran before a failure, and a large plan
 * goes in several requests: so the journal goes first, marked pending (JOURNAL_PENDING), and the
 * mark is cleared by the last operation. However apply stops, the workbook holds either nothing
 * of it, or a journal of everything it may have written, which the next open of the pane reverts.
 */
import { quoteSheetName } from '../../core/grid';
import { draftJournal, JOURNAL_PENDING, JOURNAL_SHEET, sealJournal, type Journal, type JournalDraft } from '../../core/plan/journal';
import type { Edit, EditPlan } from '../../core/plan/plan';
import { beforeImageOf, textForExcel, type CellWrite } from './before-image';
import { areaAddresses, Batch, normalCell, REQUEST_BUDGET, size, writeCells } from './batch';
import { loadCells } from './load-cells';
import { writeAnchors, writeOwnSheet } from './own-sheets';
import { HostError, type Capabilities } from './requirements';
import { pointsToChars, charsToPoints } from './widths';
import { VALIDATION_LOAD, validationBefore } from './validations';

type Of<K extends Edit['kind']> = Extract<Edit, { kind: K }>;

/** A plan's constant as Office.js takes it into `formulas`, a text kept as text. */
function constant(v: string | number | boolean | null): string | number | boolean {
  if (v === null) return '';
  return typeof v === 'string' ? textForExcel(v) : v;
}

/** Each cell's final state after the plan's edits, in plan order, as the xlsx host writes them. */
function cellWrites(edits: readonly Of<'cell'>[]): Map<string, Map<string, CellWrite>> {
  const out = new Map<string, Map<string, CellWrite>>();
  for (const e of edits) {
    const sheet = out.get(e.sheet) ?? new Map<string, CellWrite>();
    out.set(e.sheet, sheet);
    const w = sheet.get(e.cell) ?? {};
    if (e.formula !== undefined) w.formula = `=${e.formula}`;
    else if (e.value !== undefined) w.formula = constant(e.value);
    if (e.numFmt) w.numberFormat = e.numFmt;
    if (e.bold) w.bold = true;
    if (e.fill) w.fill = e.fill;
    sheet.set(e.cell, w);
  }
  return out;
}

/**
 * Applies a plan to a workbook without a journal; returns null, having written nothing, when there
 * is one (the caller reverts it first).
 */
export async function applyPlanExcel(
  context: Excel.RequestContext,
  plan: EditPlan,
  settings: NonNullable<Journal['settings']>,
  caps: Capabilities,
  budget = REQUEST_BUDGET,
): Promise<Journal | null> {
  const wb = context.workbook;
  const sheets = wb.worksheets;
  const edits = plan.edits;
  const added = edits.filter((e): e is Of<'sheet'> => e.kind === 'sheet').map((e) => e.sheet);
  const addedSet = new Set(added);
  const of = <K extends Edit['kind']>(k: K) => edits.filter((e): e is Of<K> => e.kind === k);

  // Round trip 1: what is there now.
  const journal = sheets.getItemOrNullObject(JOURNAL_SHEET).load('isNullObject');
  const clashes = added.map((name) => ({ name, ws: sheets.getItemOrNullObject(name).load('isNullObject') }));
  const targets = new Map<string, Excel.Worksheet>();
  const target = (name: string) => {
    let ws = targets.get(name);
    // The plan was made from a read of this workbook: its sheets are there, or the batch fails.
    // Its protection too: a protected sheet refuses the first write, so it is reported before any.
    if (!ws) targets.set(name, (ws = sheets.getItem(name).load('standardWidth,protection/protected')));
    return ws;
  };
  const touched = new Map<string, { ws: Excel.Worksheet; cells: string[] }>();
  for (const e of of('cell')) {
    if (addedSet.has(e.sheet)) continue;
    const t = touched.get(e.sheet) ?? { ws: target(e.sheet), cells: [] };
    t.cells.push(e.cell);
    touched.set(e.sheet, t);
  }
  const widths = of('width')
    .filter((e) => !addedSet.has(e.sheet))
    .map((e) => ({ e, format: target(e.sheet).getRange(`${e.column}:${e.column}`).format.load('columnWidth') }));
  const validations = of('choices').filter((e) => !addedSet.has(e.sheet)).map((e) => ({ e, dv: target(e.sheet).getRange(e.range).dataValidation.load(VALIDATION_LOAD) }));
  const names = [...new Set(of('name').map((e) => e.name))].map((name) => ({ name, item: wb.names.getItemOrNullObject(name).load('isNullObject,formula') }));
  const highlighted = [...new Set(of('highlight').map((e) => e.sheet))].filter((s) => !addedSet.has(s));
  const counts = highlighted.map((sheet) => ({ sheet, count: target(sheet).getRange().conditionalFormats.getCount() }));
  const before = await loadCells(context, touched, caps.areas);

  if (!journal.isNullObject) return null;
  for (const c of clashes) if (!c.ws.isNullObject) throw new HostError('host.sheet-exists', { sheet: c.name });
  for (const [name, ws] of targets) if (ws.protection.protected) throw new HostError('host.sheet-protected', { sheet: name });

  // The journal's bookkeeping is every host's (../../core/plan/journal); this host tells what it loaded.
  type Before = JournalDraft['cells'][number]['before'];
  const widthOf = new Map(widths.map(({ e, format }) => [`${e.sheet}!${e.column}`, format]));
  const validationOf = new Map(validations.map(({ e, dv }) => [`${e.sheet}!${e.range}`, dv]));
  const countOf = new Map(counts.map(({ sheet, count }) => [sheet, count]));
  const nameOf = new Map(names.map(({ name, item }) => [name, item]));
  const j = draftJournal(plan, settings, {
    cell: (sheet, cell) => {
      const c = before.get(sheet)?.get(normalCell(cell));
      return c ? (beforeImageOf(c) as Before) : undefined;
    },
    width: (sheet, column) => {
      const chars = pointsToChars((widthOf.get(`${sheet}!${column}`) as Excel.RangeFormat).columnWidth);
      // A column at the sheet's standard width has none of its own, as ExcelJS would say.
      const standard = (targets.get(sheet) as Excel.Worksheet).standardWidth;
      return Math.abs(chars - standard) < 0.01 ? null : chars;
    },
    validation: (sheet, range) => validationBefore(validationOf.get(`${sheet}!${range}`) as Excel.DataValidation),
    highlightCount: (sheet) => (countOf.get(sheet) as OfficeExtension.ClientResult<number>).value,
    nameRanges: (name) => {
      const item = nameOf.get(name) as Excel.NamedItem;
      return item.isNullObject ? [] : [item.formula.replace(/^=/, '')];
    },
  });

  // Round trip 2: the journal, marked pending, before the first edit; then everything.
  const sealed = sealJournal(j);
  const batch = new Batch(context, budget);
  await writeOwnSheet(batch, context, JOURNAL_SHEET, JSON.stringify(sealed), false, { cell: JOURNAL_PENDING.cell, text: JOURNAL_PENDING.mark });
  for (const name of added) await batch.add(64, () => sheets.add(name));
  for (const [sheet, writes] of cellWrites(of('cell'))) await writeCells(batch, sheets.getItem(sheet), writes, caps.areas);
  for (const e of of('width')) {
    await batch.add(64, () => (sheets.getItem(e.sheet).getRange(`${e.column}:${e.column}`).format.columnWidth = charsToPoints(e.width)));
  }
  await writeChoices(batch, sheets, of('choices'), caps.areas);
  for (const e of of('highlight')) {
    await batch.add(size(e), () => {
      const cf = sheets.getItem(e.sheet).getRange(e.range).conditionalFormats.add('Custom');
      cf.custom.rule.formula = `=${e.formula}`;
      cf.custom.format.fill.color = `#${e.fill}`;
      if (e.font) cf.custom.format.font.color = `#${e.font}`;
      // Office.js priorities are positions in the sheet's list, 0 first; the plan's count from 1.
      cf.priority = e.priority - 1;
    });
  }
  const existing = new Set(names.filter((n) => !n.item.isNullObject).map((n) => n.name));
  for (const e of of('name')) {
    await batch.add(size(e), () => {
      if (existing.has(e.name)) wb.names.getItemOrNullObject(e.name).delete();
      wb.names.add(e.name, `=${quoteSheetName(e.sheet)}!${e.cell}`);
      existing.add(e.name);
    });
  }
  // The anchors name the sheets apply added, so they follow them; the mark goes last of all.
  await writeAnchors(batch, context, plan);
  await batch.add(64, () => (sheets.getItem(JOURNAL_SHEET).getRange(JOURNAL_PENDING.cell).values = [['']]));
  await batch.flush();
  return sealed;
}

/** Dropdowns with the same choices are one rule over one RangeAreas. */
async function writeChoices(batch: Batch, sheets: Excel.WorksheetCollection, edits: readonly Of<'choices'>[], areas: boolean): Promise<void> {
  const groups = new Map<string, { sheet: string; source: string; ranges: string[] }>();
  for (const e of edits) {
    const source = e.choices.join(',');
    const key = `${e.sheet}\u0000${source}`;
    const g = groups.get(key) ?? { sheet: e.sheet, source, ranges: [] };
    g.ranges.push(e.range);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const singles = g.ranges.every((r) => !r.includes(':'));
    const addresses = areas && singles ? areaAddresses(g.ranges) : g.ranges;
    for (const address of addresses) {
      await batch.add(size(g.source) + address.length, () => {
        const ws = sheets.getItem(g.sheet);
        const dv = areas && singles ? ws.getRanges(address).dataValidation : ws.getRange(address).dataValidation;
        dv.clear();
        dv.rule = { list: { inCellDropDown: true, source: g.source } };
      });
    }
  }
}
