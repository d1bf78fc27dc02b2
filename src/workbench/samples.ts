/**
 * The bundled samples' titles as the 文件 → 示例 menu shows them, in each language: the file names
 * are pinyin stems (`dazhu-2016-minsheng`), which tell a user nothing. A sample without an entry
 * shows its file name.
 */
import type { Lang } from '../core/i18n';

export const SAMPLE_TITLES: Readonly<Record<string, Record<Lang, string>>> = {
  'seed-000': { 'zh-CN': '区卫生计生局 2018 年度绩效目标任务责任分解表', 'en-US': 'District health bureau: 2018 performance targets' },
  'seed-000-en': { 'zh-CN': '区卫生计生局 2018 年度绩效目标（英文版）', 'en-US': 'District health bureau: 2018 targets (English)' },
  'seed-001': { 'zh-CN': '抚顺市卫生健康委专项行动考核细则', 'en-US': 'Fushun health commission: campaign assessment rules' },
  'seed-002': { 'zh-CN': '2017 年健康海沧卫生计生十大项目责任表', 'en-US': 'Haicang 2017: ten health projects' },
  'seed-003': { 'zh-CN': '枣庄市卫生健康服务中心 2022 年度绩效考核任务要点', 'en-US': 'Zaozhuang health service centre: 2022 assessment tasks' },
  'seed-004': { 'zh-CN': '2023 年闵行区卫生健康重点工作推进计划表', 'en-US': 'Minhang 2023: key health work plan' },
  'dazhu-2016-minsheng': { 'zh-CN': '大竹县 2016 年民生实事目标任务分解表', 'en-US': 'Dazhu 2016: public-welfare projects' },
  'ducha-kaohe-xize': { 'zh-CN': '督查工作考核细则（试行）', 'en-US': 'Inspection work: assessment rules (trial)' },
  'eastamb-2023-action-tracker': { 'zh-CN': '英国某医院理事会行动跟踪表（2023，英文）', 'en-US': 'Trust board action tracker (2023)' },
  'keqiao-2023-q1-progress': { 'zh-CN': '柯桥区 2023 年民生实事一季度进展情况', 'en-US': 'Keqiao 2023: public-welfare tasks, Q1 progress' },
  'nanling-2024-gzbg': { 'zh-CN': '南陵县 2024 年《政府工作报告》重点工作分解表', 'en-US': 'Nanling 2024: government work report tasks' },
  'quarter-columns': { 'zh-CN': '区卫生健康局 2024 年重点工作季度推进计划表', 'en-US': 'Health bureau 2024: quarterly plan (a column per quarter)' },
  'two-level-header': { 'zh-CN': '市卫生健康委 2024 年度重点任务推进台账（两层表头）', 'en-US': 'Health commission 2024: task ledger (two header rows)' },
  'two-tables': { 'zh-CN': '县卫生健康局 2024 年重点工作任务分解表（两张表）', 'en-US': 'County health bureau 2024: key tasks (two tables)' },
  'zhonglou-2021-minsheng': { 'zh-CN': '钟楼区 2021 年重大民生实事项目责任分解表', 'en-US': 'Zhonglou 2021: major public-welfare projects' },
};

export function sampleTitle(name: string, lang: Lang): string {
  return SAMPLE_TITLES[name]?.[lang] ?? `${name}.xlsx`;
}
