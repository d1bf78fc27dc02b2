/**
 * Every user-visible string, in zh-CN and en-US. Templates take `{name}` parameters. Messages are
 * written for the people who keep these tables: short, naming the sheet, cell and column as they
 * see them, saying what to do.
 */
export const LANGS = ['zh-CN', 'en-US'] as const;
export type Lang = (typeof LANGS)[number];

type Catalog = Record<string, Record<Lang, string>>;

export const MESSAGES = {
  // Findings of the recognizer.
  'recognize.no-table': {
    'zh-CN': '工作表“{sheet}”中没有找到责任分解表（没有可识别的表头行）。如确有表格，请检查表头，或用列映射指定各列含义。',
    'en-US': 'No responsibility table found on sheet "{sheet}" (no header row recognized). If there is one, check its header or map its columns by hand.',
  },
  'recognize.low-confidence.column': {
    'zh-CN': '第 {column} 列“{header}”识别为“{role}”，但把握不大（{confidence}）：{why}。请核对，必要时在列映射中改正。',
    'en-US': 'Column {column} "{header}" was read as "{role}" with low confidence ({confidence}): {why}. Please check it and correct the mapping if needed.',
  },
  'recognize.low-confidence.unknown': {
    'zh-CN': '第 {column} 列“{header}”无法判断其含义，未参与检查。如需检查，请在列映射中指定。',
    'en-US': 'Column {column} "{header}" could not be understood and is left out of the checks. Map it by hand if it matters.',
  },
  'recognize.low-confidence.table': {
    'zh-CN': '表格 {range} 的结构识别把握不大（{confidence}），缺少{missing}。请核对识别结果。',
    'en-US': 'The layout of table {range} is uncertain ({confidence}); it has no {missing}. Please check the recognized structure.',
  },
  'recognize.mapping-unused': {
    'zh-CN': '列映射中的工作表“{sheet}”第 {table} 个表格不存在，该映射未生效。',
    'en-US': 'The mapping names table {table} of sheet "{sheet}", which does not exist; it was not applied.',
  },
  'recognize.mapping-range-empty': {
    'zh-CN': '列映射为工作表“{sheet}”指定的表格区域 {range} 中没有内容，未生效。',
    'en-US': 'The mapping sets the table range {range} on sheet "{sheet}", but it holds nothing; it was not applied.',
  },
  'recognize.mapping-range-overlap': {
    'zh-CN': '列映射为工作表“{sheet}”指定的表格区域 {range} 与已指定的区域 {other} 重叠，未生效。',
    'en-US': 'The mapping sets the table range {range} on sheet "{sheet}", which overlaps the range {other} set before it; it was not applied.',
  },
  'recognize.mapping-column-outside': {
    'zh-CN': '列映射中的 {column} 列不在表格 {range} 范围内，未生效。',
    'en-US': 'The mapping names column {column}, which is outside table {range}; it was not applied.',
  },
  'file.unreadable': {
    'zh-CN': '无法读取文件：{reason}',
    'en-US': 'The file could not be read: {reason}',
  },
  'file.unreadable.not-found': { 'zh-CN': '文件不存在或无法打开', 'en-US': 'the file does not exist or cannot be opened' },
  'file.unreadable.not-xlsx': { 'zh-CN': '不是 .xlsx 格式的工作簿', 'en-US': 'it is not an .xlsx workbook' },
  'file.unreadable.encrypted': {
    'zh-CN': '是旧版 .xls 文件或设置了打开密码，请另存为不加密的 .xlsx 后再检查',
    'en-US': 'it is a legacy .xls file or password-protected; save it as an unprotected .xlsx and check again',
  },
  'file.unreadable.corrupt': { 'zh-CN': '文件已损坏：{detail}', 'en-US': 'the file is damaged: {detail}' },
  'file.unreadable.missing-part': {
    'zh-CN': '文件不完整，缺少 {detail}（不是 Excel 保存的 .xlsx，或已损坏）',
    'en-US': 'the workbook is incomplete: {detail} is missing (not an .xlsx saved by a spreadsheet program, or damaged)',
  },
  'file.unreadable.too-large': { 'zh-CN': '工作簿过大，无法检查：{detail}', 'en-US': 'the workbook is too large to check: {detail}' },

  // Pieces of `why`, the recognizer's explanation of a column's role.
  'why.header': { 'zh-CN': '表头“{word}”', 'en-US': 'header "{word}"' },
  'why.header-group': { 'zh-CN': '合并表头“{word}”', 'en-US': 'group header "{word}"' },
  'why.no-header': { 'zh-CN': '无表头', 'en-US': 'no header' },
  'why.empty': { 'zh-CN': '整列为空', 'en-US': 'the column is empty' },
  'why.user': { 'zh-CN': '用户在列映射中指定', 'en-US': 'set in the mapping by the user' },
  'why.known-no-role': { 'zh-CN': '已知列，无对应角色', 'en-US': 'a known column with no role' },
  'why.cells': { 'zh-CN': '{count}/{total} 个单元格{what}', 'en-US': '{count}/{total} cells {what}' },
  'why.overruled': { 'zh-CN': '内容不符合“{word}”', 'en-US': 'contents do not fit "{word}"' },
  'why.group-item': {
    'zh-CN': '与右侧一列同属一个表头，表中没有任务列，此列文字较长，是各项内容',
    'en-US': 'shares its group header with the column to its right; the table has no task column and this one holds the longer texts, the items',
  },
  'why.task-parts': {
    'zh-CN': '与左侧任务列同属一个表头，列出该任务的各项分解内容（节点）',
    'en-US': 'shares its group header with the task column to its left: the parts of each task, its nodes',
  },
  'why.nodes-of-merged-task': {
    'zh-CN': '任务单元格合并了多行，此列在这些行上逐行填写，是任务的各个节点',
    'en-US': 'each task cell is merged over several rows, which this column fills one by one: the nodes',
  },
  'why.risk-subject': {
    'zh-CN': '风险登记表中，每行一个所涉对象，位于风险列左侧，是各项事项',
    'en-US': 'in a risk register, one subject per row left of the risks: the items',
  },
  'why.risk-item': {
    'zh-CN': '风险登记表中，事项是风险所涉对象；此列写的是应对措施或其他内容',
    'en-US': 'in a risk register the items are what is at risk; this column says what is done about them',
  },
  'why.group-points': {
    'zh-CN': '合并在分类上的分值，是该类的合计，不是各项任务的分值',
    'en-US': "points merged over a group: the group's total, not an item's weight",
  },
  'why.numbers-groups': {
    'zh-CN': '每个合并单元格的编号下有多项任务，编的是分组，不是任务',
    'en-US': 'each merged number spans several tasks: it numbers their groups, not the tasks',
  },
  'why.numbers-items': {
    'zh-CN': '每项任务一行一个编号，是任务的序号',
    'en-US': 'one number on each task row: the tasks\' own numbers',
  },
  'why.describes-item': {
    'zh-CN': '位于任务列右侧、未合并，是对每项任务的说明，不是分类',
    'en-US': 'right of the tasks and never merged: it describes each task, it does not group them',
  },
  'why.merged-from-left': {
    'zh-CN': '此列各行与左侧单元格合并，没有自己的内容',
    'en-US': 'its cells are merged into the column to the left: no values of its own',
  },
  'why.risk-describes': { 'zh-CN': '描述左侧所涉对象的风险', 'en-US': 'describes the risk of the subject to its left' },
  'why.groups-items': {
    'zh-CN': '每个合并单元格包含多个序号的事项，是事项的分类',
    'en-US': 'each merged cell holds several numbered items: it groups them',
  },
  'why.next-period-plan': {
    'zh-CN': '表头写的是进展所报期间的下一期：是下一步的安排',
    'en-US': 'its header names the period after the one the progress reports: the plan for what comes next',
  },
  'why.lead-among-partners': {
    'zh-CN': '所列名称也出现在配合单位中：是单位而非个人，为牵头单位',
    'en-US': 'the same names stand among the partners: bodies, not people, so the lead unit',
  },
  'why.status-of-another-kind': {
    'zh-CN': '所填词语都不表示完成状态（如“新增”“延续”），是事项的分类，不是进度',
    'en-US': 'none of its words says how far an item got (New, Continued): it classes the items, it is not their state',
  },
  'why.value-beside-target': {
    'zh-CN': '目标值另有一列：此列是实际达到的值，为完成情况',
    'en-US': 'another column holds the target: this one holds the value reached, the progress',
  },
  'why.one-per-item': { 'zh-CN': '每项任务一个取值，是该项的内容而非分类', 'en-US': 'one value per item: it belongs to the item, it does not group items' },
  'why.item-per-number': { 'zh-CN': '每个序号一条，是事项本身', 'en-US': 'one text per number: the items themselves' },
  'why.item-column': {
    'zh-CN': '表中没有其他任务列，此列每行一项，是各项任务',
    'en-US': 'no other column holds the tasks and this one has one per row',
  },
  'why.merged-blocks': { 'zh-CN': '{count} 个合并单元格，{distinct} 个不同取值', 'en-US': '{count} merged blocks, {distinct} distinct values' },
  'why.repeats': { 'zh-CN': '{count} 个取值中仅 {distinct} 个不同', 'en-US': 'only {distinct} distinct of {count} values' },
  'why.long-text': { 'zh-CN': '多为较长文字（平均 {avg} 字）', 'en-US': 'mostly longer text (average {avg} characters)' },
  'why.first-text': { 'zh-CN': '最左侧的长文字列', 'en-US': 'the leftmost column of long text' },
  'what.deadline': { 'zh-CN': '是日期或期限', 'en-US': 'are dates or periods' },
  'what.lead-deadline': { 'zh-CN': '以期限开头（如“3月31日前，…”）', 'en-US': 'open with a deadline (like "3月31日前，…")' },
  'what.row-kind': { 'zh-CN': '为“年度目标/节点”', 'en-US': 'say 年度目标 / 节点' },
  'what.phone': { 'zh-CN': '含电话号码', 'en-US': 'hold a phone number' },
  'what.unit': { 'zh-CN': '是单位名称', 'en-US': 'name units' },
  'what.person': { 'zh-CN': '是人名', 'en-US': 'are names of people' },
  'what.points': { 'zh-CN': '是分值', 'en-US': 'are points' },
  'what.seq': { 'zh-CN': '是序号', 'en-US': 'are item numbers' },
  'what.status': { 'zh-CN': '是完成状态', 'en-US': 'are status words' },
  'what.yes-no': { 'zh-CN': '为“是/否”', 'en-US': 'say yes / no' },
  'what.ordinal': { 'zh-CN': '带“一、二、”编号', 'en-US': 'carry Chinese ordinal numbers' },
  'what.numbered': { 'zh-CN': '以编号开头', 'en-US': 'open with an item number' },
  'what.declared': { 'zh-CN': '标明分值（如“（400分）”）', 'en-US': 'declare points (like "（400分）")' },

  // Role names as people call them.
  'role.category': { 'zh-CN': '类别', 'en-US': 'category' },
  'role.seq': { 'zh-CN': '序号', 'en-US': 'item number' },
  'role.task': { 'zh-CN': '任务', 'en-US': 'task' },
  'role.goal': { 'zh-CN': '年度目标', 'en-US': 'goal' },
  'role.node': { 'zh-CN': '节点', 'en-US': 'milestone' },
  'role.row_kind': { 'zh-CN': '行类型（年度目标/节点）', 'en-US': 'row kind (goal / milestone)' },
  'role.criteria': { 'zh-CN': '完成标准', 'en-US': 'criteria' },
  'role.evidence': { 'zh-CN': '证明材料', 'en-US': 'evidence' },
  'role.deadline': { 'zh-CN': '完成期限', 'en-US': 'deadline' },
  'role.lead': { 'zh-CN': '牵头单位', 'en-US': 'lead unit' },
  'role.leader': { 'zh-CN': '牵头领导', 'en-US': 'leader' },
  'role.owner': { 'zh-CN': '责任人/责任单位', 'en-US': 'owner' },
  'role.partner': { 'zh-CN': '配合单位', 'en-US': 'partners' },
  'role.weight': { 'zh-CN': '权重/分值', 'en-US': 'weight' },
  'role.status': { 'zh-CN': '完成情况', 'en-US': 'status' },
  'role.progress': { 'zh-CN': '进展情况', 'en-US': 'progress' },
  'role.done_on': { 'zh-CN': '实际完成时间', 'en-US': 'completed on' },
  'role.score': { 'zh-CN': '得分', 'en-US': 'score' },
  'role.bonus': { 'zh-CN': '加分', 'en-US': 'bonus' },
  'role.deduction': { 'zh-CN': '扣分', 'en-US': 'deduction' },
  'role.plan': { 'zh-CN': '下步计划', 'en-US': 'next steps' },
  'role.remark': { 'zh-CN': '备注', 'en-US': 'remarks' },
  'role.null': { 'zh-CN': '未识别', 'en-US': 'unknown' },

  // What `apply` writes into a workbook.
  'plan.status': { 'zh-CN': '完成情况', 'en-US': 'Status' },
  'plan.due': { 'zh-CN': '截止日期（自动）', 'en-US': 'Due (auto)' },
  'plan.score': { 'zh-CN': '任务得分（自动）', 'en-US': 'Score (auto)' },
  'plan.summary-sheet': { 'zh-CN': '评分汇总', 'en-US': 'Scores' },
  'plan.summary-title': { 'zh-CN': '责任分解表评分汇总（由责任分解表助手生成，可随时撤销）', 'en-US': 'Scores of the responsibility tables (written by resptable; can be reverted)' },
  'plan.as-of': { 'zh-CN': '统计日期', 'en-US': 'As of' },
  'plan.col-table': { 'zh-CN': '表格', 'en-US': 'Table' },
  'plan.col-category': { 'zh-CN': '类别', 'en-US': 'Category' },
  'plan.col-declared': { 'zh-CN': '标明分值', 'en-US': 'Declared' },
  'plan.col-earned': { 'zh-CN': '得分', 'en-US': 'Earned' },
  'plan.col-max': { 'zh-CN': '满分', 'en-US': 'Max' },
  'plan.col-note': { 'zh-CN': '说明', 'en-US': 'Note' },
  'plan.reading': { 'zh-CN': '计分口径', 'en-US': 'Scores read' },
  // The task list of the summary sheet: one row per task, that its category and table totals add up.
  'plan.tasks-title': { 'zh-CN': '各项任务（类别和合计由此相加）', 'en-US': 'Tasks (the categories and totals add these up)' },
  'plan.col-task': { 'zh-CN': '任务', 'en-US': 'Task' },
  'plan.col-score': { 'zh-CN': '任务得分', 'en-US': 'Score' },
  'plan.col-decided': { 'zh-CN': '已定节点', 'en-US': 'Milestones decided' },
  'plan.col-open': { 'zh-CN': '未到期节点', 'en-US': 'Not yet due' },
  'plan.col-unscorable': { 'zh-CN': '无法评分节点', 'en-US': 'Unscorable' },
  'plan.col-veto': { 'zh-CN': '否决项未完成', 'en-US': 'Veto failed' },
  // What a score rests on (src/core/scoring): shared by the check output, the summary sheet and the pane.
  'score.reading.so-far': {
    'zh-CN': '至今得分：只计已完成或已逾期的节点，未到期的节点不计得失',
    'en-US': 'earned so far: only milestones done or overdue count; those not yet due neither earn nor lose',
  },
  'score.reading.year-end': {
    'zh-CN': '年终口径：有期限而未完成的节点一律不得分，到期与否',
    'en-US': 'year-end: every milestone with a deadline that is not done earns nothing, due yet or not',
  },
  'score.none.no-deadline-no-status': {
    'zh-CN': '无可评分的节点：没有期限，也没有完成情况',
    'en-US': 'Nothing to score: the milestones have no deadline and no status',
  },
  'score.none.not-yet-due': {
    'zh-CN': '暂无可评分的节点：节点都还未到期，也没有完成情况',
    'en-US': 'Nothing to score yet: no milestone is due and none has a status',
  },
  'score.none.not-yet-due-or-no-deadline': {
    'zh-CN': '无可评分的节点：节点未到期，或没有期限，也没有完成情况',
    'en-US': 'Nothing to score: the milestones are not yet due, or have no deadline and no status',
  },
  'score.none.no-deductions-yet': {
    'zh-CN': '扣分制表格：尚未录入扣分或加分，暂不计分（不默认计满分）',
    'en-US': 'Deduction-based table: no deduction or bonus entered yet, so no score (not full marks by default)',
  },
  'score.deduction-base': {
    'zh-CN': '扣分制：起评分 {base} 分，减扣分，加加分',
    'en-US': 'Deduction-based: starts from {base} points, minus deductions, plus bonuses',
  },
  'score.item-deductions': {
    'zh-CN': '扣分制：每项得分为分值减扣分（不低于 0，不超过分值），加加分；未录入扣分的项暂不计分',
    'en-US': 'Deduction-based by item: each item scores its points minus its deduction (not below 0, not above its points), plus its bonus; an item with no deduction entered is not scored yet',
  },
  'score.bonus-cap': { 'zh-CN': '加分最高 {cap} 分', 'en-US': 'bonus at most {cap} points' },
  'score.as-of-title': {
    'zh-CN': '按标题中的截至日期 {date} 计算',
    'en-US': 'Scored as of {date}, the date in the title',
  },
  'score.equal-shares': {
    'zh-CN': '表中没有权重列：{total} 分由 {tasks} 项任务平均分配，每项 {share} 分',
    'en-US': 'The table has no weight column: {total} points shared equally by {tasks} tasks, {share} each',
  },
  'plan.done-words': { 'zh-CN': '表示完成的词', 'en-US': 'Words for done' },
  'plan.delayed-words': { 'zh-CN': '表示滞后的词', 'en-US': 'Words for behind' },
  'plan.total': { 'zh-CN': '合计', 'en-US': 'Total' },
  'plan.milestones-in-columns': {
    'zh-CN': '表格 {range} 的节点按季度（月份）分列，一行有多个节点；此类表格暂不写入颜色和得分公式，检查结果和得分见任务窗格。',
    'en-US': 'Table {range} keeps its milestones in one column per period, several to a row; colours and score formulas are not written for such tables yet. The check and the scores are in the task pane.',
  },
  'plan.occupied': {
    'zh-CN': '要写入的单元格 {cell} 已有内容“{found}”，为不覆盖您的数据，此表未写入颜色和得分。请清空该列或移走内容后重试。',
    'en-US': 'Cell {cell} where resptable would write already holds "{found}"; to keep your data, this table was left as it is. Clear that column or move its contents, then apply again.',
  },
  'plan.occupied.expected': { 'zh-CN': '空单元格', 'en-US': 'an empty cell' },
  // 序时进度 lights (src/core/progress/elapsed.ts, src/core/plan/lights.ts).
  'light.green': { 'zh-CN': '绿灯', 'en-US': 'green' },
  'light.blue': { 'zh-CN': '蓝灯', 'en-US': 'blue' },
  'light.yellow': { 'zh-CN': '黄灯', 'en-US': 'yellow' },
  'light.red': { 'zh-CN': '红灯', 'en-US': 'red' },
  'light.preset.yinchuan': {
    'zh-CN': '银川口径：进度落后序时进度 {yellow}–{red} 个百分点为黄灯，超过 {red} 个百分点为红灯',
    'en-US': 'Yinchuan rule: yellow when progress is {yellow}–{red} points behind the time elapsed, red when more than {red} behind',
  },
  'light.preset.suqian': {
    'zh-CN': '宿迁口径：逾期未完成为红灯，落后序时进度为黄灯，{near} 天内到期为蓝灯',
    'en-US': 'Suqian rule: red when overdue, yellow when behind the time elapsed, blue when due within {near} days',
  },
  'plan.elapsed': { 'zh-CN': '序时进度（自动）', 'en-US': 'Time elapsed (auto)' },
  'plan.progress-read': { 'zh-CN': '当前进度（自动）', 'en-US': 'Progress read (auto)' },
  'plan.light': { 'zh-CN': '进度灯（自动）', 'en-US': 'Light (auto)' },
  'plan.lights-title': { 'zh-CN': '序时进度灯（节点数）', 'en-US': 'Progress lights (milestones)' },
  'lights.count': { 'zh-CN': '序时进度：绿灯 {green}，蓝灯 {blue}，黄灯 {yellow}，红灯 {red}', 'en-US': 'Progress lights: {green} green, {blue} blue, {yellow} yellow, {red} red' },

  // The readable summary of `resptable check`.
  'cli.file': { 'zh-CN': '文件 {file}', 'en-US': 'File {file}' },
  'cli.sheet': { 'zh-CN': '  工作表“{sheet}”', 'en-US': '  Sheet "{sheet}"' },
  'cli.sheet-hidden': { 'zh-CN': '（隐藏）', 'en-US': ' (hidden)' },
  'cli.no-table': { 'zh-CN': '    没有责任分解表', 'en-US': '    no responsibility table' },
  'cli.table': {
    'zh-CN': '    表格 {range}  “{title}”  年度 {year}  把握 {confidence}',
    'en-US': '    Table {range}  "{title}"  year {year}  confidence {confidence}',
  },
  'cli.tasks': { 'zh-CN': '      任务 {tasks} 项，节点 {nodes} 个', 'en-US': '      {tasks} tasks, {nodes} milestones' },
  'cli.category': {
    'zh-CN': '      类别 {path}：{tasks} 项{declared}',
    'en-US': '      Category {path}: {tasks} tasks{declared}',
  },
  'cli.category-declared': { 'zh-CN': '，标明 {declared} 分，权重合计 {sum}', 'en-US': ', declared {declared}, weights add up to {sum}' },
  'cli.states': {
    'zh-CN': '      节点：逾期 {overdue}，即将到期 {dueSoon}，已完成 {done}，未到期 {pending}，无期限 {none}',
    'en-US': '      milestones: {overdue} overdue, {dueSoon} due soon, {done} done, {pending} pending, {none} without a date',
  },
  'cli.score': {
    'zh-CN': '      得分 {earned} / {outOf}（满分 {max}：已定 {decided}，未到期 {open}，无法评分 {unscorable}）',
    'en-US': '      score {earned} / {outOf} (of {max}: {decided} decided, {open} not yet due, {unscorable} unscorable)',
  },
  'cli.no-score': {
    'zh-CN': '      不计分：{reason}（满分 {max}：已定 {decided}，未到期 {open}，无法评分 {unscorable}）',
    'en-US': '      no score: {reason} (of {max}: {decided} decided, {open} not yet due, {unscorable} unscorable)',
  },
  'cli.reading': { 'zh-CN': '      计分口径：{reading}', 'en-US': '      scores read as {reading}' },
  'cli.equal-shares': { 'zh-CN': '      {text}', 'en-US': '      {text}' },
  'cli.score-note': { 'zh-CN': '      {text}', 'en-US': '      {text}' },
  'cli.lights': { 'zh-CN': '      {text}', 'en-US': '      {text}' },
  'cli.findings': { 'zh-CN': '  发现 {count} 个问题', 'en-US': '  {count} findings' },
  'cli.no-findings': { 'zh-CN': '  未发现问题', 'en-US': '  no findings' },
  'cli.error': { 'zh-CN': '错误', 'en-US': 'error' },
  'cli.warning': { 'zh-CN': '警告', 'en-US': 'warning' },
  'cli.info': { 'zh-CN': '提示', 'en-US': 'info' },
  'cli.none': { 'zh-CN': '无', 'en-US': 'none' },
  'cli.summary': {
    'zh-CN': '共检查 {files} 个文件：{tables} 个表格，{tasks} 项任务，{nodes} 个节点；{unreadable} 个文件无法读取。',
    'en-US': 'Checked {files} files: {tables} tables, {tasks} tasks, {nodes} milestones; {unreadable} unreadable.',
  },
  'cli.usage': {
    'zh-CN':
      '用法：\n  resptable check 文件.xlsx… [--json] [--severity error|warning|info] [--exit-zero] [--as-of 日期] [--mapping 映射.json] [--lights yinchuan|suqian] [--lang zh-CN|en-US]\n  resptable apply 文件.xlsx… --out 目录 [--in-place] [--as-of 日期] [--lights yinchuan|suqian] [--summary 汇总.xlsx]    写入颜色和得分公式\n  resptable revert 文件.xlsx… --out 目录 [--in-place]    撤销写入的内容\n  resptable rules [--markdown]    列出全部检查规则\n  resptable schema    输出检查报告的 JSON Schema\n  resptable help',
    'en-US':
      'Usage:\n  resptable check FILE.xlsx… [--json] [--severity error|warning|info] [--exit-zero] [--as-of DATE] [--mapping FILE.json] [--lights yinchuan|suqian] [--lang zh-CN|en-US]\n  resptable apply FILE.xlsx… --out DIR [--in-place] [--as-of DATE] [--lights yinchuan|suqian] [--summary summary.xlsx]    write colours and score formulas\n  resptable revert FILE.xlsx… --out DIR [--in-place]    take them out again\n  resptable rules [--markdown]    list the validation rules\n  resptable schema    print the JSON Schema of the check report\n  resptable help',
  },
  'cli.bad-option': { 'zh-CN': '无法识别的参数：{arg}', 'en-US': 'Unknown option: {arg}' },
  'cli.bad-date': { 'zh-CN': '--as-of 需要 YYYY-MM-DD 格式的日期，收到“{value}”', 'en-US': '--as-of needs a date as YYYY-MM-DD, got "{value}"' },
  'cli.bad-mapping': { 'zh-CN': '映射文件 {file} 无效：{detail}', 'en-US': 'The mapping file {file} is not valid: {detail}' },
  'cli.no-files': { 'zh-CN': '请给出要检查的 .xlsx 文件', 'en-US': 'Name the .xlsx files to check' },
  'cli.no-out': {
    'zh-CN': 'apply 和 revert 需要 --out 目录（另存副本），或 --in-place（直接修改原文件）',
    'en-US': 'apply and revert need --out DIR (write copies) or --in-place (change the files themselves)',
  },
  'cli.wrote': { 'zh-CN': '已写入 {file}', 'en-US': 'wrote {file}' },
  'cli.reverted': { 'zh-CN': '已撤销 {file} 中 resptable 写入的内容', 'en-US': 'reverted what resptable wrote in {file}' },
  'cli.nothing-to-revert': { 'zh-CN': '{file} 中没有 resptable 写入的内容', 'en-US': '{file} holds nothing resptable wrote' },
  'cli.progress': { 'zh-CN': '[{n}/{total}] {file}', 'en-US': '[{n}/{total}] {file}' },
  'summary.sheet': { 'zh-CN': '汇总', 'en-US': 'Summary' },
  'summary.file': { 'zh-CN': '文件', 'en-US': 'File' },
  'summary.sheet-col': { 'zh-CN': '工作表', 'en-US': 'Sheet' },
  'summary.unit': { 'zh-CN': '单位/表格', 'en-US': 'Unit / table' },
  'summary.nodes': { 'zh-CN': '节点数', 'en-US': 'Milestones' },
  'summary.overdue': { 'zh-CN': '逾期', 'en-US': 'Overdue' },
  'summary.due-soon': { 'zh-CN': '即将到期', 'en-US': 'Due soon' },
  'summary.done': { 'zh-CN': '已完成', 'en-US': 'Done' },
  'summary.errors': { 'zh-CN': '错误', 'en-US': 'Errors' },
  'summary.warnings': { 'zh-CN': '警告', 'en-US': 'Warnings' },
  'summary.infos': { 'zh-CN': '提示', 'en-US': 'Info' },
  'summary.earned': { 'zh-CN': '得分', 'en-US': 'Score' },
  'summary.max': { 'zh-CN': '满分', 'en-US': 'Max' },
  'summary.decided': { 'zh-CN': '已定分值', 'en-US': 'Decided' },
  'summary.open': { 'zh-CN': '未到期分值', 'en-US': 'Not yet due' },
  'summary.unscorable': { 'zh-CN': '无法评分', 'en-US': 'Unscorable' },
  'summary.note': { 'zh-CN': '说明', 'en-US': 'Note' },
  'summary.link': { 'zh-CN': '标注后的副本', 'en-US': 'Annotated copy' },
  'summary.unreadable': { 'zh-CN': '无法读取', 'en-US': 'unreadable' },
  'cli.bad-severity': { 'zh-CN': '--severity 只能是 error、warning 或 info，收到“{value}”', 'en-US': '--severity is error, warning or info, got "{value}"' },
  'cli.rules-title': { 'zh-CN': '检查规则', 'en-US': 'Validation rules' },
  'cli.rules-intro': {
    'zh-CN': '`resptable check` 检查的每条规则：编号、严重程度、类别和说明。本文件由规则目录生成（`npm run docs`），请勿手工修改。',
    'en-US': 'Every rule `resptable check` applies: id, severity, family and what it says. Generated from the rule catalogue (`npm run docs`); do not edit by hand.',
  },
  'cli.rules-columns': { 'zh-CN': '| 规则 | 严重程度 | 类别 | 名称 | 期望 | 有自动修正 |', 'en-US': '| rule | severity | family | title | expected | fix |' },
  'cli.yes': { 'zh-CN': '是', 'en-US': 'yes' },
  'cli.no': { 'zh-CN': '', 'en-US': '' },
  'family.structure': { 'zh-CN': '结构', 'en-US': 'structure' },
  'family.dates': { 'zh-CN': '日期', 'en-US': 'dates' },
  'family.owners': { 'zh-CN': '责任人', 'en-US': 'owners' },
  'family.weights': { 'zh-CN': '分值', 'en-US': 'weights' },
  'family.numbering': { 'zh-CN': '序号', 'en-US': 'numbering' },
  'family.hygiene': { 'zh-CN': '文本规范', 'en-US': 'text hygiene' },
  // The Office.js host: what stops it, said so that the user knows what to do.
  'host.requirement-missing': {
    'zh-CN': '此版本的 Excel 不支持{feature}（需要 Excel API {version}）。请更新 Office，或改用网页版 Excel。',
    'en-US': 'This version of Excel cannot {feature} (it needs Excel API {version}). Please update Office, or use Excel on the web.',
  },
  'host.feature.read': { 'zh-CN': '读取工作簿', 'en-US': 'read this workbook' },
  'host.limited.merges': {
    'zh-CN': '此版本的 Excel 无法告知合并单元格（需要 Excel API 1.13），任务跨多行合并的表格可能识别不全。请更新 Office，或改用网页版 Excel。',
    'en-US': 'This version of Excel does not report merged cells (it needs Excel API 1.13); tables whose tasks span merged rows may be read less well. Please update Office, or use Excel on the web.',
  },
  'host.limited.hidden': {
    'zh-CN': '此版本的 Excel 无法告知隐藏的行和列（需要 Excel API 1.9），隐藏行中的内容也参与了检查。',
    'en-US': 'This version of Excel does not report hidden rows and columns (it needs Excel API 1.9); what hidden rows hold was checked too.',
  },
  'host.feature.apply': { 'zh-CN': '写入标注、评分和下拉选项', 'en-US': 'write highlights, scores and dropdowns' },
  'host.sheet-exists': {
    'zh-CN': '工作簿中已有名为“{sheet}”的工作表，加载项需要用这个名称写入汇总。请先重命名该工作表。',
    'en-US': 'The workbook already has a sheet named "{sheet}", which the add-in needs for its summary. Please rename that sheet first.',
  },
  'host.sheet-protected': {
    'zh-CN': '工作表“{sheet}”受保护，加载项无法写入。请先在“审阅 > 撤消工作表保护”中取消保护；工作簿未作任何改动。',
    'en-US': 'The sheet "{sheet}" is protected, so the add-in cannot write to it. Unprotect it first (Review > Unprotect Sheet); nothing was changed.',
  },
  'host.no-sheet': {
    'zh-CN': '工作簿中没有工作表“{sheet}”（{cell}）。',
    'en-US': 'The workbook has no sheet "{sheet}" ({cell}).',
  },
  'host.journal-unreadable': {
    'zh-CN': '加载项记录的修改日志已损坏，无法撤销上次写入的内容。',
    'en-US': 'The add-in\'s journal of changes is damaged; what it last wrote cannot be reverted.',
  },
  // A journal read from a workbook that cannot be acted on: each says why, and that nothing was changed.
  'journal.damaged': {
    'zh-CN': '加载项的修改日志（工作表 _resptable_journal）不是完整的 JSON 文本，已损坏；工作簿未作任何改动。',
    'en-US': 'The add-in\'s journal (sheet _resptable_journal) is not complete JSON text: it is damaged. Nothing was changed.',
  },
  'journal.newer': {
    'zh-CN': '修改日志由更新版本的 resptable 写入（日志版本 {version}，本版本只认 {supported}），请用新版本撤销；工作簿未作任何改动。',
    'en-US': 'The journal was written by a newer resptable (journal version {version}; this one reads {supported}). Revert it with the newer version. Nothing was changed.',
  },
  'journal.unsealed': {
    'zh-CN': '修改日志没有校验码（由旧版本写入或被手工改过），无法核实，不能据此撤销；工作簿未作任何改动。',
    'en-US': 'The journal carries no digest (an older version wrote it, or it was written by hand): it cannot be verified, so nothing is reverted from it. Nothing was changed.',
  },
  'journal.malformed': {
    'zh-CN': '修改日志的内容不符合其格式（{path} 处有误），无法核实；工作簿未作任何改动。',
    'en-US': 'The journal does not follow its format (at {path}): it cannot be verified. Nothing was changed.',
  },
  'journal.too-large': {
    'zh-CN': '修改日志中的 {what} 有 {count} 项，超过上限 {max}，不像加载项写入的日志；工作簿未作任何改动。',
    'en-US': 'The journal holds {count} entries of {what}, more than the {max} allowed: the add-in never writes such a journal. Nothing was changed.',
  },
  'journal.digest': {
    'zh-CN': '修改日志的校验码与其内容不符（日志被改动过）；工作簿未作任何改动。',
    'en-US': 'The journal\'s digest does not match its content (it has been edited). Nothing was changed.',
  },
  'journal.sheets-not-planned': {
    'zh-CN': '修改日志要删除的工作表“{sheet}”不是它记录的计划所添加的；工作簿未作任何改动。',
    'en-US': 'The journal would delete sheet "{sheet}", which its own plan did not add. Nothing was changed.',
  },
  'journal.not-ours': {
    'zh-CN': '修改日志称加载项在 {cell} 写入了“{found}”，但加载项从不在用户的工作表中写这样的内容；工作簿未作任何改动。',
    'en-US': 'The journal says the add-in wrote "{found}" into {cell}, which the add-in never writes on a user\'s sheet. Nothing was changed.',
  },
  'journal.outside': {
    'zh-CN': '修改日志要恢复 {what}，但它记录的计划从未写过那里；工作簿未作任何改动。',
    'en-US': 'The journal would restore {what}, where its own plan never wrote. Nothing was changed.',
  },
  'journal.reaches-out': {
    'zh-CN': '修改日志要在 {what} 写回的公式会调用工作簿以外的程序、文件或网址（{part}），不予恢复；工作簿未作任何改动。',
    'en-US': 'The journal would put back a formula in {what} that calls a program, file or address outside the workbook ({part}). Nothing was changed.',
  },
  'journal.foreign-name': {
    'zh-CN': '修改日志要改动名称“{name}”，它不是加载项自己的名称；工作簿未作任何改动。',
    'en-US': 'The journal would change the name "{name}", which is not one of the add-in\'s own. Nothing was changed.',
  },
  'journal.sheet-not-ours': {
    'zh-CN': '修改日志要删除工作表“{sheet}”，但该表没有加载项的标记（A1 中的汇总标题），可能是您自己的表；工作簿未作任何改动。',
    'en-US': 'The journal would delete sheet "{sheet}", which does not carry the add-in\'s mark (its title in A1) and may be your own. Nothing was changed.',
  },
  // What a revert left as the user made it, one item each (joined into a list).
  'revert.skip.changed': { 'zh-CN': '{cell}（您改过，保留您的内容）', 'en-US': '{cell} (you changed it; kept as you left it)' },
  'revert.skip.deleted': { 'zh-CN': '{cell}（所在行或列已被删除）', 'en-US': '{cell} (its row or column was deleted)' },
  'revert.skip.sheet-changed': { 'zh-CN': '工作表“{sheet}”（您在其中写过内容，保留）', 'en-US': 'sheet "{sheet}" (you wrote into it; kept)' },
  'revert.skip.sheet-gone': { 'zh-CN': '工作表“{sheet}”（已不存在）', 'en-US': 'sheet "{sheet}" (no longer there)' },
  'revert.skip.more': { 'zh-CN': '另有 {count} 处', 'en-US': '{count} more' },
  'cli.reverted-skipped': {
    'zh-CN': '已撤销 {file} 中 resptable 写入的内容；以下 {count} 处保持原样：{list}',
    'en-US': 'reverted what resptable wrote in {file}; {count} left as they are: {list}',
  },
  'journal.anchors': {
    'zh-CN': '修改日志用来定位所写内容的锚点（工作表 _resptable_journal 的 B 列）与日志不符或互相矛盾，无法确定各处内容现在的位置；工作簿未作任何改动。',
    'en-US': 'The anchors that tell where the journal\'s cells are now (column B of sheet _resptable_journal) do not fit the journal or contradict each other, so it cannot tell where anything is. Nothing was changed.',
  },
  'journal.other-workbook': {
    'zh-CN': '修改日志与本工作簿不符：它记录写入的 {checked} 处内容中只有 {matched} 处还在，可能是从别的工作簿复制来的；工作簿未作任何改动。',
    'en-US': 'The journal does not match this workbook: of {checked} things it says were written, only {matched} are there; it may come from another workbook. Nothing was changed.',
  },
} satisfies Catalog;

export type MessageKey = keyof typeof MESSAGES;

/** `{name}` in a template → its parameter; a name without one stays as written. */
export function fillTemplate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all));
}

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fillTemplate((MESSAGES as Catalog)[key]?.[lang] ?? key, params);
}

export function isLang(s: string): s is Lang {
  return (LANGS as readonly string[]).includes(s);
}
