/** A small generated workbook: a table with 加分 / 扣分 / 得分 columns and a 扣分制 table (see test/core/scoring/own-rules-workbook.test.ts). */
import ExcelJS from 'exceljs';

export function ownRulesWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1').addRows([
    ['2024年重点工作任务考核表（截至2024年6月底）'],
    ['序号', '工作任务', '责任单位', '分值', '完成时限', '完成情况', '加分（最高5分）', '扣分', '得分'],
    [1, '完成道路改造', '住建局', 10, '2024年3月31日', '已完成', 8, null, null],
    [2, '建成污水处理厂', '水务局', 20, '2024年5月31日', '未完成', null, 15, null],
    [3, '推进老旧小区改造', '住建局', 30, '2024年9月30日', '进行中', null, null, 27],
    [4, '开展招商引资', '商务局', 40, '2024年6月15日', null, 2, 3, null],
  ]);
  wb.addWorksheet('扣分').addRows([
    ['2024年度安全生产目标考核细则'],
    ['起评分100分，按下列细则扣分，扣完为止'],
    ['序号', '考核内容', '评分标准', '扣分', '加分（最高5分）', '得分'],
    [1, '安全责任制落实', '未落实的扣5分', 5, null, null],
    [2, '隐患排查', '未按期排查的扣2分', null, 8, null],
    [3, '应急演练', '未开展的扣12.5分', 12.5, null, null],
  ]);
  return wb;
}

/**
 * A 扣分制 table whose items carry their own 分值 and a 扣分 cell, under rules that take points off
 * (see test/core/scoring/item-deductions.test.ts): one item over-deducted, one not yet assessed, one
 * with a capped bonus, one with a negative 扣分, one whose 得分 is filled in.
 */
export function itemDeductionsWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('细则').addRows([
    ['2024年度环境卫生工作考核细则'],
    ['序号', '考核项目', '评分标准', '分值', '扣分', '加分（最高3分）', '得分'],
    [1, '垃圾清运', '未按时清运的每次扣2分', 20, 6, null, null],
    [2, '公厕保洁', '不达标的每处扣1分', 10, 12, null, null],
    [3, '门前三包', '未落实的扣3分', 30, null, null, null],
    [4, '宣传发动', '未开展的扣5分', 15, 0, 5, null],
    [5, '市容巡查', '发现问题未整改的扣2分', 15, -4, null, null],
    [6, '档案管理', '资料不全的扣1分', 10, null, null, 8],
  ]);
  return wb;
}
