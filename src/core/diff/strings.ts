/** The words of a diff, in both languages: one line per change, worded as a collector reads them. */
import { fillTemplate, type Lang } from '../i18n';
import type { ChangeKind } from './changes';

type Strings = Record<Lang, string>;

/** `{task}` is the item (its number and title), `{node}` the node's text, `{from}` and `{to}` the values. */
export const CHANGE_STRINGS: Record<ChangeKind, Strings> = {
  'table-added': { 'zh-CN': '新增表格 {to}', 'en-US': 'Table {to} added' },
  'table-removed': { 'zh-CN': '表格 {from} 已不在', 'en-US': 'Table {from} is gone' },
  'task-added': { 'zh-CN': '新增任务 {task}', 'en-US': 'Task added: {task}' },
  'task-removed': { 'zh-CN': '删除了任务 {task}', 'en-US': 'Task removed: {task}' },
  'task-renamed': { 'zh-CN': '任务改名：“{from}”→“{to}”', 'en-US': 'Task renamed: "{from}" → "{to}"' },
  'node-added': { 'zh-CN': '{task} 新增节点“{node}”', 'en-US': '{task}: node added "{node}"' },
  'node-removed': { 'zh-CN': '{task} 删除了节点“{node}”', 'en-US': '{task}: node removed "{node}"' },
  'node-renamed': { 'zh-CN': '{task} 节点内容改为“{to}”（原为“{from}”）', 'en-US': '{task}: node now reads "{to}" (was "{from}")' },
  'deadline-moved': { 'zh-CN': '{task} 节点“{node}”完成期限 {from} → {to}', 'en-US': '{task}: node "{node}" due {from} → {to}' },
  'weight-changed': { 'zh-CN': '{task} 权重 {from} → {to}', 'en-US': '{task}: weight {from} → {to}' },
  'status-advanced': { 'zh-CN': '{task} 节点“{node}”状态推进：{from} → {to}', 'en-US': '{task}: node "{node}" advanced: {from} → {to}' },
  'status-back': { 'zh-CN': '{task} 节点“{node}”状态倒退：{from} → {to}', 'en-US': '{task}: node "{node}" went back: {from} → {to}' },
  'status-changed': { 'zh-CN': '{task} 节点“{node}”状态改为 {to}（原为 {from}）', 'en-US': '{task}: node "{node}" status now {to} (was {from})' },
  'progress-changed': { 'zh-CN': '{task} 节点“{node}”进展：{to}', 'en-US': '{task}: node "{node}" progress: {to}' },
};

export const DIFF_STRINGS = {
  'diff.header': { 'zh-CN': '{last} → {file}', 'en-US': '{last} → {file}' },
  'diff.header-template': { 'zh-CN': '{file} 与下发模板 {last} 对比', 'en-US': '{file} against the issued template {last}' },
  'diff.none': { 'zh-CN': '  没有变化', 'en-US': '  no changes' },
  'diff.none-template': { 'zh-CN': '  与下发模板一致', 'en-US': '  as issued' },
  'diff.count': { 'zh-CN': '  共 {n} 处变化', 'en-US': '  {n} changes' },
  'diff.count-template': { 'zh-CN': '  共 {n} 处与下发模板不一致', 'en-US': '  {n} differences from what was issued' },
  'diff.blank': { 'zh-CN': '（空）', 'en-US': '(blank)' },
  'diff.no-last': { 'zh-CN': '{dir} 中没有与 {file} 同名的上一轮文件', 'en-US': 'No file of the same name as {file} in {dir} (the last round)' },
  'diff.unreadable': { 'zh-CN': '{file}：{reason}', 'en-US': '{file}: {reason}' },
} as const satisfies Record<string, Strings>;

export type DiffKey = keyof typeof DIFF_STRINGS;

export function dt(lang: Lang, key: DiffKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(DIFF_STRINGS[key][lang], params);
}
