import { findings, TITLE } from './helpers';

describe('owner rules', () => {
  const HEADER = ['序号', '工作任务', '完成时限', '责任人及联系电话'];
  it('owner.phone: neither a 7–8-digit landline nor an 11-digit mobile', () => {
    const rows = [TITLE, HEADER, [1, '甲', '2024.03.31', '张三 877309901'], [2, '乙', '2024.03.31', '李四 1391234567'], [3, '丙', '2024.03.31', '王五 87730990'],
      [4, '丁', '2024.03.31', '赵六 0757-87730990'], [5, '戊', '2024.03.31', '钱七 13912345678']];
    expect(findings('owner.phone', rows).map((f) => f.cell)).toEqual(['Sheet1!D3', 'Sheet1!D4']);
  });
  it('owner.no-name: a phone number alone', () => {
    const rows = [TITLE, HEADER, [1, '甲', '2024.03.31', '87730990'], [2, '乙', '2024.03.31', '王五 87730990']];
    expect(findings('owner.no-name', rows).map((f) => f.cell)).toEqual(['Sheet1!D3']);
  });
});

describe('weight rules', () => {
  const HEADER = ['类别', '工作任务', '完成时限', '分值'];
  it('weight.not-number and weight.negative', () => {
    const rows = [TITLE, HEADER, ['重点工作', '甲', '2024.03.31', '十分'], ['重点工作', '乙', '2024.03.31', -5], ['重点工作', '丙', '2024.03.31', 105]];
    expect(findings('weight.not-number', rows).map((f) => [f.cell, f.severity])).toEqual([['Sheet1!D3', 'error']]);
    expect(findings('weight.negative', rows).map((f) => f.cell)).toEqual(['Sheet1!D4']);
    const ok = [TITLE, HEADER, ['重点工作', '甲', '2024.03.31', 50], ['重点工作', '乙', '2024.03.31', 50]];
    expect(findings('weight.not-number', ok)).toEqual([]);
    expect(findings('weight.negative', ok)).toEqual([]);
  });
  it('weight.category-sum: a category not adding up to its declared total', () => {
    const rows = [TITLE, HEADER, ['重点工作（60分）', '甲', '2024.03.31', 30], [null, '乙', '2024.03.31', 20], ['职能工作（40分）', '丙', '2024.03.31', 40]];
    const merges = [{ top: 3, left: 1, bottom: 4, right: 1 }];
    const bad = findings('weight.category-sum', rows, merges);
    expect(bad.map((f) => [f.cell, f.found, f.message])).toEqual([['Sheet1!A3', '50', '“重点工作（60分）”标明 60 分，但其下各项分值合计为 50 分，相差 10 分。']]);
    const ok = [TITLE, HEADER, ['重点工作（60分）', '甲', '2024.03.31', 30], [null, '乙', '2024.03.31', 30], ['职能工作（40分）', '丙', '2024.03.31', 40]];
    expect(findings('weight.category-sum', ok, merges)).toEqual([]);
  });
  it('weight.total: the table not adding up to its declared totals, or to 100', () => {
    const rows = [TITLE, HEADER, ['重点工作', '甲', '2024.03.31', 50], ['职能工作', '乙', '2024.03.31', 40]];
    expect(findings('weight.total', rows).map((f) => [f.cell, f.found])).toEqual([['Sheet1!D2', '90']]);
    expect(findings('weight.total', [TITLE, HEADER, ['重点工作', '甲', '2024.03.31', 60], ['职能工作', '乙', '2024.03.31', 40]])).toEqual([]);
  });
  it('weight.veto-ambiguous: 一票否决 with points', () => {
    const rows = [TITLE, HEADER, ['重点工作', '安全生产', '全年', '一票否决\n10'], ['重点工作', '信访', '全年', '一票否决'], ['重点工作', '乙', '2024.03.31', 90]];
    expect(findings('weight.veto-ambiguous', rows).map((f) => f.cell)).toEqual(['Sheet1!D3']);
  });
});

describe('numbering rules', () => {
  const HEADER = ['序号', '工作任务', '完成时限'];
  it('seq.duplicate and seq.skipped', () => {
    const rows = [TITLE, HEADER, [1, '甲', '2024.03.31'], [2, '乙', '2024.03.31'], [2, '丙', '2024.03.31'], [5, '丁', '2024.03.31']];
    expect(findings('seq.duplicate', rows).map((f) => f.cell)).toEqual(['Sheet1!A5']);
    expect(findings('seq.skipped', rows).map((f) => [f.cell, f.message])).toEqual([['Sheet1!A6', '序号从 2 跳到 5，缺少 3–4，请核对是否漏项。']]);
  });
  it('numbering that restarts in each category is fine', () => {
    const header = ['类别', '序号', '工作任务', '完成时限'];
    const rows = [TITLE, header, ['重点', 1, '甲', '2024.03.31'], ['重点', 2, '乙', '2024.03.31'], ['职能', 1, '丙', '2024.03.31'], ['职能', 2, '丁', '2024.03.31']];
    expect(findings('seq.duplicate', rows)).toEqual([]);
    expect(findings('seq.skipped', rows)).toEqual([]);
  });
});

describe('hygiene rules, each with a fix', () => {
  const HEADER = ['序号', '工作任务', '完成时限', '责任人', '分值'];
  it('text.stray-space', () => {
    const bad = findings('text.stray-space', [TITLE, HEADER, [1, ' 推进改革 ', '2024.03.31', '张三', 100], [2, '　', '2024.03.31', '李四', 0]]);
    expect(bad.map((f) => [f.cell, f.fix])).toEqual([
      ['Sheet1!B3', { cell: 'Sheet1!B3', value: '推进改革' }],
      ['Sheet1!B4', { cell: 'Sheet1!B4', value: null }],
    ]);
  });
  it('text.date-spaces', () => {
    const bad = findings('text.date-spaces', [TITLE, HEADER, [1, '甲', '2018. 03. 31', '张三', 100], [2, '乙', '2018-6-30 2018-9-30', '李四', 0]]);
    expect(bad.map((f) => f.fix)).toEqual([{ cell: 'Sheet1!C3', value: '2018.03.31' }]);
  });
  it('text.full-width-digits', () => {
    const bad = findings('text.full-width-digits', [TITLE, HEADER, [1, '甲', '２０２４．０３．３１', '张三 ８７７３０９９０', 100]]);
    expect(bad.map((f) => f.fix)).toEqual([
      { cell: 'Sheet1!C3', value: '2024.03.31' },
      { cell: 'Sheet1!D3', value: '张三 87730990' },
    ]);
  });
  it('text.number-as-text', () => {
    const bad = findings('text.number-as-text', [TITLE, HEADER, [1, '甲', '2024.03.31', '张三', '60 '], [2, '乙', '2024.03.31', '李四', 40]]);
    expect(bad.map((f) => f.fix)).toEqual([{ cell: 'Sheet1!E3', value: 60 }]);
    // The same cell is not also called a stray space.
    expect(findings('text.stray-space', [TITLE, HEADER, [1, '甲', '2024.03.31', '张三', '60 ']])).toEqual([]);
  });
});
