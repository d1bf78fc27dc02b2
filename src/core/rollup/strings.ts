/**
 * The words of the collector's report (the 汇总 workbook) and of the 督办单 / 催办单 / 提醒单, in both
 * languages. The notices are worded as supervision offices word theirs: the matter, the unit, the
 * person and phone, the time limit, how long it is overdue, and when and how to answer.
 */
import { fillTemplate, type Lang } from '../i18n';

export const ROLLUP_STRINGS = {
  // Sheets of the 汇总 workbook.
  'sheet.cover': { 'zh-CN': '封面', 'en-US': 'Cover' },
  'sheet.ranking': { 'zh-CN': '单位排名', 'en-US': 'Ranking' },
  'sheet.overdue': { 'zh-CN': '逾期清单', 'en-US': 'Overdue list' },
  'sheet.findings': { 'zh-CN': '检查发现', 'en-US': 'Findings' },
  'sheet.files': { 'zh-CN': '文件明细', 'en-US': 'Files' },
  'sheet.chart-data': { 'zh-CN': '图表数据', 'en-US': 'Chart data' },

  // The cover.
  'cover.title': { 'zh-CN': '责任分解表汇总报告', 'en-US': 'Responsibility tables: summary report' },
  'cover.as-of': { 'zh-CN': '统计截止日期：{date}', 'en-US': 'As of {date}' },
  'cover.files-read': { 'zh-CN': '已读取文件 {read} 个，无法读取 {unread} 个，共 {total} 个', 'en-US': '{read} files read, {unread} could not be read, {total} in all' },
  'cover.totals': { 'zh-CN': '合计', 'en-US': 'Totals' },
  'cover.files': { 'zh-CN': '文件清单', 'en-US': 'Files given' },
  'cover.chart': { 'zh-CN': '各单位节点情况', 'en-US': 'Milestones by unit' },
  'cover.read-ok': { 'zh-CN': '已读取', 'en-US': 'read' },
  'cover.read-failed': { 'zh-CN': '无法读取', 'en-US': 'could not be read' },
  'cover.no-table': { 'zh-CN': '已读取，未找到责任分解表', 'en-US': 'read; no responsibility table found' },
  'cover.behind-absent': {
    'zh-CN': '“落后序时进度”一列：本次未计算序时进度（表中无进度百分比或未启用进度灯），显示为“—”。',
    'en-US': 'The "behind schedule" column: elapsed-time progress was not computed this time (no progress percentages, or lights not enabled); shown as "—".',
  },
  'footer': { 'zh-CN': '统计截止 {date}　第 &P 页 / 共 &N 页', 'en-US': 'As of {date}   page &P of &N' },

  // Column headers.
  'col.file': { 'zh-CN': '文件', 'en-US': 'File' },
  'col.status': { 'zh-CN': '读取情况', 'en-US': 'Read' },
  'col.why': { 'zh-CN': '原因', 'en-US': 'Why' },
  'col.tables': { 'zh-CN': '表格数', 'en-US': 'Tables' },
  'col.rank': { 'zh-CN': '名次', 'en-US': 'Rank' },
  'col.unit': { 'zh-CN': '责任单位', 'en-US': 'Unit' },
  'col.tasks': { 'zh-CN': '任务数', 'en-US': 'Tasks' },
  'col.nodes': { 'zh-CN': '节点数', 'en-US': 'Milestones' },
  'col.overdue': { 'zh-CN': '逾期', 'en-US': 'Overdue' },
  'col.due-soon': { 'zh-CN': '即将到期', 'en-US': 'Due soon' },
  'col.behind': { 'zh-CN': '落后序时进度', 'en-US': 'Behind schedule' },
  'col.done': { 'zh-CN': '已完成', 'en-US': 'Done' },
  'col.pending': { 'zh-CN': '未到期', 'en-US': 'Not yet due' },
  'col.earned': { 'zh-CN': '得分', 'en-US': 'Score' },
  'col.max': { 'zh-CN': '满分', 'en-US': 'Max' },
  'col.rate': { 'zh-CN': '得分率', 'en-US': 'Score rate' },
  'col.light': { 'zh-CN': '亮灯', 'en-US': 'Light' },
  'col.red': { 'zh-CN': '红灯', 'en-US': 'Red' },
  'col.yellow': { 'zh-CN': '黄灯', 'en-US': 'Yellow' },
  'col.blue': { 'zh-CN': '蓝灯', 'en-US': 'Blue' },
  'col.green': { 'zh-CN': '绿灯', 'en-US': 'Green' },
  'col.seq': { 'zh-CN': '序号', 'en-US': 'No.' },
  'col.task': { 'zh-CN': '工作任务', 'en-US': 'Task' },
  'col.node': { 'zh-CN': '节点目标（表内原文）', 'en-US': 'Milestone (as written)' },
  'col.owner': { 'zh-CN': '责任人', 'en-US': 'Owner' },
  'col.phone': { 'zh-CN': '联系电话', 'en-US': 'Phone' },
  'col.deadline': { 'zh-CN': '完成时限', 'en-US': 'Deadline' },
  'col.due': { 'zh-CN': '应完成日期', 'en-US': 'Due on' },
  'col.days-late': { 'zh-CN': '逾期天数', 'en-US': 'Days late' },
  'col.state': { 'zh-CN': '情况', 'en-US': 'State' },
  'col.link': { 'zh-CN': '位置（标注副本）', 'en-US': 'Cell (annotated copy)' },
  'col.cell': { 'zh-CN': '单元格', 'en-US': 'Cell' },
  'col.severity': { 'zh-CN': '级别', 'en-US': 'Severity' },
  'col.rule': { 'zh-CN': '问题', 'en-US': 'Issue' },
  'col.message': { 'zh-CN': '说明', 'en-US': 'Detail' },
  'col.sheet': { 'zh-CN': '工作表', 'en-US': 'Sheet' },
  'col.table': { 'zh-CN': '表格', 'en-US': 'Table' },
  'not-computed': { 'zh-CN': '—', 'en-US': '—' },
  'no-unit': { 'zh-CN': '（未注明单位）', 'en-US': '(no unit named)' },
  'no-findings': { 'zh-CN': '未发现问题', 'en-US': 'No findings' },

  // What an item is.
  'state.overdue': { 'zh-CN': '逾期未完成', 'en-US': 'overdue' },
  'state.behind': { 'zh-CN': '落后序时进度', 'en-US': 'behind schedule' },
  'state.due-soon': { 'zh-CN': '即将到期', 'en-US': 'due soon' },
  'light.red': { 'zh-CN': '红灯', 'en-US': 'red' },
  'light.yellow': { 'zh-CN': '黄灯', 'en-US': 'yellow' },
  'light.blue': { 'zh-CN': '蓝灯', 'en-US': 'blue' },
  'light.green': { 'zh-CN': '绿灯', 'en-US': 'green' },
  'severity.error': { 'zh-CN': '错误', 'en-US': 'error' },
  'severity.warning': { 'zh-CN': '警告', 'en-US': 'warning' },
  'severity.info': { 'zh-CN': '提示', 'en-US': 'info' },

  // The notices, graded by light: blue a reminder, yellow a reminder to hurry, red supervision.
  'notice.title.blue': { 'zh-CN': '工作提醒单', 'en-US': 'Reminder' },
  'notice.title.yellow': { 'zh-CN': '工作催办单', 'en-US': 'Hurry-up notice' },
  'notice.title.red': { 'zh-CN': '工作督办单', 'en-US': 'Supervision notice' },
  'notice.number': { 'zh-CN': '编号：{date}-{n}', 'en-US': 'No. {date}-{n}' },
  'notice.to': { 'zh-CN': '{unit}：', 'en-US': 'To: {unit}' },
  'notice.body.red': {
    'zh-CN': '根据《{table}》，截至{date}，你单位负责的以下 {count} 个工作节点已超过完成时限仍未完成（或明显落后于序时进度），现予督办。请抓紧办理，并于收到本单后 {reply} 个工作日内将办理情况书面报送；确实无法按期完成的，请说明原因、提出整改措施和预计完成时间。',
    'en-US': 'Under "{table}", as of {date} the following {count} milestones in your charge are past their time limit and not done (or well behind schedule). Please act on them and report in writing within {reply} working days of receiving this notice; where one cannot be finished, give the reason, the remedy and the expected date.',
  },
  'notice.body.yellow': {
    'zh-CN': '根据《{table}》，截至{date}，你单位负责的以下 {count} 个工作节点进度落后于序时进度，现予催办。请加快推进，并于收到本单后 {reply} 个工作日内报送进展情况。',
    'en-US': 'Under "{table}", as of {date} the following {count} milestones in your charge are behind schedule. Please speed them up and report progress within {reply} working days.',
  },
  'notice.body.blue': {
    'zh-CN': '根据《{table}》，截至{date}，你单位负责的以下 {count} 个工作节点即将到期，特此提醒。请按时完成，并及时报送完成情况。',
    'en-US': 'Under "{table}", as of {date} the following {count} milestones in your charge fall due soon. Please finish them on time and report when done.',
  },
  'notice.tables': { 'zh-CN': '{first} 等 {n} 张表', 'en-US': '{first} and {more} more' },
  'notice.signature': { 'zh-CN': '督办单位（盖章）：　　　　　　签发人：　　　　　　{date}', 'en-US': 'Issued by (seal):              Signed:              {date}' },
  'notice.feedback': { 'zh-CN': '办理情况反馈：', 'en-US': 'What was done:' },
  'notice.feedback-sign': { 'zh-CN': '承办单位负责人（签字）：　　　　　　年　月　日', 'en-US': 'Head of the unit (signature):              date' },
  'notice.contacts': { 'zh-CN': '责任人及联系电话：{list}', 'en-US': 'Owner and phone: {list}' },
  'notice.days-late': { 'zh-CN': '{days} 天', 'en-US': '{days} days' },
  'notice.due-in': { 'zh-CN': '{days} 天后到期', 'en-US': 'due in {days} days' },
  'notice.due-today': { 'zh-CN': '今日到期', 'en-US': 'due today' },
  'notice.none': { 'zh-CN': '没有逾期、落后或即将到期的节点，无需发督办单。', 'en-US': 'No milestone is overdue, behind or due soon: no notice to send.' },
  'notice.wrote': { 'zh-CN': '已写出督办单 {file}（{count} 个单位）', 'en-US': 'Wrote the notices {file} ({count} units)' },
  'notice.pdf': { 'zh-CN': '已转换为 PDF：{file}', 'en-US': 'Converted to PDF: {file}' },
  'notice.no-pdf': { 'zh-CN': '未找到 LibreOffice（soffice），未生成 PDF；督办单工作簿已写出', 'en-US': 'LibreOffice (soffice) not found: no PDF made; the notices workbook is written' },
  'notice.write-failed': { 'zh-CN': '无法写入督办单 {file}：{detail}', 'en-US': 'Could not write the notices {file}: {detail}' },
  'notice.pdf-failed': { 'zh-CN': '转换 PDF 失败：{detail}', 'en-US': 'Converting to PDF failed: {detail}' },
} as const satisfies Record<string, Record<Lang, string>>;

export type RollupKey = keyof typeof ROLLUP_STRINGS;

export function rt(lang: Lang, key: RollupKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(ROLLUP_STRINGS[key][lang], params);
}
