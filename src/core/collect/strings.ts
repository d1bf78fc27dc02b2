/** The words of split and collect, in both languages: added column headers, the copy's note, the report. */
import { fillTemplate, LANGS, type Lang } from '../i18n';
import type { FillableRole } from './manifest';

export const FILL_HEADERS: Record<FillableRole, Record<Lang, string>> = {
  status: { 'zh-CN': '完成情况', 'en-US': 'Status' },
  progress: { 'zh-CN': '进展情况', 'en-US': 'Progress' },
  evidence: { 'zh-CN': '证明材料', 'en-US': 'Evidence' },
  remark: { 'zh-CN': '备注', 'en-US': 'Remarks' },
};

/** Every header split writes, in either language: what a collect journal may write above its cells. */
export const OWN_FILL_HEADERS: ReadonlySet<string> = new Set(LANGS.flatMap((l) => Object.values(FILL_HEADERS).map((h) => h[l])));

export const COLLECT_STRINGS = {
  'split.note': {
    'zh-CN':
      '本表为 {master} 下发给 {unit} 的填报副本。请只填写“{columns}”列（未锁定的单元格）；其余单元格已用工作表保护锁定，未设密码（审阅 › 撤销工作表保护即可解除），但在其他单元格所做的修改不会被汇总，只会被列出。',
    'en-US':
      'This is the copy of {master} issued to {unit}. Fill in only the {columns} columns (the unlocked cells); every other cell is locked by sheet protection without a password (Review › Unprotect Sheet removes it), but changes there are not collected, only listed.',
  },
  'split.wrote': { 'zh-CN': '已写出 {file}（{unit}，{tasks} 项任务）', 'en-US': 'Wrote {file} ({unit}, {tasks} tasks)' },
  'split.unassigned': { 'zh-CN': '{cell} {task} 没有可识别的{by}，未下发给任何单位', 'en-US': '{cell} {task} names no {by}; issued to nobody' },
  'split.by.lead': { 'zh-CN': '牵头单位', 'en-US': 'lead unit' },
  'split.by.owner': { 'zh-CN': '责任单位', 'en-US': 'owner' },
  'split.no-units': { 'zh-CN': '{file} 中没有可按{by}拆分的任务', 'en-US': 'No task of {file} names a {by} to split by' },
  'split.was-applied': {
    'zh-CN': '{file} 已写入颜色和得分公式；副本按未写入前的表格生成',
    'en-US': '{file} holds applied colours and scores; the copies are made from the table without them',
  },
  'collect.header': { 'zh-CN': '汇总到 {master}：', 'en-US': 'Collected into {master}:' },
  'collect.copy': { 'zh-CN': '{file}（{unit}）：{n} 处填报写入汇总表', 'en-US': '{file} ({unit}): {n} cells written into the master' },
  'collect.edit': { 'zh-CN': '  {cell} ← {from}：{before} → {after}', 'en-US': '  {cell} ← {from}: {before} → {after}' },
  'collect.outside': {
    'zh-CN': '  {cell} 不在可填写范围内，已被改动：现为“{found}”，汇总表中为“{expected}”（未汇总）',
    'en-US': '  {cell} is outside the cells to fill in and was changed: it reads "{found}", the master "{expected}" (not collected)',
  },
  'collect.missing-sheet': { 'zh-CN': '  工作表“{sheet}”不在副本或汇总表中，未汇总', 'en-US': '  Sheet "{sheet}" is missing from the copy or the master; not collected' },
  'collect.not-returned': { 'zh-CN': '尚未报送：{units}', 'en-US': 'Not yet returned: {units}' },
  'collect.all-returned': { 'zh-CN': '各单位均已报送', 'en-US': 'Every unit has returned its copy' },
  'collect.not-a-copy': { 'zh-CN': '{file} 不是 resptable split 下发的副本，已跳过', 'en-US': '{file} is not a copy issued by resptable split; skipped' },
  'collect.bad-manifest': { 'zh-CN': '{file} 的下发信息已损坏（{detail}），已跳过', 'en-US': 'The issue record of {file} is damaged ({detail}); skipped' },
  'collect.other-master': { 'zh-CN': '{file} 是 {other} 的副本，不是 {master} 的，已跳过', 'en-US': '{file} is a copy of {other}, not of {master}; skipped' },
  'collect.twice': { 'zh-CN': '{unit} 有多份副本（{files}），只汇总了 {file}', 'en-US': '{unit} returned several copies ({files}); only {file} was collected' },
  'collect.conflict': { 'zh-CN': '  {cell} 已由 {other} 的副本写入，{file} 的填报未汇总', 'en-US': '  {cell} was already written from {other}; the value from {file} was not collected' },
  'collect.unreadable': { 'zh-CN': '{file}：{reason}', 'en-US': '{file}: {reason}' },
  'collect.wrote': { 'zh-CN': '已写入 {file}：{n} 处，可用 resptable collect --revert --into {file} 撤销', 'en-US': 'Wrote {file}: {n} cells; resptable collect --revert --into {file} takes them out' },
  'collect.nothing': { 'zh-CN': '没有需要写入 {file} 的填报', 'en-US': 'Nothing to write into {file}' },
  'collect.reverted': { 'zh-CN': '已撤销上次汇总：{file} 恢复 {n} 处', 'en-US': 'Reverted the last collect: {n} cells of {file} put back' },
  'collect.reverted-skipped': { 'zh-CN': '  {cell} 在汇总后又被修改，保留现状', 'en-US': '  {cell} was changed after the collect and is left as it is' },
  'collect.nothing-to-revert': { 'zh-CN': '{file} 中没有可撤销的汇总', 'en-US': '{file} holds no collect to revert' },
  'collect.refused': { 'zh-CN': '无法撤销 {file} 的汇总：{detail}', 'en-US': 'Cannot revert the collect of {file}: {detail}' },
  'collect.outside-bounds': {
    'zh-CN': '汇总记录要恢复的 {cell} 不在可填写的列中',
    'en-US': 'the collect record would restore {cell}, which is not in a column units fill in',
  },
  'collect.not-cells': { 'zh-CN': '汇总记录中有单元格以外的改动', 'en-US': 'the collect record holds edits other than cell values' },
} as const satisfies Record<string, Record<Lang, string>>;

export type CollectKey = keyof typeof COLLECT_STRINGS;

export function kt(lang: Lang, key: CollectKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(COLLECT_STRINGS[key][lang], params);
}
