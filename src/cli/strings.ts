/**
 * The command line's own strings, in both languages: usage mistakes, what went wrong reading or
 * writing a file, and what became of the input. The report's strings stay in core i18n.
 */
import { fillTemplate, type Lang } from '../core/i18n';

export const CLI_STRINGS = {
  'cli.unknown-command': { 'zh-CN': '未知命令“{command}”', 'en-US': 'Unknown command "{command}"' },
  'cli.no-command': { 'zh-CN': '请给出命令：check、apply、revert、rules 或 schema', 'en-US': 'Name a command: check, apply, revert, rules or schema' },
  'cli.out-is-input-folder': {
    'zh-CN': '--out {out} 就是输入文件 {file} 所在的文件夹，副本会覆盖原文件；请另选一个文件夹，或用 --in-place 直接修改原文件',
    'en-US': '--out {out} is the folder of the input {file}, so the copy would replace it; choose another folder, or --in-place to change the files themselves',
  },
  'cli.summary-collides': {
    'zh-CN': '--summary {summary} 会覆盖 {file}；请另选汇总文件名',
    'en-US': '--summary {summary} would overwrite {file}; give the summary another name',
  },
  'cli.diff-files': {
    'zh-CN': 'diff 需要两个文件（上一轮、本轮），或 --since 上一轮目录 / --template 下发模板.xlsx 加本轮文件',
    'en-US': 'diff needs two files (last round, this round), or --since LAST_DIR / --template ISSUED.xlsx and this round\'s files',
  },
  'cli.split-usage': { 'zh-CN': 'split 需要一个汇总表文件和 --out 目录，--by 为 lead 或 owner', 'en-US': 'split needs one master file and --out DIR; --by is lead or owner' },
  'cli.collect-usage': { 'zh-CN': 'collect 需要副本目录和 --into 汇总表.xlsx（撤销：collect --revert --into 汇总表.xlsx）', 'en-US': 'collect needs the folder of copies and --into MASTER.xlsx (to undo: collect --revert --into MASTER.xlsx)' },
  'cli.usage-collector': {
    'zh-CN':
      '  check / apply 另可加：--summary 汇总.xlsx（封面、单位排名、逾期清单、检查发现）  --notices 督办单.xlsx [--pdf]（每个单位一张督办单/催办单/提醒单）  --jobs N（并行处理的线程数）  --progress\n  resptable diff 上一轮.xlsx 本轮.xlsx | --since 上一轮目录 本轮.xlsx… | --template 下发模板.xlsx 副本.xlsx… [--json] [--jobs N] [--progress]    对比两轮\n  resptable split 汇总表.xlsx --by lead|owner --out 目录    按单位拆分下发\n  resptable collect 目录 --into 汇总表.xlsx [--json] [--jobs N] [--progress]    收回填报；collect --revert --into 汇总表.xlsx 撤销',
    'en-US':
      '  check / apply also take: --summary SUMMARY.xlsx (cover, ranking, overdue list, findings)  --notices NOTICES.xlsx [--pdf] (a notice per unit)  --jobs N (worker threads)  --progress\n  resptable diff LAST.xlsx THIS.xlsx | --since LAST_DIR THIS.xlsx… | --template ISSUED.xlsx COPY.xlsx… [--json] [--jobs N] [--progress]    what changed\n  resptable split MASTER.xlsx --by lead|owner --out DIR    one copy per unit\n  resptable collect DIR --into MASTER.xlsx [--json] [--jobs N] [--progress]    read the copies back; collect --revert --into MASTER.xlsx undoes it',
  },

  // The lines of `resptable check`'s text output that name roles, tasks and findings (the rest are
  // the cli.* keys of core i18n). Role names come from core i18n's role.* keys; no role id, state key
  // or rule id is printed: those belong to --json, and `resptable rules` pairs each rule id with the
  // title shown here.
  'check.column': { 'zh-CN': '      {column} 列{header} → {role}  把握 {confidence}', 'en-US': '      column {column}{header} → {role}  confidence {confidence}' },
  'check.column-header': { 'zh-CN': '“{header}”', 'en-US': ' "{header}"' },
  'check.column-no-header': { 'zh-CN': '（无表头）', 'en-US': ' (no header)' },
  'check.role-level': { 'zh-CN': '{role}（第 {level} 级）', 'en-US': '{role} (level {level})' },
  'check.header-rows': { 'zh-CN': '      表头行 {rows}', 'en-US': '      header rows {rows}' },
  'check.list-separator': { 'zh-CN': '、', 'en-US': ', ' },
  'check.task': { 'zh-CN': '        {rows} · {rest}', 'en-US': '        {rows} · {rest}' },
  'check.task-rows': { 'zh-CN': '第 {first}–{last} 行', 'en-US': 'rows {first}–{last}' },
  'check.task-row': { 'zh-CN': '第 {first} 行', 'en-US': 'row {first}' },
  'check.task-nodes': { 'zh-CN': '{nodes} 个节点', 'en-US': '{nodes} milestones' },
  'check.task-node': { 'zh-CN': '1 个节点', 'en-US': '1 milestone' },
  'check.task-untitled': { 'zh-CN': '（无任务名称）', 'en-US': '(no task name)' },
  'check.separator': { 'zh-CN': ' · ', 'en-US': ' · ' },
  'check.finding': { 'zh-CN': '  {where}{severity} [{title}] {message}', 'en-US': '  {where}{severity} [{title}] {message}' },
  'check.finding-untitled': { 'zh-CN': '  {where}{severity} {message}', 'en-US': '  {where}{severity} {message}' },

  // Titles of the findings that are not validation rules (the rules' titles are in rule-messages).
  'finding.file.unreadable': { 'zh-CN': '无法读取文件', 'en-US': 'Unreadable file' },
  'finding.host.limited': { 'zh-CN': '环境限制', 'en-US': 'Host limitation' },
  'finding.plan.milestones-in-columns': { 'zh-CN': '节点按列排列', 'en-US': 'Milestones in columns' },
  'finding.plan.occupied': { 'zh-CN': '单元格已有内容', 'en-US': 'Cell already filled' },
  'finding.recognize.low-confidence': { 'zh-CN': '识别把握不大', 'en-US': 'Uncertain recognition' },
  'finding.recognize.mapping-column-outside': { 'zh-CN': '映射的列不在表内', 'en-US': 'Mapped column outside the table' },
  'finding.recognize.mapping-unused': { 'zh-CN': '列映射未生效', 'en-US': 'Mapping not applied' },
  'finding.recognize.no-table': { 'zh-CN': '没有责任分解表', 'en-US': 'No responsibility table' },

  // What a file error is, in the user's words (Node's error codes).
  'io.ENOENT': { 'zh-CN': '文件或文件夹不存在', 'en-US': 'no such file or folder' },
  'io.ENOTDIR': { 'zh-CN': '路径中有一级是文件而不是文件夹', 'en-US': 'part of the path is a file, not a folder' },
  'io.EISDIR': { 'zh-CN': '这是一个文件夹，不是文件', 'en-US': 'it is a folder, not a file' },
  'io.EEXIST': { 'zh-CN': '已有同名的文件或文件夹', 'en-US': 'a file or folder of that name already exists' },
  'io.EACCES': { 'zh-CN': '没有访问权限', 'en-US': 'permission denied' },
  'io.EPERM': { 'zh-CN': '操作不被允许（文件可能被锁定或设为只读）', 'en-US': 'not permitted (the file may be locked or read-only)' },
  'io.EROFS': { 'zh-CN': '所在磁盘是只读的', 'en-US': 'the disk is read-only' },
  'io.ENOSPC': { 'zh-CN': '磁盘空间已满', 'en-US': 'the disk is full' },
  'io.EDQUOT': { 'zh-CN': '超出磁盘配额', 'en-US': 'the disk quota is used up' },
  'io.EBUSY': { 'zh-CN': '文件正被其他程序使用', 'en-US': 'the file is in use by another program' },
  'io.EMFILE': { 'zh-CN': '同时打开的文件过多', 'en-US': 'too many files are open' },
  'io.ENAMETOOLONG': { 'zh-CN': '文件名过长', 'en-US': 'the file name is too long' },
  'io.EIO': { 'zh-CN': '磁盘读写出错', 'en-US': 'the disk reported an input/output error' },
  'io.READONLY': { 'zh-CN': '该文件设为只读', 'en-US': 'the file is read-only' },
  'io.other': { 'zh-CN': '{detail}', 'en-US': '{detail}' },

  'io.read-failed': { 'zh-CN': '{file}：{reason}', 'en-US': '{file}: {reason}' },
  'io.write-failed': { 'zh-CN': '无法写入 {target}：{reason}。{kept}', 'en-US': 'Could not write {target}: {reason}. {kept}' },
  'io.out-folder-failed': { 'zh-CN': '无法使用输出文件夹 {out}：{reason}。{kept}', 'en-US': 'Could not use the output folder {out}: {reason}. {kept}' },
  'io.input-intact': { 'zh-CN': '原文件 {file} 未被改动。', 'en-US': 'The input {file} is unchanged.' },
  'io.summary-failed': { 'zh-CN': '无法写入汇总 {file}：{reason}', 'en-US': 'Could not write the summary {file}: {reason}' },

  'cli.failed': { 'zh-CN': '处理 {file} 时出错：{detail}', 'en-US': 'Something went wrong with {file}: {detail}' },

  // A journal still marked pending: an apply in Excel that stopped half-way (the pane closed, the connection dropped).
  'cli.repaired': {
    'zh-CN': '{file} 中上次的“应用”只做了一半（在 Excel 中任务窗格被关闭或连接中断）；已撤销做了一半的修改，工作簿已恢复到应用之前',
    'en-US': 'the last Apply in {file} had stopped half-way (in Excel, the pane was closed or the connection dropped); what it had done was undone, and the workbook is as it was before it',
  },
  'cli.repaired-skipped': {
    'zh-CN': '{file} 中上次的“应用”只做了一半；已撤销做了一半的修改，以下 {count} 处保持原样：{list}',
    'en-US': 'the last Apply in {file} had stopped half-way; what it had done was undone; {count} left as they are: {list}',
  },
  'cli.repaired-before-apply': {
    'zh-CN': '{file} 中上次的“应用”只做了一半；已先撤销做了一半的修改，再重新应用',
    'en-US': 'the last Apply in {file} had stopped half-way; what it had done was undone before applying again',
  },
  'cli.pending-check': {
    'zh-CN': '{file} 中上次的“应用”只做了一半：检查按应用之前的内容进行；用 resptable revert 可撤销它写了一半的内容',
    'en-US': 'the last Apply in {file} had stopped half-way: it was checked as it was before that Apply; resptable revert undoes what it had written',
  },
  'cli.bad-report': {
    'zh-CN': '内部错误：{file} 的检查报告不符合报告格式（{path}：{detail}），未写入任何内容',
    'en-US': 'Internal error: the report of {file} breaks the report contract ({path}: {detail}); nothing was written',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type CliKey = keyof typeof CLI_STRINGS;

export function isCliKey(key: string): key is CliKey {
  return Object.prototype.hasOwnProperty.call(CLI_STRINGS, key);
}

export function ct(lang: Lang, key: CliKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(CLI_STRINGS[key][lang], params);
}
