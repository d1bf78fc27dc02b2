/**
 * 督办单 of seed 000 as of 2018-07-15, written by hand from the seed (seeds/000_*.txt): the lead
 * column says 是 on every task, so each task goes to the person its 责任人及联系电话 cell names.
 * Every node due 2018-03-31 or 2018-06-30 is undone (no status column): red, a 督办单 for each.
 * Days late: 2018-03-31 → 106 (30 + 31 + 30 + 15), 2018-06-30 → 15, 5月30日 → 46 (1 + 30 + 15).
 */
import { main } from '../../../src/cli/main';
import { ReportSchema } from '../../../src/core/contract';
import { noticesOf, rollUp } from '../../../src/core/rollup';
import { fixturePath } from '../../support/fixtures';

async function seedReport() {
  let out = '';
  const code = await main(['check', fixturePath('seeds/seed-000.xlsx'), '--as-of', '2018-07-15', '--json', '--exit-zero'], { out: (s) => (out += s), err: () => undefined });
  expect(code).toBe(0);
  return ReportSchema.parse(JSON.parse(out));
}

const Q1 = '106 天';
const Q2 = '15 天';

describe('督办单 of seed 000 as of 2018-07-15', () => {
  it('one notice per lead unit, each red, with owner, phone, deadline as written and days late', async () => {
    const notices = noticesOf(rollUp(await seedReport()), 'zh-CN');
    const summary = Object.fromEntries(
      notices.map((n) => [n.unit, { grade: n.grade, title: n.title, contacts: n.contacts, rows: n.rows.map((r) => [r.seq, r.deadline, r.late, r.phone]) }]),
    );
    expect(summary).toEqual({
      陆伟明: {
        grade: 'red', title: '工作督办单', contacts: ['陆伟明 87730990'],
        rows: [['1', '2018.03.31', Q1, '87730990'], ['1', '2018.06.30', Q2, '87730990'], ['6', '2018. 03. 31', Q1, '87730990'], ['6', '2018. 06. 30', Q2, '87730990'], ['9', '2018.03.31', Q1, '87730990'], ['9', '2018.06.30', Q2, '87730990']],
      },
      罗志敏: {
        grade: 'red', title: '工作督办单', contacts: ['罗志敏 87709456'],
        rows: [
          ...['2', '2', '2', '3', '3', '3'].flatMap((seq) => [[seq, '2018.03.31', Q1, '87709456'], [seq, '2018.06.30', Q2, '87709456']]),
          ['4', '2018.03.31', Q1, '87709456'], ['4', '2018.06.30', Q2, '87709456'],
        ],
      },
      范子健: {
        grade: 'red', title: '工作督办单', contacts: ['范子健 87752246'],
        rows: [
          ['5', '5月30日前完成调研，7月1日-8月30日完成存在问题整改，8月15-30日区级评估验收，9月迎接市级现场考核，10月-11月迎接省级暗访。', '46 天', '87752246'],
          ['5', '6月30日前完成调研，区级指导开展创建工作，7-8月开展区级验收，8月30日前完成整改；9月迎接市级考核验收。10-11月迎接省抽查。', Q2, '87752246'],
          ['5', '6月30日前完成调研，区级指导开展创建工作，8月开展现场考核评估，并向市提交申报材料；9月迎接市级考核评估。', Q2, '87752246'],
          ['7', '2018-6-30 2018-9-31 2018-12-31', Q2, '87752246'], ['7', '2018-6-30 2018-9-31 2018-12-31', Q2, '87752246'],
          ['8', '2018. 03. 31', Q1, '87752246'], ['8', '2018. 06. 30', Q2, '87752246'],
        ],
      },
      梁玉勤: { grade: 'red', title: '工作督办单', contacts: ['梁玉勤 87709465'], rows: [['10', '2018.03.31', Q1, '87709465'], ['10', '2018.06.30', Q2, '87709465']] },
    });
  });

  it('speaks the table’s own words: its title, the milestone text, the cell to look at', async () => {
    const notices = noticesOf(rollUp(await seedReport()), 'zh-CN');
    const liang = notices.find((n) => n.unit === '梁玉勤')!;
    expect(liang.to).toBe('梁玉勤：');
    expect(liang.body).toBe(
      '根据《区卫生计生局 单位2018年度绩效目标任务责任分解表》，截至2018-07-15，你单位负责的以下 2 个工作节点已超过完成时限仍未完成（或明显落后于序时进度），现予督办。请抓紧办理，并于收到本单后 5 个工作日内将办理情况书面报送；确实无法按期完成的，请说明原因、提出整改措施和预计完成时间。',
    );
    expect(liang.rows.map((r) => [r.node, r.task, r.cell, r.state])).toEqual([
      ['第一季度按照市级方案联合区财政局完成制定区级方案并启动全区免费新生儿疾病筛查项目，完成为1200名新生儿免费提供四病筛查的季度目标。', '全面开展新生儿疾病免费筛查。', 'Sheet1!E53', '红灯 · 逾期未完成'],
      ['第二季度完成为1600名新生儿免费提供四病筛查的季度目标。', '全面开展新生儿疾病免费筛查。', 'Sheet1!E54', '红灯 · 逾期未完成'],
    ]);
    expect(liang.number).toMatch(/^编号：20180715-00\d$/);
    // 29 overdue nodes in all, none pending or done among them.
    expect(notices.reduce((n, x) => n + x.rows.length, 0)).toBe(29);
  });

  it('in English, with no Chinese word of its own (only the table’s)', async () => {
    const notices = noticesOf(rollUp(await seedReport()), 'en-US');
    const n = notices.find((x) => x.unit === '梁玉勤')!;
    expect(n.title).toBe('Supervision notice');
    expect(n.rows[0]!.late).toBe('106 days');
    expect(n.rows[0]!.state).toBe('red · overdue');
    for (const s of [n.title, n.signature, n.feedback, n.feedbackSign, n.rows[0]!.state]) expect(s).not.toMatch(/[\u4e00-\u9fff]/);
  });

});
