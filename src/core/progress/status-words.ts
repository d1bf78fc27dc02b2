/**
 * Status words as the tables write them, and what each means. Data, not code: add a word here.
 * A percentage is read as partial progress (100% is done); a percentage with a phrase in brackets
 * (`22%(严重滞后)`) is that progress in the phrase's state. RAG words: Red is behind; Amber (at
 * risk) and Green (on track) are in progress, neither done nor behind.
 */
export type StatusKind = 'done' | 'in_progress' | 'not_started' | 'delayed';

export const STATUS_WORDS: Record<StatusKind, readonly string[]> = {
  done: ['已完成', '完成', '已办结', '办结', '已落实', '按期完成', '提前完成', '超额完成', '完成任务', '全面完成', '已全部完成', '已完成并验收', '已完工', '完工', '已竣工', '竣工', '已建成', '已投用', '已投入使用', '是', '√', '✓', '✔', '☑', 'done', 'complete', 'completed', 'finished', 'closed', 'achieved', 'complied', 'fully complied', 'met', 'target met', 'target achieved', '达标', '已达标', 'delivered', 'actioned', 'implemented', 'yes', 'y'],
  in_progress: ['进行中', '部分完成', '基本完成', 'in part', 'partially', 'partly', 'partially complied', 'partly complied', 'partially met', '部分达标', '推进中', '顺利推进', '正在推进', '正常推进', '持续推进', '有序推进', '按计划推进', '按序时推进', '正在实施', '实施中', '办理中', '在建', '施工中', '正在施工', '已开工', '正常', 'in progress', 'ongoing', 'on-going', 'on going', 'underway', 'under way', 'in hand', 'progressing', 'on track', 'on schedule', 'at risk', 'started', 'open', 'green', 'amber'],
  not_started: ['未开始', '尚未开始', '未启动', '待启动', '待办', '未到期', '未开工', '待开工', 'not started', 'not yet started', 'to do', 'todo', 'not yet due', 'not due'],
  delayed: ['滞后', '进度滞后', '严重滞后', '滞后于序时进度', '延期', '已延期', '超期', '逾期', '未完成', '未按期完成', '未完工', '否', '×', '✗', '✘', 'delayed', 'late', 'behind', 'behind schedule', 'off track', 'overdue', 'not done', 'not complied', 'not met', 'target not met', '未达标', 'red', 'no', 'n'],
};

/** The words a status dropdown offers, in the order a person would pick them. */
export const STATUS_CHOICES: Record<'zh-CN' | 'en-US', readonly string[]> = {
  'zh-CN': ['已完成', '进行中', '未开始', '滞后'],
  'en-US': ['done', 'in progress', 'not started', 'delayed'],
};
