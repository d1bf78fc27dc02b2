/**
 * The add-in's own very hidden sheets (the journal, the kept settings): JSON text in chunks down
 * column A, the format both hosts read.
 */
import { columnLetters } from '../../core/grid';
import { ANCHOR_COLUMN, anchorCell, anchorFormula, ANCHORS_PER_ROW, planAnchors } from '../../core/plan/anchors';
import { JOURNAL_CHUNK, JOURNAL_SHEET } from '../../core/plan/journal';
import type { EditPlan } from '../../core/plan/plan';
import { OWN_ROWS_PER_REQUEST } from './read-grid';
import { Batch, size } from './batch';

/**
 * Chunks of at most JOURNAL_CHUNK characters, none starting with a character Excel reads as typing
 * (`'` would be taken off, `=` start a formula): a boundary moves back until the next chunk is safe.
 */
export function chunks(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(text.length, i + JOURNAL_CHUNK);
    while (end < text.length && end > i + 1 && /['=+\-@]/.test(text[end] as string)) end--;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

/**
 * Queues whether an own sheet is there; after the caller's sync, `read()` brings its text (one more
 * sync for a short sheet, one per 40 rows for a long one), or null when there is none. Nothing is
 * asked of the sheet before it is known to be there: a call on a null object is best not made.
 */
export function queueOwnSheet(context: Excel.RequestContext, name: string): () => Promise<string[] | null> {
  const probe = context.workbook.worksheets.getItemOrNullObject(name);
  probe.load('isNullObject');
  return async () => {
    if (probe.isNullObject) return null;
    const ws = context.workbook.worksheets.getItem(name);
    // The text starts at A1, as both hosts write it: the first part comes with the sheet's size.
    const used = ws.getUsedRange(true);
    used.load('rowIndex,rowCount');
    const parts = [ws.getRange(`A1:A${OWN_ROWS_PER_REQUEST}`)];
    parts[0]?.load('values');
    await context.sync();
    const last = used.rowIndex + used.rowCount;
    for (let top = OWN_ROWS_PER_REQUEST + 1; top <= last; top += OWN_ROWS_PER_REQUEST) {
      const range = ws.getRange(`A${top}:A${Math.min(last, top + OWN_ROWS_PER_REQUEST - 1)}`);
      range.load('values');
      parts.push(range);
      // One request per part: at worst each is near the payload limit.
      await context.sync();
    }
    return parts.flatMap((p) => p.values.map((l) => l[0])).filter((v): v is string => typeof v === 'string' && v !== '');
  };
}

/**
 * Queues writing an own sheet afresh: the old one goes, the new one is very hidden. A `mark` is
 * written in the same operation that adds the sheet, so that the sheet is never there without it.
 */
export async function writeOwnSheet(
  batch: Batch,
  context: Excel.RequestContext,
  name: string,
  text: string | null,
  exists: boolean,
  mark?: { cell: string; text: string },
): Promise<void> {
  const sheets = context.workbook.worksheets;
  if (exists) await batch.add(64, () => deleteHidden(sheets.getItem(name)));
  if (text === null) return;
  const parts = chunks(text);
  await batch.add(64, () => {
    const ws = sheets.add(name);
    ws.visibility = 'VeryHidden';
    if (mark) ws.getRange(mark.cell).values = [[mark.text]];
  });
  for (let i = 0; i < parts.length; i += OWN_ROWS_PER_REQUEST) {
    const slice = parts.slice(i, i + OWN_ROWS_PER_REQUEST).map((c) => [c]);
    const address = `A${i + 1}:A${i + slice.length}`;
    // Text format first, so that Excel keeps each chunk as the text it is.
    await batch.add(size(slice), () => {
      const range = sheets.getItem(name).getRange(address);
      range.numberFormat = slice.map(() => ['@']);
      range.values = slice;
    });
  }
}

/** A very hidden sheet is made only hidden before it goes: Excel may refuse to delete it otherwise. */
export function deleteHidden(ws: Excel.Worksheet): void {
  ws.visibility = 'Hidden';
  ws.delete();
}

/**
 * Queues the plan's anchors beside the journal's text, which `writeOwnSheet` has just queued (a row
 * of up to ANCHORS_PER_ROW from B on): Excel keeps their references up to date as the user inserts,
 * deletes and renames.
 */
export async function writeAnchors(batch: Batch, context: Excel.RequestContext, plan: EditPlan): Promise<void> {
  const formulas = planAnchors(plan).map((a) => `=${anchorFormula(a)}`);
  for (let i = 0; i < formulas.length; i += ANCHORS_PER_ROW) {
    const line = formulas.slice(i, i + ANCHORS_PER_ROW);
    const { row } = anchorCell(i);
    const address = `${columnLetters(ANCHOR_COLUMN)}${row}:${columnLetters(ANCHOR_COLUMN + line.length - 1)}${row}`;
    await batch.add(size(line), () => {
      context.workbook.worksheets.getItem(JOURNAL_SHEET).getRange(address).formulas = [line];
    });
  }
}
