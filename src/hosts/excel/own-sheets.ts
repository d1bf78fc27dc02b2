/**
 * The add-in's own very hidden sheets (the journal, the kept settings): JSON text in chunks down
 * column A, the format both hosts read.
 */
import { JOURNAL_CHUNK } from '../../core/plan/journal';
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

/** Queues the used range of an own sheet; after sync, `more()` reads the text (syncing again for long ones). */
export function queueOwnSheet(context: Excel.RequestContext, name: string): () => Promise<string[] | null> {
  const used = context.workbook.worksheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true);
  used.load('isNullObject,rowIndex,rowCount');
  const ws = context.workbook.worksheets.getItemOrNullObject(name);
  ws.load('isNullObject');
  return async () => {
    if (ws.isNullObject) return null;
    if (used.isNullObject) return [];
    const parts: Excel.Range[] = [];
    for (let r = 0; r < used.rowCount; r += OWN_ROWS_PER_REQUEST) {
      const n = Math.min(OWN_ROWS_PER_REQUEST, used.rowCount - r);
      const range = ws.getRangeByIndexes(used.rowIndex + r, 0, n, 1);
      range.load('values');
      parts.push(range);
      // One request per part: at worst each is near the payload limit.
      await context.sync();
    }
    return parts.flatMap((p) => p.values.map((l) => l[0])).filter((v): v is string => typeof v === 'string' && v !== '');
  };
}

/** Queues writing an own sheet afresh: the old one goes, the new one is very hidden. */
export async function writeOwnSheet(batch: Batch, context: Excel.RequestContext, name: string, text: string | null, exists: boolean): Promise<void> {
  const sheets = context.workbook.worksheets;
  if (exists) await batch.add(64, () => deleteHidden(sheets.getItem(name)));
  if (text === null) return;
  const parts = chunks(text);
  await batch.add(64, () => {
    const ws = sheets.add(name);
    ws.visibility = 'VeryHidden';
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
