/** Every string the workbench page shows around the task pane, in both languages (the pane has its own). */
import { fillTemplate, type Lang } from '../core/i18n';

export const WORKBENCH_STRINGS = {
  'app.title': { 'zh-CN': '工作台', 'en-US': 'Workbench' },
  'app.subtitle': { 'zh-CN': '无需 Excel：任务窗格与浏览器中的工作簿', 'en-US': 'No Excel needed: the task pane beside an in-browser workbook' },
  'menu.file': { 'zh-CN': '文件', 'en-US': 'File' },
  'menu.home': { 'zh-CN': '开始', 'en-US': 'Home' },
  'toolbar.open': { 'zh-CN': '打开…', 'en-US': 'Open…' },
  'toolbar.open.title': { 'zh-CN': '打开本机上的 .xlsx 工作簿（在浏览器中读取，不上传）', 'en-US': 'Open an .xlsx workbook from this computer (read in the browser, nothing is uploaded)' },
  'toolbar.save': { 'zh-CN': '保存', 'en-US': 'Save' },
  'toolbar.save.title': { 'zh-CN': '下载当前工作簿（{file}）', 'en-US': 'Download the current workbook ({file})' },
  'toolbar.samples': { 'zh-CN': '示例', 'en-US': 'Samples' },
  'toolbar.save-as': { 'zh-CN': '另存为…', 'en-US': 'Save as…' },
  'toolbar.save-as.title': { 'zh-CN': '以另一个文件名下载当前工作簿', 'en-US': 'Download the current workbook under another name' },
  'saveas.title': { 'zh-CN': '另存为', 'en-US': 'Save as' },
  'saveas.label': { 'zh-CN': '文件名', 'en-US': 'File name' },
  'saveas.ok': { 'zh-CN': '保存', 'en-US': 'Save' },
  'saveas.cancel': { 'zh-CN': '取消', 'en-US': 'Cancel' },
  'unsaved.confirm': {
    'zh-CN': '{file} 有尚未保存的更改，继续将丢弃这些更改。是否继续？',
    'en-US': '{file} has changes that are not saved; going on discards them. Go on?',
  },
  'status.unsaved': { 'zh-CN': '有未保存的更改', 'en-US': 'Unsaved changes' },
  'namebox.label': { 'zh-CN': '名称框', 'en-US': 'Name Box' },
  'namebox.title': { 'zh-CN': '输入单元格地址（如 G42 或 Sheet1!G42）并按 Enter 跳转', 'en-US': 'Type a cell (G42 or Sheet1!G42) and press Enter to go there' },
  'formulabar.label': { 'zh-CN': '编辑栏', 'en-US': 'Formula bar' },
  'formulabar.title': { 'zh-CN': '输入内容并按 Enter 写入所选单元格（如在“完成情况”列填“已完成”），Esc 取消', 'en-US': 'Type and press Enter to write into the selected cell (say, "done" in the status column); Esc cancels' },
  'grid.label': { 'zh-CN': '工作表 {sheet}', 'en-US': 'Sheet {sheet}' },
  'grid.computed': {
    'zh-CN': '由 resptable 核心计算；Excel 会重新计算该公式',
    'en-US': 'computed by resptable core; Excel recalculates the formula',
  },
  'grid.state.done': { 'zh-CN': '已完成', 'en-US': 'done' },
  'grid.state.overdue': { 'zh-CN': '已逾期', 'en-US': 'overdue' },
  'grid.state.due_soon': { 'zh-CN': '即将到期', 'en-US': 'due soon' },
  'grid.truncated': {
    'zh-CN': '为保持流畅，只显示前 {rows} 行、{cols} 列（共 {totalRows} 行、{totalCols} 列）。',
    'en-US': 'Showing the first {rows} rows and {cols} columns of {totalRows} × {totalCols}, to stay responsive.',
  },
  'grid.editor': { 'zh-CN': '单元格 {cell}：键入即替换，F2 编辑，Delete 清除，Esc 取消', 'en-US': 'Cell {cell}: type to replace, F2 to edit, Delete to clear, Esc to cancel' },
  'grid.findings-more': { 'zh-CN': '另有 {count} 条问题', 'en-US': '{count} more findings' },
  'grid.dropdown': { 'zh-CN': '从列表中选择', 'en-US': 'Pick from the list' },
  'grid.empty': { 'zh-CN': '此工作表为空。', 'en-US': 'This sheet is empty.' },
  'tabs.label': { 'zh-CN': '工作表标签', 'en-US': 'Sheet tabs' },
  'status.ready': { 'zh-CN': '就绪', 'en-US': 'Ready' },
  'status.loading': { 'zh-CN': '正在打开 {file}…', 'en-US': 'Opening {file}…' },
  'status.loading.step': { 'zh-CN': '第 {done}/{total} 步：读取、检查、绘制', 'en-US': 'Step {done} of {total}: read, check, draw' },
  'status.counts': { 'zh-CN': '逾期 {overdue} 行 · 即将到期 {dueSoon} 行 · 已完成 {done} 行', 'en-US': '{overdue} rows overdue · {dueSoon} due soon · {done} done' },
  // As Excel titles the pane and shows the add-in's button: the manifest's DisplayName, group and button labels.
  'pane.title': { 'zh-CN': 'resptable 责任表检查', 'en-US': 'resptable 责任表检查' },
  'ribbon.group': { 'zh-CN': '责任表', 'en-US': 'Responsibility tables' },
  'ribbon.button': { 'zh-CN': '检查责任表', 'en-US': 'Check tables' },
  'ribbon.button.title': { 'zh-CN': '显示任务窗格', 'en-US': 'Show the task pane' },
  'ribbon.file-group': { 'zh-CN': '工作簿', 'en-US': 'Workbook' },
  'pane.close': { 'zh-CN': '任务窗格（工作台中不能关闭）', 'en-US': 'Task pane (stays open in the workbench)' },
  'error.open': { 'zh-CN': '无法打开 {file}：{reason}', 'en-US': 'Could not open {file}: {reason}' },
  'error.not-xlsx': { 'zh-CN': '这不是 .xlsx 工作簿', 'en-US': 'it is not an .xlsx workbook' },
  'error.encrypted': { 'zh-CN': '这是 .xls 文件或受密码保护的工作簿', 'en-US': 'it is an .xls file or a password-protected workbook' },
  'error.missing-part': { 'zh-CN': '工作簿不完整，缺少 {part}', 'en-US': 'the workbook is incomplete: {part} is missing' },
  'error.too-large': { 'zh-CN': '工作簿过大：{detail}', 'en-US': 'the workbook is too large: {detail}' },
  'error.fetch': { 'zh-CN': '示例文件无法下载（{status}）', 'en-US': 'the sample could not be fetched ({status})' },
  'error.dismiss': { 'zh-CN': '关闭', 'en-US': 'Dismiss' },
} as const satisfies Record<string, Record<Lang, string>>;

export type WorkbenchKey = keyof typeof WORKBENCH_STRINGS;

export function wt(lang: Lang, key: WorkbenchKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(WORKBENCH_STRINGS[key][lang], params);
}
