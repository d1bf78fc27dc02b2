/**
 * Header words → column roles. One data table for every template we know; extend it here, not in
 * code. `exact` entries match the whole normalized header (half-width, no spaces, lower case);
 * `keywords` match a part of it, the longest keyword winning. Scores are how sure the word alone
 * makes us; cell contents then confirm or overrule (see column-roles.ts).
 */
import type { Role } from '../contract';

export interface SynonymEntry {
  role: Role;
  exact: string[];
  keywords: Array<[keyword: string, score: number]>;
}

export const HEADER_SYNONYMS: SynonymEntry[] = [
  {
    role: 'category',
    exact: ['theme', 'workstream', 'strategic priority', 'priority area', 'domain', 'key area', '维度', '考核维度', '评价维度', '工作板块', '分块', '责任类别', '大类', '考核类别', '工作类别', '一级指标', '二级指标', '三级指标', '类别', '考核项目', '项目类别', '项目(类别)', '工作类型', '分类',
      '指标类别', '考核内容', '考核条目', '领域', '板块', '重点领域', 'category', 'area', 'theme', 'pillar', 'portfolio'],
    keywords: [['theme', 0.7], ['workstream', 0.8], ['pillar', 0.7], ['维度', 0.7], ['板块', 0.7], ['类别', 0.8], ['一级', 0.7], ['二级', 0.7], ['三级', 0.7], ['类型', 0.6], ['分类', 0.7], ['category', 0.8], ['area', 0.5]],
  },
  {
    role: 'seq',
    exact: ['ref no', 'ref no.', 'reference', 'action no', 'action no.', 'action ref', 'rec no', 'rec no.', 'number', 'item no', 'item ref', 'action number', '序列', '编码', '项目编号', '事项编号', '督办编号', '序号', '号', '编号', '序', '项次', '排序', 'no', 'no.', '#', 'id', 'item no.', 's/n', 'sn', 'ref', 'ref.'],
    keywords: [['ref', 0.6], ['序', 0.6], ['序号', 0.9], ['编号', 0.8], ['no.', 0.6]],
  },
  {
    role: 'task',
    exact: ['计划名称', '计画名称', '主要工作', '内容与要求', '工作内容与要求', '子项目', '项目名称及内容', 'commitment', 'commitments', 'commitment text', 'risk', 'risks', 'risk(s) identified', 'identified risk', 'identified risks', 'risk identified', 'risk description', 'description of risk', 'hazard', 'identified hazard and risk', 'hazard and risk', 'risk/issue', 'issue/risk', 'corrective action', 'corrective actions', 'action required', 'action to be taken', 'agreed action', 'action agreed', 'actions agreed', 'actions', 'recommendation', 'recommendations', 'description', 'action description', 'issue', 'issue description', 'what', 'key task', 'key tasks', 'initiative', 'commitment', 'deliverable title', '督办事项', '督查事项', '交办事项', '事项名称', '工作要点', '具体工作任务', '主要工作任务', '工作项目', '项目及内容', '考核事项', '评价内容', '计划项目', '重点项目', '实施项目', '建设项目', '项目名称及建设内容', '工作任务/职能工作', '指标任务名称', '任务要点名称', '重点工作任务', '实事名称', '主要任务', '工作任务', '任务名称',
      '重点工作', '工作内容', '任务', '项目名称', '事项', '工作事项', '项目', '指标名称', '指标', '考核指标', '重点任务',
      '目标任务', '目标与任务', '目标及任务', '任务及目标', '具体任务', '任务内容', '民生实事项目', '实事项目', '项目内容', 'task', 'action', 'activity', 'project', 'indicator', 'tasks'],
    keywords: [['计划名称', 0.85], ['commitment', 0.7], ['hazard', 0.7], ['action', 0.6], ['recommendation', 0.8], ['initiative', 0.6], ['督办事项', 0.9], ['交办事项', 0.9], ['事项', 0.6], ['任务名称', 0.9], ['工作任务', 0.85], ['重点工作', 0.8], ['任务', 0.6], ['事项', 0.6], ['实事', 0.7],
      // `Item` names the agenda item an action came from as often as the action itself: a weak word.
      ['项目名称', 0.8], ['指标名称', 0.8], ['task', 0.7], ['action', 0.6], ['activit', 0.6], ['item', 0.55]],
  },
  {
    role: 'goal',
    exact: ['outcome', 'outcomes', 'expected outcome', 'intended outcome', 'desired outcome', 'aim', 'aims', 'purpose', '指标值', '年度指标值', '目标值', '预期目标值', '年度目标值', '全年目标', '年度任务', '全年目标任务', '年度目标', '项目目标', '年度计划', '任务目标', '指标任务', '工作目标', '目标', '年度工作目标', '目标任务及要求',
      '预期目标', '绩效目标', '总体目标', '评估内容', 'intended impact', 'expected impact', 'impact expected', 'intended outcome(s)', 'annual goal', 'goal', 'target', 'objective', 'objectives', 'goals', 'annual target'],
    // `What residents will see`, `What success looks like`: the difference an action aims at.
    keywords: [['will see', 0.65], ['success look', 0.7], ['outcome', 0.7], ['指标值', 0.85], ['目标值', 0.85], ['预设', 0.8], ['预定', 0.75], ['年度目标', 0.95], ['目标', 0.6], ['年度计划', 0.8], ['goal', 0.8], ['target', 0.7], ['objective', 0.7]],
  },
  {
    role: 'node',
    exact: ['what are you doing already', 'current management/control', 'current management / control', 'management/control', 'current controls', 'existing measures', 'measures in place', 'control measures', 'current control measures', 'existing control measures', 'controls', 'existing controls', 'controls in place', 'mitigation', 'mitigations', 'mitigating actions', 'mitigation / control activities', 'mitigation/control activities', 'control activities', 'management of risk', 'action to mitigate', 'key milestones', 'milestone date', 'deliverable', 'deliverables', 'key deliverables', 'sub actions', 'sub-actions', 'tasks and milestones', '进度计划', '推进计划', '时序进度安排', '节点安排', '实施计划', '工作目标节点分解', '节点目标', '细化措施', '节点任务', '阶段目标', '工作措施', '具体措施', '推进措施', '进度安排',
      '工作举措', '主要措施', '实施步骤', '工作步骤', '节点',
      '主要内容', '具体内容', '实施内容', '建设内容', '具体工作', 'milestone', 'milestones', 'measures', 'steps', 'key actions'],
    keywords: [['we will', 0.6], ['mitigat', 0.8], ['control measure', 0.85], ['control', 0.65], ['implementation', 0.6], ['任务安排', 0.9], ['工作安排', 0.8], ['安排', 0.6], ['进度计划', 0.7], ['计划进度', 0.85], ['推进计划', 0.7], ['节点分解', 0.9], ['节点目标', 0.9], ['措施', 0.7], ['进度安排', 0.7], ['步骤', 0.6], ['阶段', 0.5], ['milestone', 0.85], ['deliverable', 0.8]],
  },
  {
    role: 'criteria',
    exact: ['success measure', 'success measures', 'measure of success', 'measures of success', 'performance measure', 'performance measures', 'measure', 'measures', 'how will we measure', 'target/measure', '评分方法', '计分方法', '赋分办法', '赋分标准', '评分办法及标准', '扣分标准', '评分依据', '考核方式', '评价标准', '考评标准', '计分标准', '衡量节点任务完成的标准', '完成标准', '验收标准', '考核标准', '考核办法', '评分标准', '评分细则', '评分办法', '考核细则',
      '考核要求', '考核要点', '评分要点', '评估要点', '完成标志', '成果形式', '预期成果', 'acceptance criteria', 'criteria', 'success criteria', 'kpi', 'kpis', 'performance indicator', 'performance indicators', 'key performance indicator', 'key performance indicators'],
    keywords: [['measure', 0.6], ['success', 0.6], ['计分', 0.7], ['考评', 0.6], ['赋分', 0.8], ['标准', 0.8], ['考核办法', 0.85], ['评分', 0.7], ['成果', 0.5], ['criteria', 0.85]],
  },
  {
    role: 'evidence',
    exact: ['evidence of completion', 'supporting evidence', '佐证资料', '考核依据', '证明材料', '佐证材料', '支撑材料', '印证材料', '考核材料', '材料', 'evidence', 'supporting documents', 'proof'],
    keywords: [['资料', 0.6], ['材料', 0.8], ['佐证', 0.8], ['evidence', 0.85]],
  },
  {
    role: 'deadline',
    exact: ['action by when', 'by when?', 'frequency of checks', 'frequency of review', 'review frequency', 'frequency', 'when by', '起止年限', '起止时间', '建设年限', '建设起止年限', '实施期限', 'review date', 'next review', 'review', 'date for review', 'date of next review', 'by when', 'timescale', 'timescales', 'date due', 'target completion date', 'target completion', 'due by', 'when', 'time frame', 'completion by', 'revised due date', 'revised deadline', 'original due date', 'target date for completion', 'deadline date', '时间要求', '完成时间要求', '完成时间节点', '办理时限', '督办时限', '要求完成时间', '计划完成日期', '预计完成时间', '完成期限要求', '目标时限', '完成年限', '节点完成期限', '完成期限', '完成时限', '完成时间', '时间节点', '工作节点', '时限', '期限', '截止时间', '截止日期',
      '计划完成时间', '完成时限要求', '时间安排', '办结时限', '完成日期', '时间', 'due', 'deadline', 'due date', 'timeline', 'timeframe',
      'target date', 'by', 'end date', 'completion date', 'fy', 'relevant fy', 'financial year', 'fiscal year', 'year'],
    keywords: [['起止', 0.7], ['年限', 0.6], ['timescale', 0.85], ['by when', 0.9], ['due', 0.8], ['办理时限', 0.9], ['完成时限', 0.9], ['期限', 0.85], ['时限', 0.85], ['截止', 0.8], ['时间节点', 0.9], ['完成时间', 0.8], ['时间', 0.5], ['日期', 0.5],
      ['deadline', 0.9], ['due', 0.8], ['timeline', 0.7], ['date', 0.4], ['review', 0.5]],
  },
  {
    role: 'lead',
    exact: ['lead directorate', 'lead service', 'lead organisation', 'lead organization', 'lead body', 'lead team', 'responsible directorate', 'responsible department', 'directorate', 'department', 'service area', '主办机关', '主办部门', '主责部门', '牵头部门(单位)', '牵头单位(部门)', '责任牵头单位', '主管部门', '主管单位', '是否为牵头单位', '牵头部门', '牵头单位', '主要责任单位', '主责单位', '牵头处室', '牵头科室', '主办单位', '责任部门(牵头)',
      '牵头责任单位', '牵头责任部门',
      'lead', 'lead unit', 'lead agency', 'lead department', 'led by'],
    keywords: [['directorate', 0.7], ['主办', 0.75], ['主管', 0.6], ['牵头', 0.85], ['主责', 0.8], ['主办', 0.7], ['lead', 0.8]],
  },
  {
    role: 'leader',
    exact: ['牵头市领导', '牵头县领导', '牵头区领导', '责任市领导', '责任县领导', '责任区领导', '分管市领导', '联系市领导', '市领导', '县领导', '区领导', 'executive lead', 'executive director', 'sponsor', 'director lead', 'responsible director', 'accountable director', 'cabinet member', 'portfolio holder', 'lead member', 'executive sponsor', '督办领导', '包案领导', '挂点领导', '县级领导', '市级领导', '责任领导(分管)', '牵头领导', '分管领导', '分管县领导', '分管区领导', '责任领导', '包保领导', '联系领导', '分管局领导', 'leader', 'sponsor'],
    keywords: [['director', 0.6], ['portfolio holder', 0.8], ['portfolio lead', 0.8], ['cabinet member', 0.8], ['领导', 0.85], ['leader', 0.8], ['sponsor', 0.6]],
  },
  {
    role: 'owner',
    exact: ['responsibility', 'resp.', 'resp', 'responsible', 'implementing institution', 'implementing institutions', 'implementing agency', 'implementing agencies', 'implementing body', 'implementing organisation', 'implementing organization', 'responsible agency', 'responsible institution', 'responsible body', 'responsibility for action', 'lead officer', 'responsible officer', 'responsible official', 'action owner', 'action lead', 'lead person', 'who', 'assigned to', 'officer', 'accountable officer', 'named lead', 'lead responsible', 'responsible lead', 'person responsible', 'lead officer(s)', 'by whom', 'owner(s)', '联系人及电话', '责任人及电话', '联系方式', '责任人(电话)', '承办人', '经办人及电话', '具体承办单位', '承办部门', '责任人及联系电话', '责任人', '项目负责人', '责任科室', '责任主体', '责任单位', '区级责任部门', '责任部门', '负责人', '具体责任人',
      '联系人', '联系电话', '责任处室', '市州', '县市区', '县(市、区)', '县(市区)', '区县', '乡镇(街道)', '镇街', '各地', '承办单位', '经办人', '实施单位', '落实单位', '填报单位', 'owner', 'responsible', 'responsible unit',
      'responsible person', 'contact', 'person in charge', 'owner & phone', 'owner and phone'],
    keywords: [['resp.', 0.7], ['officer', 0.85], ['owner', 0.85], ['who', 0.6], ['by whom', 0.9], ['承办', 0.6], ['责任人', 0.9], ['责任单位', 0.9], ['责任部门', 0.9], ['责任科室', 0.9], ['负责人', 0.85], ['联系人', 0.7],
      ['电话', 0.6], ['责任', 0.6], ['承办', 0.6], ['owner', 0.85], ['responsib', 0.7], ['contact', 0.6]],
  },
  {
    role: 'partner',
    exact: ['相关单位', '相关部门', '其他责任单位', 'supporting', 'support from', 'supported by', 'key partners', 'partners involved', 'other agencies', '协办机关', '协办部门', '配合机关', '协助单位', '配合责任单位', '参与部门', '配合部门', '配合单位', '协同配合单位', '协同责任单位', '参与单位', '协办单位', '配合科室', '协同单位', 'partners', 'partner',
      'supporting units', 'support', 'collaborators', 'with'],
    keywords: [['协助', 0.8], ['supported', 0.7], ['配合', 0.9], ['协同', 0.8], ['协办', 0.85], ['参与', 0.7], ['partner', 0.85], ['support', 0.6]],
  },
  {
    role: 'weight',
    exact: ['weight(%)', 'weighting (%)', 'points available', 'marks', 'max score', 'maximum score', '分数值', '分值(%)', '权重分', '权重(分)', '标准分值', '指标分值', '考核分值', '分值分配', '权重设置', '权重', '分值权重', '分值', '基础分值', '分数', '标准分', '分值(分)', '权重(%)', '分值设置', '满分', 'weight',
      'weights', 'points', 'score weight', 'weighting', 'max points'],
    keywords: [['marks', 0.6], ['分值', 0.9], ['权重', 0.9], ['分值', 0.9], ['标准分', 0.8], ['满分', 0.7], ['weight', 0.9], ['points', 0.7]],
  },
  {
    role: 'status',
    exact: ['risk h/m/l', 'h/m/l', 'risk (h/m/l)', 'risk(h/m/l)', 'h / m / l', 'level of risk', 'status/comment', 'status / comment', 'status/comments', 'status & comments', 'risk level', 'risk rating', 'current risk rating', 'residual risk', 'residual risk rating', 'risk assessment', 'rating', 'rag rating', '亮灯情况', '亮灯', '灯号', '灯色', '风险等级', '预警等级', '风险程度', 'rag', 'rag status', 'rag rating', 'rag rating (red/amber/green)', 'current status', 'status (open/closed)', 'open/closed', 'open / closed', 'completed?', 'action status', 'overall status', 'b/rag', 'brag', 'rag/status', '办结情况', '是否办结', '办理结果', '完成状态', '办结状态', '督办状态', '事项状态', '完成情况', '目标完成情况', '是否完成', '完成状态', '状态', '进度状态', '办理状态', '当前状态', '落实情况', 'status', 'state', 'done', 'complete?'],
    // `是否达序`, `是否滞后`: a whether-question is answered per row, a status.
    keywords: [['是否', 0.7], ['亮灯', 0.85], ['灯号', 0.85], ['rating', 0.6], ['rag', 0.9], ['办结情况', 0.85], ['是否办结', 0.9], ['完成情况', 0.85], ['状态', 0.85], ['是否完成', 0.9], ['落实情况', 0.6], ['status', 0.9], ['open/close', 0.9], ['open/closed', 0.9]],
  },
  {
    role: 'progress',
    exact: ['成果', '实际成果', '工作成果', '工作成效', '取得成效', '主要成效', 'achievements', 'achieved', 'results', 'outcome achieved', '完成率', '完成百分比', '完成比例', '实际完成率', '完成进度(%)', '进度(%)', '全年实际值', '实际值', '实际完成', '累计完成', '累计完成情况', '年度完成情况', '完成值', 'annual comments', '% complete', 'percent complete', 'percentage complete', 'progress update', 'update', 'updates', 'latest update', 'progress to date', 'current position', 'present position', 'position statement', '目前情况', '现时情况', '最新情况', '最新进展', 'commentary', 'progress report', 'progress comments', 'update on progress', 'progress/update', 'progress/comments', 'comments/progress', 'update/comments', 'progress made', '执行情形', '办理情形', '办理情况', '执行情况', '工作进展情况', '进展情况说明', '实施情况', '完成情况说明', '推进落实情况', '落实进展', '目前进展', '实际完成情况', '截至目前进展情况', '实际进度', '实际完成值', '全年实际完成值', '进展情况', '当前进度', '推进情况', '工作进展', '进度', '完成进度', '工作推进情况', '进展', 'progress', 'progress notes', 'update'],
    // `进展情况` outweighs `下一步` in a combined header (进展情况、存在问题及下一步打算): it is named first.
    keywords: [['achievement', 0.8], ['成效', 0.75], ['完成率', 0.85], ['实际值', 0.8], ['完成值', 0.8], ['累计完成', 0.8], ['complete', 0.5], ['update', 0.8], ['progress', 0.85], ['执行情', 0.8], ['办理情', 0.75], ['实际完成', 0.6], ['进展情况', 0.9], ['进展', 0.85], ['进度', 0.8], ['推进情况', 0.85], ['progress', 0.85]],
  },
  {
    role: 'done_on',
    exact: ['date closed', 'closed date', 'date of completion', 'date actioned', 'actual completion date', 'date completed/closed', '办结日期', '实际办结时间', '完成日期(实际)', '实际完成时间', '实际完成日期', '完成日', '办结时间', 'completed on', 'completed', 'date completed', 'actual completion', 'done on'],
    keywords: [['date closed', 0.9], ['closed', 0.5], ['实际完成', 0.9], ['办结时间', 0.8], ['completed', 0.8], ['actual', 0.6]],
  },
  {
    role: 'score',
    exact: ['考核分', '评分结果', '考评分', 'self-assessment score', 'assessed score', '得分情况', '评价得分', '自评分值', '考核评分', '最终得分', '实得分', '审核得分', '得分', '自评得分', '考核得分', '实际得分', '评分', '自评分', '考评得分', 'score', 'scores', 'self score', 'points earned'],
    keywords: [['得分', 0.9], ['得分', 0.9], ['自评', 0.7], ['score', 0.8]],
  },
  {
    role: 'bonus',
    exact: ['加分项目', '加分分值', '增加分值', '奖励加分', '加分', '加分项', '加分情况', 'bonus', 'extra points'],
    keywords: [['加', 0.4], ['加分', 0.9], ['bonus', 0.9]],
  },
  {
    role: 'deduction',
    exact: ['扣减分值', '扣分项目', '扣分分值', '减分', '扣减', '扣分', '扣分项', '扣分情况', 'deduction', 'deductions', 'penalty'],
    keywords: [['扣减', 0.9], ['减分', 0.85], ['扣分', 0.9], ['deduct', 0.9], ['penalt', 0.8]],
  },
  {
    role: 'plan',
    exact: ['planned action', 'planned actions', 'revised / further actions', 'further actions', 'further action', 'further action required', 'additional actions', 'action planned', '工作计划', '下月工作计划', '下阶段工作计划', '下阶段计划', '下季度计划', '下步工作计划', '进度计划安排', 'next actions', 'further actions', 'actions to be taken', 'next steps/actions', 'planned actions', 'forward plan', '下一步工作计划', '下一步措施', '下步打算', '整改措施', '下一步工作安排', '下步计划', '下一步打算', '下一步计划', '下步工作', '下一步工作', 'next steps', 'next step', 'plan'],
    // An audit's management response says what management will do about a recommendation.
    keywords: [['planned action', 0.85], ['further action', 0.85], ['management response', 0.75], ['下阶段', 0.85], ['下月', 0.85], ['下步', 0.9], ['next step', 0.85], ['下步', 0.9], ['下一步', 0.9], ['next', 0.6]],
  },
  {
    role: 'remark',
    exact: ['扣分原因', '扣分理由', '扣分说明', '未完成原因', '未完成原因分析', '偏差原因', '偏差原因分析', '原因分析', '未完成原因及拟采取的改进措施', '偏差原因及改进措施', 'further comments', 'additional comments', 'other comments', 'notes/comments', '备考', '备注说明', '备注', '说明', '附注', '其他', 'remarks', 'remark', 'notes', 'note', 'comments', 'comment'],
    keywords: [['原因', 0.7], ['说明', 0.4], ['意见', 0.7], ['备注', 0.95], ['remark', 0.9], ['note', 0.7], ['comment', 0.8]],
  },
];

