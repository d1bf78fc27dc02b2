/**
 * The task pane's own strings, in zh-CN and en-US, as data. Components take every visible word from
 * here (or, for role names and findings, from the core catalog in ../core/i18n), so that a test can
 * hold both languages to the same keys. The Chinese is worded as the staff who keep these tables
 * speak: 检查, 应用标注, 撤销标注, 逾期, 即将到期, 已完成, 得分.
 */
import { fillTemplate, type Lang } from '../core/i18n';

type Catalog = Record<string, Record<Lang, string>>;

export const UI_STRINGS = {
  'app.name': { 'zh-CN': '责任分解表助手', 'en-US': 'Responsibility tables' },
  'office.outside-excel': {
    'zh-CN': '此页面是 Excel 加载项的任务窗格，请在 Excel 中通过“开始”选项卡上的按钮打开。',
    'en-US': 'This page is the task pane of an Excel add-in; open it in Excel from its button on the Home tab.',
  },
  'app.subtitle': { 'zh-CN': '识别 · 检查 · 标注 · 评分', 'en-US': 'Recognize · check · highlight · score' },
  'lang.switch-to': { 'zh-CN': 'English', 'en-US': '中文' },
  'lang.switch-title': { 'zh-CN': '切换为英文界面', 'en-US': 'Switch to Chinese' },
  'asof.label': { 'zh-CN': '统计日期', 'en-US': 'As of' },
  'asof.from-title': {
    'zh-CN': '日期取自表格标题“{title}”，可改为其他日期',
    'en-US': 'Date taken from the table title “{title}”; you can choose another',
  },
  'asof.today': { 'zh-CN': '今天（随系统日期更新）', 'en-US': 'today (following the calendar)' },
  'asof.hint': {
    'zh-CN': '按此日期判断逾期和即将到期；为今天时，标注中的公式随系统日期更新。',
    'en-US': 'Overdue and due-soon are judged on this date; when it is today, the written formulas follow the calendar.',
  },

  'check.button': { 'zh-CN': '检查', 'en-US': 'Check' },
  'check.again': { 'zh-CN': '重新检查', 'en-US': 'Check again' },
  'check.intro': {
    'zh-CN': '点击“检查”，识别工作簿中的责任分解表，检查日期、责任人、分值等内容，并统计各节点进度和得分。',
    'en-US': 'Select Check to find the responsibility tables in this workbook, check their dates, owners and weights, and count milestones and scores.',
  },
  'progress.step': { 'zh-CN': '正在处理 {done}/{total}…', 'en-US': 'Working {done}/{total}…' },
  'progress.check': { 'zh-CN': '正在检查…', 'en-US': 'Checking…' },
  'progress.apply': { 'zh-CN': '正在写入标注…', 'en-US': 'Writing annotations…' },
  'progress.revert': { 'zh-CN': '正在撤销标注…', 'en-US': 'Removing annotations…' },
  'progress.fix': { 'zh-CN': '正在修正…', 'en-US': 'Fixing…' },
  'progress.mapping': { 'zh-CN': '正在保存列映射…', 'en-US': 'Saving the column mapping…' },
  'progress.load': { 'zh-CN': '正在读取保存的设置…', 'en-US': 'Loading the kept settings…' },

  'summary.title': { 'zh-CN': '节点概况', 'en-US': 'Milestones' },
  'summary.overdue': { 'zh-CN': '逾期', 'en-US': 'Overdue' },
  'summary.due-soon': { 'zh-CN': '即将到期', 'en-US': 'Due soon' },
  'summary.done': { 'zh-CN': '已完成', 'en-US': 'Done' },
  'summary.pending': { 'zh-CN': '未到期', 'en-US': 'Pending' },
  'summary.no-deadline': { 'zh-CN': '无期限', 'en-US': 'No date' },
  'summary.done-late': { 'zh-CN': '其中逾期完成 {count} 个', 'en-US': '{count} of them late' },
  'summary.score': { 'zh-CN': '得分', 'en-US': 'Score' },
  'points.of': { 'zh-CN': '{earned} / {max}', 'en-US': '{earned} / {max}' },
  'summary.not-eligible': {
    'zh-CN': '有“一票否优”事项未完成，不能评为优秀。',
    'en-US': 'A no-excellence (一票否优) item is not done: the table cannot be rated excellent.',
  },
  'summary.tables': { 'zh-CN': '{tables} 个表格，{tasks} 项任务，{nodes} 个节点', 'en-US': 'Tables {tables} · tasks {tasks} · milestones {nodes}' },

  'tables.title': { 'zh-CN': '识别到的表格', 'en-US': 'Tables found' },
  'tables.none': {
    'zh-CN': '没有识别到责任分解表。请检查表头，或在问题列表中查看原因。',
    'en-US': 'No responsibility table was found. Check the header rows, or see the findings for why.',
  },
  'tables.untitled': { 'zh-CN': '（无标题）', 'en-US': '(untitled)' },
  'tables.range': { 'zh-CN': '范围 {address}', 'en-US': 'Range {address}' },
  'tables.year': { 'zh-CN': '{year} 年度', 'en-US': 'Year {year}' },
  'tables.year-none': { 'zh-CN': '年度未知', 'en-US': 'Year unknown' },
  'tables.confidence': { 'zh-CN': '识别把握 {value}', 'en-US': 'Confidence {value}' },
  'tables.tasks': { 'zh-CN': '{tasks} 项任务，{nodes} 个节点', 'en-US': 'Tasks {tasks} · milestones {nodes}' },
  'tables.columns': { 'zh-CN': '各列含义（{count} 列）', 'en-US': 'Columns ({count})' },
  'tables.columns-unsure': { 'zh-CN': ' · {count} 列待核对', 'en-US': ' · {count} to check' },
  'tables.column-header-none': { 'zh-CN': '（无表头）', 'en-US': '(no header)' },
  'tables.column-label': { 'zh-CN': '{column} 列“{header}”的含义', 'en-US': 'Role of column {column} "{header}"' },
  'tables.low-confidence': { 'zh-CN': '待核对', 'en-US': 'check' },
  'tables.low-confidence-title': { 'zh-CN': '识别把握不大（{confidence}），请核对', 'en-US': 'Low confidence ({confidence}); please check' },
  'tables.role-none': { 'zh-CN': '不指定（不参与检查）', 'en-US': 'None (left out)' },
  'tables.role-auto': { 'zh-CN': '自动（按识别结果）', 'en-US': 'Automatic (as recognized)' },
  'tables.why-auto': { 'zh-CN': '自动识别依据：{why}', 'en-US': 'Recognized from: {why}' },
  'tables.role-set': { 'zh-CN': '已指定', 'en-US': 'set' },
  'tables.role-set-title': {
    'zh-CN': '此列的含义由您指定；选择“自动”可恢复识别结果。',
    'en-US': 'You set this role; choose "Automatic" to go back to what the recognizer reads.',
  },
  'tables.use-selection': { 'zh-CN': '设为表格区域', 'en-US': 'Use selection as the table' },
  'tables.use-selection-title': {
    'zh-CN': '先在工作表中选中整个表格（含表头），再点此按钮：选中的区域将作为一个表格检查。',
    'en-US': 'Select the whole table in the sheet, header included, then click here: the selection is checked as one table.',
  },
  'tables.placed': { 'zh-CN': '区域由您指定', 'en-US': 'Range set by you' },
  'tables.placed-auto': { 'zh-CN': '恢复自动识别', 'en-US': 'Recognize automatically' },
  'tables.placed-auto-title': {
    'zh-CN': '取消为此表指定的区域、表头和列含义，改回自动识别。',
    'en-US': 'Drop the range, header rows and column roles set for this table, and recognize it automatically again.',
  },
  'tables.header-rows': { 'zh-CN': '表头', 'en-US': 'Header' },
  'tables.header-rows-label': { 'zh-CN': '表格 {range} 的表头行', 'en-US': 'Header rows of table {range}' },
  'tables.header-row-one': { 'zh-CN': '第 {from} 行', 'en-US': 'Row {from}' },
  'tables.header-row-many': { 'zh-CN': '第 {from}–{to} 行', 'en-US': 'Rows {from}–{to}' },
  'tables.mapping-hint': {
    'zh-CN': '改动会保存在工作簿中，并立即重新检查。',
    'en-US': 'Changes are kept in the workbook and checked again at once.',
  },

  'findings.title': { 'zh-CN': '问题', 'en-US': 'Findings' },
  'findings.none': { 'zh-CN': '未发现问题。', 'en-US': 'No findings.' },
  'findings.go-to': { 'zh-CN': '转到单元格 {cell}', 'en-US': 'Go to cell {cell}' },
  'findings.whole-sheet': { 'zh-CN': '工作表“{sheet}”', 'en-US': 'Sheet "{sheet}"' },
  'findings.workbook': { 'zh-CN': '工作簿', 'en-US': 'Workbook' },
  'findings.fix-empty': { 'zh-CN': '（清空）', 'en-US': '(empty)' },
  'findings.apply-fix': { 'zh-CN': '修正', 'en-US': 'Apply fix' },
  'findings.undo-fixes': { 'zh-CN': '撤销修正（{count} 处）', 'en-US': 'Undo fixes ({count})' },
  'findings.filter-all': { 'zh-CN': '全部 {count}', 'en-US': 'All {count}' },
  'findings.filter-error': { 'zh-CN': '错误 {count}', 'en-US': 'Errors {count}' },
  'findings.filter-warning': { 'zh-CN': '警告 {count}', 'en-US': 'Warnings {count}' },
  'findings.filter-info': { 'zh-CN': '提示 {count}', 'en-US': 'Info {count}' },
  'findings.filter-label': { 'zh-CN': '按严重程度筛选', 'en-US': 'Filter by severity' },
  'findings.rule-id': { 'zh-CN': '规则编号 {rule}', 'en-US': 'Rule id {rule}' },
  'findings.group-title': { 'zh-CN': '{title}（{count}）', 'en-US': '{title} ({count})' },
  'findings.group-toggle': { 'zh-CN': '展开或收起“{title}”', 'en-US': 'Show or hide "{title}"' },
  'findings.fix-all': { 'zh-CN': '全部修正（{count} 处）', 'en-US': 'Fix all ({count})' },
  'findings.fix-all-title': {
    'zh-CN': '把这 {count} 个单元格都改为建议的内容；点“撤销修正”可一次全部恢复。',
    'en-US': 'Write the proposed value into all {count} cells; Undo fixes puts them all back at once.',
  },
  'findings.select-all': { 'zh-CN': '选中这些单元格', 'en-US': 'Select these cells' },
  'findings.select-all-title': { 'zh-CN': '在工作表中同时选中此类问题的 {count} 个单元格', 'en-US': 'Select the {count} cells of these findings in the sheet at once' },
  'findings.proposal': { 'zh-CN': '建议改为：', 'en-US': 'Proposed: ' },
  'findings.removed': { 'zh-CN': '删去', 'en-US': 'removed' },
  'findings.added': { 'zh-CN': '改为', 'en-US': 'becomes' },
  'rule-group.recognize': { 'zh-CN': '表格识别', 'en-US': 'Table recognition' },
  'rule-group.plan': { 'zh-CN': '应用标注时未写入', 'en-US': 'Left alone by Apply' },
  'rule-group.host': { 'zh-CN': '读取受限', 'en-US': 'Reading limited' },
  'rule-group.other': { 'zh-CN': '其他', 'en-US': 'Other' },
  'list.more': { 'zh-CN': '再显示 {count} 条', 'en-US': 'Show {count} more' },

  'scores.title': { 'zh-CN': '得分', 'en-US': 'Scores' },
  'scores.none': { 'zh-CN': '设定统计日期并检查后显示得分。', 'en-US': 'Scores show after a check.' },
  'scores.tasks': { 'zh-CN': '按任务', 'en-US': 'By task' },
  'scores.categories': { 'zh-CN': '按类别', 'en-US': 'By category' },
  'scores.col-seq': { 'zh-CN': '序号', 'en-US': 'No.' },
  'scores.col-task': { 'zh-CN': '任务', 'en-US': 'Task' },
  'scores.col-score': { 'zh-CN': '得分/满分', 'en-US': 'Earned / max' },
  'scores.col-category': { 'zh-CN': '类别', 'en-US': 'Category' },
  'scores.col-declared': { 'zh-CN': '标明分值', 'en-US': 'Declared' },
  'scores.table': { 'zh-CN': '表格 {sheet}!{range}', 'en-US': 'Table {sheet}!{range}' },
  'scores.veto-title': { 'zh-CN': '{title}（一票否决事项）', 'en-US': '{title} (veto item)' },
  'scores.no-value': { 'zh-CN': '—', 'en-US': '—' },
  'scores.total': { 'zh-CN': '合计 {points}', 'en-US': 'Total {points}' },
  'scores.path-separator': { 'zh-CN': ' / ', 'en-US': ' / ' },
  'scores.rests-on': {
    'zh-CN': '满分 {max}：已定 {decided}，未到期 {open}，无法评分 {unscorable}',
    'en-US': 'of {max}: {decided} decided, {open} not yet due, {unscorable} unscorable',
  },
  'scores.explain': { 'zh-CN': '查看得分依据', 'en-US': 'How this score was made' },
  'scores.explain-weight': { 'zh-CN': '分值 {max}（{source}），{nodes} 个节点各占 {share}', 'en-US': 'Worth {max} ({source}); {nodes} milestones of {share} each' },
  'scores.weight-column': { 'zh-CN': '权重列', 'en-US': 'weight column' },
  'scores.weight-equal': { 'zh-CN': '无权重列，平均分配', 'en-US': 'no weight column: equal share' },
  'scores.explain-node': { 'zh-CN': '第 {row} 行 · {deadline} · {state} · {earned}', 'en-US': 'Row {row} · {deadline} · {state} · {earned}' },
  'scores.no-deadline': { 'zh-CN': '无期限', 'en-US': 'no deadline' },
  'scores.lights': { 'zh-CN': '序时进度灯', 'en-US': 'Progress lights' },
  'scores.lights-none': { 'zh-CN': '不显示', 'en-US': 'off' },
  'scores.lights-yinchuan': { 'zh-CN': '银川口径', 'en-US': 'Yinchuan rule' },
  'scores.lights-suqian': { 'zh-CN': '宿迁口径', 'en-US': 'Suqian rule' },
  'scores.node-light': {
    'zh-CN': '序时进度 {elapsed}，当前进度 {progress}：{light}',
    'en-US': 'time elapsed {elapsed}, progress {progress}: {light}',
  },
  'scores.explain-item': {
    'zh-CN': '分值 {max} − 扣分 {deduction}{bonus} = {earned}（扣分制，按项计分）',
    'en-US': 'Points {max} − deduction {deduction}{bonus} = {earned} (deduction-based, by item)',
  },
  'scores.explain-own': { 'zh-CN': '得分 {earned}：表中填写的得分，照录', 'en-US': 'Score {earned}: the table’s own 得分, as written' },
  'scores.explain-item-bonus': { 'zh-CN': ' + 加分 {bonus}', 'en-US': ' + bonus {bonus}' },
  'scores.explain-item-open': {
    'zh-CN': '分值 {max}：尚未录入扣分，暂不计分（扣分制，按项计分）',
    'en-US': 'Points {max}: no deduction entered yet, not scored (deduction-based, by item)',
  },
  'scores.node-earned': { 'zh-CN': '得 {earned} / {share}', 'en-US': 'earned {earned} of {share}' },
  'scores.node-open': { 'zh-CN': '暂不计（{share}）', 'en-US': 'not counted yet ({share})' },
  'scores.node-unscorable': { 'zh-CN': '无法评分（{share}）', 'en-US': 'unscorable ({share})' },
  'state.done': { 'zh-CN': '已完成', 'en-US': 'done' },
  'state.done_late': { 'zh-CN': '逾期完成', 'en-US': 'done late' },
  'state.overdue': { 'zh-CN': '逾期未完成', 'en-US': 'overdue' },
  'state.due_soon': { 'zh-CN': '即将到期', 'en-US': 'due soon' },
  'state.pending': { 'zh-CN': '未到期', 'en-US': 'not yet due' },
  'state.no_deadline': { 'zh-CN': '无期限', 'en-US': 'no deadline' },

  'apply.button': { 'zh-CN': '应用标注', 'en-US': 'Apply' },
  'apply.title': {
    'zh-CN': '写入颜色、状态下拉、截止日期、得分公式和评分汇总表',
    'en-US': 'Write colours, status dropdowns, due dates, score formulas and the summary sheet',
  },
  'revert.button': { 'zh-CN': '撤销标注', 'en-US': 'Revert' },
  'revert.title': { 'zh-CN': '把工作簿恢复到应用标注之前的样子', 'en-US': 'Put the workbook back as it was before Apply' },
  'actions.applied-other-date': {
    'zh-CN': '工作簿中的标注按统计日期“{applied}”计算，窗格显示的是 {date} 的结果；点“应用标注”使两者一致。',
    'en-US': 'The workbook is annotated as of {applied}; the pane shows {date}. Select Apply to bring the workbook in line.',
  },
  'actions.applied': { 'zh-CN': '工作簿中已有标注', 'en-US': 'This workbook is annotated' },

  'status.checked': {
    'zh-CN': '检查完成：{tables} 个表格，{errors} 个错误，{warnings} 个警告，{infos} 个提示。',
    'en-US': 'Checked. Tables: {tables}; errors: {errors}, warnings: {warnings}, info: {infos}.',
  },
  'status.applied': {
    'zh-CN': '已应用标注：写入 {cells} 个单元格，得分汇总见工作表“{sheet}”。可随时点“撤销标注”恢复原样。',
    'en-US': 'Applied: {cells} cells written; the scores are on sheet "{sheet}". Revert puts everything back.',
  },
  'status.undo-one-step': {
    'zh-CN': '也可在 Excel 中按一次“撤消”(Ctrl+Z) 撤回本次写入。',
    'en-US': 'Excel’s Undo (Ctrl+Z) also takes this back in one step.',
  },
  'status.undo-revert-only': {
    'zh-CN': '此版本的 Excel 无法用“撤消”(Ctrl+Z) 撤回加载项写入的内容；请点“撤销标注”恢复原样。',
    'en-US': 'In this version of Excel, Undo (Ctrl+Z) cannot take back what the add-in wrote; select Revert to put everything back.',
  },
  'status.applied-blocked': {
    'zh-CN': '已应用标注，但有 {count} 处单元格已有内容，相关表格未写入，详见问题列表。',
    'en-US': 'Applied, but {count} cells in the way already hold data; those tables were left alone (see the findings).',
  },
  'status.applied-uncoloured': {
    'zh-CN': '已应用标注，但有 {count} 个表格的节点按季度（月份）分列，未写入颜色和得分公式，详见问题列表。',
    'en-US': 'Applied, but {count} tables keep their milestones in one column per period; no colours or score formulas were written for them (see the findings).',
  },
  'status.asof-needs-apply': {
    'zh-CN': '已按统计日期 {date} 重新检查，窗格中的数字已更新；工作簿中的颜色和得分仍按“{applied}”计算，点“应用标注”后才会更新。',
    'en-US': 'Checked again as of {date}: the pane shows the new counts. The colours and scores in the workbook are still as of {applied}; they change when you select Apply.',
  },
  'status.reverted': { 'zh-CN': '已撤销标注，工作簿已恢复原样。', 'en-US': 'Reverted: the workbook is as it was.' },
  'status.reverted-skipped': {
    'zh-CN': '已撤销标注；以下 {count} 处是您改过或已删除的，保持原样：{list}',
    'en-US': 'Reverted; {count} left as you made them: {list}',
  },
  'status.repaired': {
    'zh-CN': '上次应用标注未完成（窗格被关闭或连接中断），已撤销做了一半的修改，工作簿已恢复到应用之前的样子。',
    'en-US': 'The last Apply stopped half-way (the pane was closed or the connection dropped); what it had done was undone, and the workbook is as it was before it.',
  },
  'status.repaired-skipped': {
    'zh-CN': '上次应用标注未完成，已撤销做了一半的修改；以下 {count} 处是您改过或已删除的，保持原样：{list}',
    'en-US': 'The last Apply stopped half-way and what it had done was undone; {count} left as you made them: {list}',
  },
  'status.nothing-to-revert': { 'zh-CN': '工作簿中没有可撤销的标注。', 'en-US': 'There was nothing to revert.' },
  'status.fixed': { 'zh-CN': '已将 {cell} 改为“{value}”。', 'en-US': 'Set {cell} to "{value}".' },
  'status.fixed-all': {
    'zh-CN': '已修正“{title}”{count} 处：{cells}。点“撤销修正”可一次恢复。',
    'en-US': 'Fixed "{title}" in {count} cells: {cells}. Undo fixes puts them back at once.',
  },
  'status.selected-cells': {
    'zh-CN': '已在工作表“{sheet}”中选中“{title}”的 {count} 个单元格。',
    'en-US': 'Selected the {count} cells of "{title}" on sheet "{sheet}".',
  },
  'status.selected-cells-partly': {
    'zh-CN': '已在工作表“{sheet}”中选中“{title}”的 {count} 个单元格；另有 {rest} 个在其他工作表或超出一次能选中的范围，未选中。',
    'en-US': 'Selected {count} cells of "{title}" on sheet "{sheet}"; {rest} more lie on other sheets or beyond what one selection holds, and were not selected.',
  },
  'list.cells-more': { 'zh-CN': '{cells} 等（另有 {rest} 处）', 'en-US': '{cells} and {rest} more' },
  'status.fixes-undone': { 'zh-CN': '已撤销 {count} 处修正。', 'en-US': 'Undid {count} fixes.' },
  'status.mapping-saved': {
    'zh-CN': '已将 {column} 列设为“{role}”，并保存在工作簿中。',
    'en-US': 'Column {column} is now "{role}"; the mapping is kept in the workbook.',
  },
  'status.column-auto': {
    'zh-CN': '{column} 列已恢复自动识别，并保存在工作簿中。',
    'en-US': 'Column {column} is read automatically again; the mapping is kept in the workbook.',
  },
  'status.range-saved': {
    'zh-CN': '已将 {address} 设为表格区域，并保存在工作簿中。',
    'en-US': '{address} is now checked as a table; the mapping is kept in the workbook.',
  },
  'status.header-saved': {
    'zh-CN': '表格 {address} 的表头已设为{rows}，并保存在工作簿中。',
    'en-US': 'The header of table {address} is now {rows}; the mapping is kept in the workbook.',
  },
  'status.range-auto': {
    'zh-CN': '表格 {address} 已恢复自动识别，为它指定的区域、表头和列含义已移除。',
    'en-US': 'Table {address} is recognized automatically again; the range, header rows and column roles set for it were removed.',
  },
  'status.no-selection': {
    'zh-CN': '没有读到选中的区域。请先在工作表中选中整个表格（含表头）。',
    'en-US': 'No selection could be read. Select the whole table in the sheet, header included, first.',
  },
  'status.selection-too-small': {
    'zh-CN': '选中的 {address} 不足以构成表格。请选中整个表格：表头和其下至少一行。',
    'en-US': 'The selection {address} is too small for a table: select the whole table, its header and at least one row under it.',
  },
  'status.error': { 'zh-CN': '操作未完成：{message}', 'en-US': 'That did not work: {message}' },
  'status.error-title': { 'zh-CN': '出错了', 'en-US': 'Something went wrong' },
  'status.unknown-error': { 'zh-CN': '未知错误', 'en-US': 'unknown error' },
  'status.dismiss': { 'zh-CN': '关闭', 'en-US': 'Dismiss' },
  'boundary.title': { 'zh-CN': '任务窗格出错', 'en-US': 'The task pane ran into a problem' },
  'boundary.retry': { 'zh-CN': '重试', 'en-US': 'Try again' },
} satisfies Catalog;

export type UiKey = keyof typeof UI_STRINGS;

export function ui(lang: Lang, key: UiKey, params: Record<string, string | number> = {}): string {
  return fillTemplate((UI_STRINGS as Catalog)[key]?.[lang] ?? key, params);
}

/** Numbers as scores are read: at most two decimals, no trailing zeros. */
export function formatPoints(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export function formatConfidence(c: number): string {
  return `${Math.round(c * 100)}%`;
}

