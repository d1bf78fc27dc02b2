/**
 * Titles, messages and expectations of the validation rules, in zh-CN and en-US. `{column}` is the
 * column's header text as the sheet shows it; `{found}` the cell's content.
 */
import { fillTemplate, type Lang } from './messages';

export interface RuleText {
  title: Record<Lang, string>;
  message: Record<Lang, string>;
  expected: Record<Lang, string>;
}

export const RULE_MESSAGES: Record<string, RuleText> = {
  'structure.task-title': {
    title: { 'zh-CN': '任务缺少名称', 'en-US': 'Task without a name' },
    message: { 'zh-CN': '第 {seq} 项任务的“{column}”为空，请填写任务名称。', 'en-US': 'Task {seq} has no "{column}"; fill in the task name.' },
    expected: { 'zh-CN': '任务名称', 'en-US': 'a task name' },
  },
  'structure.node-text': {
    title: { 'zh-CN': '节点缺少内容', 'en-US': 'Milestone without text' },
    message: { 'zh-CN': '第 {seq} 项任务的一个节点“{column}”为空（该行有期限“{deadline}”），请补充节点内容。', 'en-US': 'A milestone of task {seq} has no "{column}" (its deadline is "{deadline}"); fill in what is to be done.' },
    expected: { 'zh-CN': '节点内容', 'en-US': 'the milestone text' },
  },
  'structure.node-deadline': {
    title: { 'zh-CN': '节点缺少完成期限', 'en-US': 'Milestone without a deadline' },
    message: { 'zh-CN': '第 {seq} 项任务的节点“{node}”没有填写“{column}”，请补充完成期限。', 'en-US': 'Milestone "{node}" of task {seq} has no "{column}"; add its deadline.' },
    expected: { 'zh-CN': '完成期限', 'en-US': 'a deadline' },
  },
  'structure.task-owner': {
    title: { 'zh-CN': '任务缺少责任人', 'en-US': 'Task without an owner' },
    message: { 'zh-CN': '第 {seq} 项任务“{title}”的“{column}”为空，请填写责任单位或责任人。', 'en-US': 'Task {seq} "{title}" has no "{column}"; name the responsible unit or person.' },
    expected: { 'zh-CN': '责任单位或责任人', 'en-US': 'a responsible unit or person' },
  },
  'structure.task-weight': {
    title: { 'zh-CN': '任务缺少权重/分值', 'en-US': 'Task without a weight' },
    message: { 'zh-CN': '第 {seq} 项任务“{title}”的“{column}”为空，请填写分值。', 'en-US': 'Task {seq} "{title}" has no "{column}"; fill in its weight.' },
    expected: { 'zh-CN': '分值', 'en-US': 'a weight' },
  },
  'structure.row-outside-task': {
    title: { 'zh-CN': '不属于任何任务的行', 'en-US': 'Row outside any task' },
    message: { 'zh-CN': '第 {row} 行在第一项任务之前，不属于任何任务，请补填所属任务或删除该行。', 'en-US': 'Row {row} comes before the first task and belongs to none; give it its task or delete it.' },
    expected: { 'zh-CN': '属于某项任务', 'en-US': 'a row of a task' },
  },
  'date.invalid': {
    title: { 'zh-CN': '日期不存在', 'en-US': 'Impossible date' },
    message: { 'zh-CN': '“{column}”{found} 不是有效日期（{reason}），请改为实际的日期。', 'en-US': '"{column}" {found} is not a real date ({reason}); correct it.' },
    expected: { 'zh-CN': '实际存在的日期', 'en-US': 'a real calendar date' },
  },
  'date.unparseable': {
    title: { 'zh-CN': '期限无法识别', 'en-US': 'Deadline not understood' },
    message: { 'zh-CN': '“{column}”“{found}”中识别不出日期，请写成“2024.06.30”“6月底前”“第二季度”等形式。', 'en-US': 'No date could be read in "{column}" "{found}"; write it like 2024.06.30, 6月底前 or 第二季度.' },
    expected: { 'zh-CN': '日期或期限', 'en-US': 'a date or period' },
  },
  'date.no-year': {
    title: { 'zh-CN': '期限缺少年份', 'en-US': 'Deadline without a year' },
    message: { 'zh-CN': '“{column}”{found} 没有年份，表格标题中也没有年度，无法判断是否逾期。请在标题中写明年度，或在设置中指定。', 'en-US': '"{column}" {found} has no year and the table names no plan year, so overdue cannot be judged. Put the year in the title or in the settings.' },
    expected: { 'zh-CN': '带年份的日期或表格年度', 'en-US': 'a year in the date or a plan year' },
  },
  'date.outside-year': {
    title: { 'zh-CN': '期限不在计划年度内', 'en-US': 'Deadline outside the plan year' },
    message: { 'zh-CN': '“{column}”{found} 不在 {year} 年度内，请核对年份。', 'en-US': '"{column}" {found} is outside the plan year {year}; check the year.' },
    expected: { 'zh-CN': '{year} 年内的日期', 'en-US': 'a date in {year}' },
  },
  'date.out-of-order': {
    title: { 'zh-CN': '节点期限前后颠倒', 'en-US': 'Milestones out of order' },
    message: { 'zh-CN': '第 {seq} 项任务的节点期限 {found} 早于上一个节点的 {previous}，请核对顺序或日期。', 'en-US': 'In task {seq}, deadline {found} comes before the previous milestone\'s {previous}; check the order or the dates.' },
    expected: { 'zh-CN': '不早于 {previous}', 'en-US': 'not before {previous}' },
  },
  'date.after-task': {
    title: { 'zh-CN': '节点晚于任务期限', 'en-US': 'Milestone due after its task' },
    message: { 'zh-CN': '第 {seq} 项任务要求{taskDue}完成，但节点期限为 {found}，请核对。', 'en-US': 'Task {seq} is due {taskDue}, but this milestone is due {found}; check it.' },
    expected: { 'zh-CN': '不晚于 {taskEnd}', 'en-US': 'no later than {taskEnd}' },
  },
  'owner.phone': {
    title: { 'zh-CN': '联系电话位数不对', 'en-US': 'Phone number malformed' },
    message: { 'zh-CN': '“{column}”中的电话 {phone} 位数不对：固定电话为7–8位（可带区号），手机为11位。', 'en-US': 'Phone {phone} in "{column}" has the wrong number of digits: landlines have 7–8 digits (area code optional), mobiles 11.' },
    expected: { 'zh-CN': '7–8位固定电话或11位手机号', 'en-US': 'a 7–8-digit landline or an 11-digit mobile' },
  },
  'owner.no-name': {
    title: { 'zh-CN': '只有电话没有责任人', 'en-US': 'Phone without a name' },
    message: { 'zh-CN': '“{column}”只填了电话 {found}，请补充责任人姓名或单位。', 'en-US': '"{column}" holds only a phone number {found}; add the person or unit.' },
    expected: { 'zh-CN': '姓名或单位加电话', 'en-US': 'a name or unit with the phone' },
  },
  'weight.not-number': {
    title: { 'zh-CN': '分值不是数字', 'en-US': 'Weight is not a number' },
    message: { 'zh-CN': '“{column}”“{found}”不是数字，请填写分值。', 'en-US': '"{column}" "{found}" is not a number; write the weight as a number.' },
    expected: { 'zh-CN': '数字', 'en-US': 'a number' },
  },
  'weight.negative': {
    title: { 'zh-CN': '分值为负数', 'en-US': 'Negative weight' },
    message: { 'zh-CN': '“{column}”{found} 是负数，分值应为正数（扣分请写在扣分列）。', 'en-US': '"{column}" {found} is negative; weights are positive (put deductions in a deduction column).' },
    expected: { 'zh-CN': '不小于0的数', 'en-US': 'a number of 0 or more' },
  },
  'weight.category-sum': {
    title: { 'zh-CN': '类别分值合计不符', 'en-US': 'Category weights do not add up' },
    message: { 'zh-CN': '“{category}”标明 {declared} 分，但其下各项分值合计为 {sum} 分，相差 {diff} 分。', 'en-US': '"{category}" declares {declared} points but its weights add up to {sum} ({diff} apart).' },
    expected: { 'zh-CN': '合计 {declared} 分', 'en-US': 'a total of {declared}' },
  },
  'weight.total': {
    title: { 'zh-CN': '总分不符', 'en-US': 'Total does not match' },
    message: { 'zh-CN': '全表分值合计为 {sum} 分，应为 {expected} 分，相差 {diff} 分。', 'en-US': 'The weights of the table add up to {sum}; they should add up to {expected} ({diff} apart).' },
    expected: { 'zh-CN': '合计 {expected} 分', 'en-US': 'a total of {expected}' },
  },
  'weight.veto-ambiguous': {
    title: { 'zh-CN': '一票否决项分值不明', 'en-US': 'Veto item with unclear points' },
    message: { 'zh-CN': '“{column}”写作“{found}”：既是一票否决又有 {points} 分，是否计入总分不明确，请分开填写（如分值列填 {points}，备注一票否决）。', 'en-US': '"{column}" says "{found}": a veto item that also carries {points} points, so whether they count in the total is unclear. Write them apart (points in this column, the veto in a remark).' },
    expected: { 'zh-CN': '分值与一票否决分开填写', 'en-US': 'points and veto written apart' },
  },
  'seq.duplicate': {
    title: { 'zh-CN': '序号重复', 'en-US': 'Duplicate item number' },
    message: { 'zh-CN': '序号 {found} 与第 {otherRow} 行重复，请重新编号。', 'en-US': 'Item number {found} repeats row {otherRow}; renumber.' },
    expected: { 'zh-CN': '不重复的序号', 'en-US': 'a unique number' },
  },
  'seq.skipped': {
    title: { 'zh-CN': '序号不连续', 'en-US': 'Item numbers skip' },
    message: { 'zh-CN': '序号从 {previous} 跳到 {found}，缺少 {missing}，请核对是否漏项。', 'en-US': 'Numbering jumps from {previous} to {found}, missing {missing}; check for a missing item.' },
    expected: { 'zh-CN': '{next}', 'en-US': '{next}' },
  },
  'text.stray-space': {
    title: { 'zh-CN': '多余空格', 'en-US': 'Stray spaces' },
    message: { 'zh-CN': '“{column}”内容前后有多余空格。', 'en-US': '"{column}" has spaces before or after its text.' },
    expected: { 'zh-CN': '去掉前后空格', 'en-US': 'no leading or trailing spaces' },
  },
  'text.date-spaces': {
    title: { 'zh-CN': '日期中有空格', 'en-US': 'Spaces inside a date' },
    message: { 'zh-CN': '“{column}”日期 {found} 中间有空格，建议写作 {fixed}。', 'en-US': 'Date {found} in "{column}" has spaces inside; write {fixed}.' },
    expected: { 'zh-CN': '{fixed}', 'en-US': '{fixed}' },
  },
  'text.full-width-digits': {
    title: { 'zh-CN': '全角数字', 'en-US': 'Full-width digits' },
    message: { 'zh-CN': '“{column}”“{found}”使用了全角数字或符号，建议改为 {fixed}。', 'en-US': '"{column}" "{found}" uses full-width digits; write {fixed}.' },
    expected: { 'zh-CN': '{fixed}', 'en-US': '{fixed}' },
  },
  'text.number-as-text': {
    title: { 'zh-CN': '数字存为文本', 'en-US': 'Number stored as text' },
    message: { 'zh-CN': '“{column}”{found} 是文本格式的数字，无法参与计算，建议改为数值。', 'en-US': '"{column}" {found} is a number stored as text and will not add up; store it as a number.' },
    expected: { 'zh-CN': '数值 {fixed}', 'en-US': 'the number {fixed}' },
  },
};

export function ruleText(lang: Lang, id: string, part: keyof RuleText, params: Record<string, string | number> = {}): string {
  return fillTemplate(RULE_MESSAGES[id]?.[part][lang] ?? id, params);
}

export const INVALID_REASONS: Record<string, Record<Lang, string>> = {
  'day-out-of-range': { 'zh-CN': '{month}月只有{days}天', 'en-US': 'month {month} has {days} days' },
  'month-out-of-range': { 'zh-CN': '没有{month}月', 'en-US': 'there is no month {month}' },
  'serial-out-of-range': {
    'zh-CN': '作为日期已超过 9999-12-31，Excel 显示为 ####；日期请写成 2018-12-31 或 2018.12.31',
    'en-US': 'as a date it lies past 9999-12-31 and Excel shows ####; write the date as 2018-12-31 or 2018.12.31',
  },
};

export function reasonText(lang: Lang, code: string, params: Record<string, string | number>): string {
  return fillTemplate(INVALID_REASONS[code]?.[lang] ?? code, params);
}
