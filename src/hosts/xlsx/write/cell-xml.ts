/**
 * A cell as SpreadsheetML, from its value as ExcelJS holds it. Text is written inline (`inlineStr`)
 * so that the shared strings part is never rewritten; every reader of the format takes both.
 */
import { dateToSerial } from '../../../core/dates';
import { escapeAttr, escapeText } from './xml-text';
import { xforms } from './exceljs-xforms';

function inline(text: string): string {
  return `<is><t xml:space="preserve">${escapeText(text)}</t></is>`;
}

function cached(result: unknown, date1904: boolean): { t?: string; v: string } | null {
  if (result === undefined || result === null) return null;
  if (typeof result === 'number') return Number.isFinite(result) ? { v: String(result) } : null;
  if (typeof result === 'boolean') return { t: 'b', v: result ? '1' : '0' };
  if (typeof result === 'string') return { t: 'str', v: escapeText(result) };
  if (result instanceof Date) return { v: String(dateToSerial(result, date1904)) };
  if (typeof result === 'object' && 'error' in result) return { t: 'e', v: escapeText(String((result as { error: unknown }).error)) };
  return null;
}

/** The `<c>` element of cell `ref` holding `value` in format `s`. */
export function cellXml(ref: string, s: number, value: unknown, date1904: boolean): string {
  const head = (t?: string) => `<c r="${ref}"${s ? ` s="${s}"` : ''}${t ? ` t="${t}"` : ''}`;
  if (value === null || value === undefined || value === '') return `${head()}/>`;
  if (typeof value === 'number') return Number.isFinite(value) ? `${head()}><v>${value}</v></c>` : `${head()}/>`;
  if (typeof value === 'boolean') return `${head('b')}><v>${value ? 1 : 0}</v></c>`;
  if (typeof value === 'string') return `${head('inlineStr')}>${inline(value)}</c>`;
  if (value instanceof Date) return `${head()}><v>${dateToSerial(value, date1904)}</v></c>`;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.formula === 'string') {
      const c = cached(o.result, date1904);
      const array = o.shareType === 'array' && typeof o.ref === 'string' ? ` t="array" ref="${escapeAttr(o.ref)}"` : '';
      return `${head(c?.t)}><f${array}>${escapeText(o.formula.replace(/^=/, ''))}</f>${c ? `<v>${c.v}</v>` : ''}</c>`;
    }
    if (Array.isArray(o.richText)) return `${head('inlineStr')}><is>${o.richText.map((r) => xforms.richText.toXml(r)).join('')}</is></c>`;
    if ('error' in o) return `${head('e')}><v>${escapeText(String(o.error))}</v></c>`;
    // A hyperlink's text; the link itself lives in the sheet's relationships, which stay as they are.
    if (typeof o.text === 'string') return `${head('inlineStr')}>${inline(o.text)}</c>`;
  }
  throw new Error(`${ref}: a value the writer cannot put in a cell (${JSON.stringify(value).slice(0, 80)})`);
}
