/** Classifying the rows around and inside a table: body rows, single-line rows, titles, headings. */
import { hasArabicOrdinal, hasChineseOrdinal, isUnitList } from './content-signals';
import type { SheetView } from './sheet-view';
import { toHalfWidth } from './text';

export type RowKind = 'blank' | 'body' | 'line';

/** A body row has values in two or more of the table's columns, or continues merged cells from above. */
export function classifyRow(view: SheetView, row: number, left: number, right: number): RowKind {
  // Asked of every row several times: count in place, and look at merges only when the count does not decide.
  let count = 0;
  let only: { col: number; span: number } | undefined;
  for (const c of view.rowCells(row)) {
    if (c.col < left || c.col > right) continue;
    if (++count >= 2) return 'body';
    only = c;
  }
  let coveredAbove = false;
  for (let c = left; c <= right && !coveredAbove; c++) coveredAbove = view.coveredFromAbove(row, c);
  if (count === 0) return coveredAbove ? 'body' : 'blank';
  if (coveredAbove) return 'body';
  const one = only as { col: number; span: number };
  // A lone cell in an inner column is a continuation row of a table kept without merges.
  return one.span >= 2 || one.col === left ? 'line' : 'body';
}

const TITLE_WORDS =
  /表|计划|清单|细则|要点|台账|方案|分解|责任书|任务书|目标|考核|进度|一览|汇总|table|plan|list|schedule|breakdown|tracker|responsibilit|milestone|matrix|register|ledger|assessment/i;

/** A title: one short line naming a table or plan (`…2018年度绩效目标任务责任分解表`). */
export function isTitleLine(view: SheetView, row: number): boolean {
  const cells = view.rowCells(row);
  if (cells.length !== 1) return false;
  const text = withoutAttachmentLabel((cells[0] as { text: string }).text);
  if (text.length > 80 || hasChineseOrdinal(text) || hasArabicOrdinal(text) || ATTACHMENT.test(text.trim())) return false;
  // `考核范围：全县各单位`, `填报单位：…` instruct or fill in; the title names the table.
  if (/^[^:：]{1,10}[:：]\s*\S/.test(text)) return false;
  return TITLE_WORDS.test(text) || /(?:19|20)\d{2}\s*年/.test(text);
}

/** `attachment 1 to item 172`, `Appendix B of the report`: where the table is filed, not its name. */
const ATTACHED_TO = /^(?:attachment|appendix|annex|enclosure)\s*[\dA-Za-z.-]{0,6}\s+(?:to|of|for)\b/i;

/** A bare attachment label (`附件2`, `附表1`, `Appendix B`) says where the table sits, not what it is. */
const ATTACHMENT = /^(?:附件|附表|附录|attachment|appendix|annex)\s*[\dA-Za-z一二三四五六七八九十-]*\s*[:：]?$/i;

/** `表1:上半年主要指标完成情况`, `附表2-3-1:國發會…`: the label says where the table sits, the rest names it. */
const ATTACHMENT_PREFIX = /^\s*(?:附件|附表|表|附录|attachment|appendix|annex|table)\s*[\dA-Za-z一二三四五六七八九十.-]{0,8}\s*[:：]\s*(?=\S)/i;

function withoutAttachmentLabel(text: string): string {
  return text.replace(ATTACHMENT_PREFIX, '');
}

/**
 * The sheet's first line, when it stands alone and reads as a name (short, no sentence, no
 * `key：value`, no attachment label): offices put the table's title there, whatever words it uses
 * (`Wormington Parish Risk Analysis`, `学校安全工作评估标准(千分制试行)`).
 */
export function isOpeningLine(view: SheetView, row: number): boolean {
  const cells = view.rowCells(row);
  if (cells.length !== 1) return false;
  const text = withoutAttachmentLabel((cells[0] as { text: string }).text).trim();
  // A line ending in a colon (`在這些承諾中：`) introduces what follows; it names nothing.
  if (text.length < 4 || text.length > 80 || ATTACHMENT.test(text) || ATTACHED_TO.test(text) || /[:：]\s*\S/.test(text) || /[。；;]|[.:：]\s*$/.test(text)) return false;
  // A numbered line (`1.2022年度…完成情况`) is an item of a list of attachments, not a name.
  return !hasChineseOrdinal(text) && !hasArabicOrdinal(text) && !isFooterLine(text);
}

/** Footer and note lines end a table: 填表说明, 注：, 备注：, 填表人, 审核人. */
const FOOTER = /^(?:填表说明|说明|注|备注|附注|填表人|填报人|审核人|制表人?|联系人|联系电话|负责人|note|notes|remarks?)\s*[:：]/i;

/**
 * Rows that sign a form off or explain it after its items (`财政部门初审意见 (盖章)`, `偏差原因分析 无`,
 * `改进措施及结果应用方案`): the table has ended, whatever stands beside them.
 */
const SIGN_OFF = /(?:审核|审批|初审|复核|评审|主管部门|财政部门)[^，。]{0,8}意见|原因分析|改进措施|盖章|签字|签章|^(?:填表人|审核人|制表人?|负责人签字)/;

export function isFooterLine(text: string): boolean {
  return FOOTER.test(toHalfWidth(text).trim()) || SIGN_OFF.test(compactForm(text));
}

/** A totals row (`合计`, `总分 100分`, `Total`): inside the table, but no item and no node. */
const TOTAL = /^(?:合计|总计|小计|总分|总分值|合计得分|总得分|综合得分|全(?:省|市|县|区|镇|州|盟)(?:合计|总计)?|total|totals|grand total|sub-?total|overall)$/i;