/**
 * Headers that are understood but have no role of their own: a column under them is known, not
 * unknown, and stays `null` without a low-confidence finding.
 */
/** How urgent an item is (Priority H/M/L, 优先级): a rating of the item, never its state. */
export const PRIORITY_HEADERS: string[] = ['priority', 'priority level', 'priority rating', 'level of priority', '优先级', '优先等级', '紧急程度', '轻重缓急'];

export const KNOWN_WITHOUT_ROLE: string[] = [...PRIORITY_HEADERS, '开始时间', '计划开始时间', '起始时间', '开始日期', 'start', 'start date', '页码', '行号',
  // Where an item started from (嘉善现值, baseline): a fact about it, neither its target nor its progress.
  '现值', '现状值', '基数', '基期值', '基准值', 'baseline',
  // Where an item came from (a meeting, a document): provenance, not one of the item's parts.
  '来源', '任务来源', '交办来源', '事项来源', 'source',
  // A bare year (`Year`, `年份`: when a pledge was made, which year a project belongs to) says no due date.
  '年份', 'year',
  // A line the public calls to complain or report (监督电话): the office's, not the owner's phone.
  '监督电话', '投诉电话', '举报电话', '监督举报电话', '投诉举报电话',
  // When an item was raised or handed down, and how big a project is: facts about it, not its parts.
  '交办时间', '交办日期', '立项时间', '开工时间', '计划开工时间', '建设性质', '项目性质', '建设类型', '新建/续建', '总投资', '总投资(万元)',
  '年度计划投资', '计划总投资', '资金来源', '建设地点', '建设规模', '项目类型',
  'date raised', 'date added', 'date opened', 'date identified', 'date of meeting', 'meeting date', 'meeting', 'minute ref', 'minute reference',
  'agenda item', 'date agreed', 'raised', 'raised by', 'likelihood', 'impact', 'risk score', 'inherent risk',
  'page', 'page no', 'page no.', 'page number', 'cost', 'budget', 'funding', 'who might be harmed', 'who might be harmed and how', 'people at risk', 'who is at risk', 'persons at risk', '实施点位', '实施地点', '项目地点', 'location'];