export function isTotalLabel(text: string): boolean {
  return TOTAL.test(totalLabel(text));
}

/** `综合得分：    分，其中奖励    分`: a total left to fill in is labelled before its colon. */
function totalLabel(text: string): string {
  const t = compactForm(text);
  const colon = t.indexOf(':');
  return colon > 0 ? t.slice(0, colon) : t;
}

/** The last total of a form (not a 小计 between its parts). */
const GRAND_TOTAL = /^(?:合计|总计|总分|总分值|合计得分|总得分|综合得分|全(?:省|市|县|区|镇|州|盟)(?:合计|总计)?|total|totals|grand total|overall)$/i;

export function isGrandTotalLabel(text: string): boolean {
  return GRAND_TOTAL.test(totalLabel(text));
}

/** A cell that only says 备注 (or 说明, 注): with the note in the cells beside it, the row is a note. */
const NOTE_LABEL = /^(?:备注|说明|注|附注|填表说明|note|notes|remarks?)$/i;

export function isNoteLabel(text: string): boolean {
  return NOTE_LABEL.test(compactForm(text));
}

/**
 * `toHalfWidth(text).replace(/\s+/g, '')`, the form the label tests above read. A body's rows ask it
 * several times of the same first cell (footer? note? total?), so the last one is remembered; and a
 * text with nothing NFKC would change and nothing `\s` might match is its own form, found in one pass.
 */
function compactForm(text: string): string {
  if (text !== lastCompactText) {
    lastCompact = hasNothingToCompact(text) ? text : toHalfWidth(text).replace(/\s+/g, '');
    lastCompactText = text;
  }
  return lastCompact;
}

let lastCompactText: string | undefined;
let lastCompact = '';

function hasNothingToCompact(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Whitespace and the NFKC ranges of `toHalfWidth` all lie at or below U+0020, in U+007F–U+3000, in
    // U+3200–U+33FF, U+F900–U+FAFF, or from U+FEFF on.
    if (c <= 0x20 || (c >= 0x7f && c <= 0x3000) || (c >= 0x3200 && c <= 0x33ff) || (c >= 0xf900 && c <= 0xfaff) || c >= 0xfeff) return false;
  }
  return true;
}

/** An item heading that names its kind and number: `Action 1: Establish…`, `Objective 3 – …`, `任务2：…`. */
const NAMED_HEADING = /^\s*(?:action|objective|priority|goal|outcome|recommendation|item|task|目标|任务|事项)\s*\d{1,3}\s*[:：.．、–—-]/i;

/** The number such a heading gives its item (`Action 1: …` → 1), or null. */
export function headingNumber(text: string): string | null {
  const m = /^\s*(?:(?:action|objective|priority|goal|outcome|recommendation|item|task|目标|任务|事项)\s*)?[（(]?(\d{1,3})\s*[)）:：.．、–—-]/i.exec(toHalfWidth(text));
  return m ? (m[1] as string) : null;
}

/** `11: Establish and maintain…`: an item number and a colon open a heading as well. */
const NUMBER_COLON = /^\s*\d{1,3}\s*[:：]\s*\S/;

/** A paragraph that lists several numbered points (`1、改善… 2、…`) is a text, not one item's heading. */
function enumerates(text: string): boolean {
  return /\S\s*(?:^|[\s；;。，,])\s*2\s*[、.．:：](?!\d)/.test(toHalfWidth(text).slice(2));
}

export type LineKind = 'section' | 'heading' | 'title' | 'note' | 'other';

/** What a single-line row inside or between blocks is. */
export function lineKind(view: SheetView, row: number): LineKind {
  const text = view.rowText(row);
  if (isFooterLine(text)) return 'note';
  if (hasChineseOrdinal(text)) return 'section';
  if ((hasArabicOrdinal(text) || NAMED_HEADING.test(text) || NUMBER_COLON.test(text)) && !enumerates(text)) return 'heading';
  if (isTitleLine(view, row)) return 'title';
  return 'other';
}

/**
 * The title lines among the lines above a header. Where the host read fonts and some line stands out
 * (bold or larger), the lines that stand out are the titles and plain ones are preamble: a cover
 * line `Delivery Program 2013 – 2017`, a date of meeting, `PUBLIC`. Where nothing stands out, the
 * words decide (`isTitleLine`, and the sheet's opening line).
 */
export function titleLines(view: SheetView, prelude: readonly number[], sheetStart: boolean): number[] {
  const byWords = prelude.filter((r) => isTitleLine(view, r) || (sheetStart && r === prelude[0] && isOpeningLine(view, r)));
  if (!view.grid.fonts) return byWords;
  const candidates = prelude.filter((r) => {
    const cells = view.rowCells(r);
    if (cells.length !== 1) return false;
    const text = withoutAttachmentLabel((cells[0] as { text: string }).text).trim();
    if (text.length > 120 || ATTACHMENT.test(text) || /^[^:：]{1,10}[:：]\s*\S/.test(text) || isUnitList(text)) return false;
    const kind = lineKind(view, r);
    return kind !== 'heading' && kind !== 'section' && kind !== 'note';
  });
  const strength = (r: number): number => view.cell(r, (view.rowCells(r)[0] as { col: number }).col)?.emphasis ?? 0;
  // The title is set largest; a bold subtitle or band under it is not the title.
  const top = candidates.reduce((m, r) => Math.max(m, strength(r)), 0);
  return top > 0 ? candidates.filter((r) => strength(r) === top) : byWords;
}
