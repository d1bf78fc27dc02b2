import { cellOf } from '../../../src/core/grid';
import {
  declaredPoints, hasArabicOrdinal, hasChineseOrdinal, hasPhone, isDeadlineLike, isPersonName, isPointsLike, isSeqLike, isUnitList,
  leadingDeadline, rowKindOf,
} from '../../../src/core/recognize/content-signals';
import { matchHeader } from '../../../src/core/recognize/header-match';
import { categoryLabel, leadingNumber, parseWeight } from '../../../src/core/recognize/labels';
import { statedYear, yearFromCells, yearFromPrelude, yearFromTitle } from '../../../src/core/recognize/year';

const text = (s: string) => [cellOf(s), s] as const;

describe('content signals', () => {
  it.each([
    '2018.03.31', '2018. 03. 31', '2018-6-30 2018-9-31 2018-12-31', '2018-9-31', '第一季度', '第二、三季度', '一季度', '上半年',
    '全年', '每季度第一个月', '每月', '4月底前', '年底前', '3月31日前', '2023.01-2023.12', '6月中旬', '12月底', 'Q3 2024',
    '5月30日前完成调研，7月1日-8月30日完成存在问题整改，8月15-30日区级评估验收，9月迎接市级现场考核，10月-11月迎接省级暗访。',
  ])('%s is a deadline', (s) => expect(isDeadlineLike(...text(s))).toBe(true));

  it.each(['完成项目建议书报批及项目立项工作。', '陆伟明 87730990', '卫计局、发改局', '10', '重要敏感时点'])(
    '%s is not a deadline',
    (s) => expect(isDeadlineLike(...text(s))).toBe(false),
  );

  it('takes date cells as deadlines', () => {
    expect(isDeadlineLike({ value: { kind: 'date', value: '2018-03-31', serial: 43190 }, text: '2018-03-31' }, '2018-03-31')).toBe(true);
  });

  it.each([
    ['3月31日前，完成向社会发布2018年医疗费用增长监测报告。', '3月31日前'],
    ['4月30日组织开展实施，每月底报送免费筛查数据。', '4月30日'],
    ['6月底前在省文广旅游局批复后，举办中医药文化旅游博览会。', '6月底前'],
    ['第一季度完成项目建议书报批及项目立项工作。', '第一季度'],
    ['年底前，建成一个管理紧密型县域医共体。', '年底前'],
    ['完成三级医院综合绩效考核工作。', null],
    ['3月31日', null],
    ['3月底前，完成规划编制；4月底前，完成规划专家论证', '3月底前；4月底前'],
    ['3月31日前，完成方案；组织专家论证，形成报告。', '3月31日前'],
  ])('leading deadline of %s', (s, want) => expect(leadingDeadline(s)).toBe(want));

  it.each([
    ['陆伟明 87730990', true], ['范子健 13912345678', true], ['0757-87730990', true], ['卫计局、发改局', false], ['2018.03.31', false],
  ])('phone in %s: %s', (s, want) => expect(hasPhone(s)).toBe(want));

  it.each([
    ['10', true], ['10分', true], ['一票否决\n10', true], ['一票否决', true], ['十分', false], ['做好群众满意度提升工作', false],
  ])('points in %s: %s', (s, want) => expect(isPointsLike(...text(s))).toBe(want));

  it.each([
    ['3', true], ['省120-1\n\n市97-1', true], ['市363', true], ['（三）', true], ['36. 加快新城医院项目建设。', false],
  ])('item number %s: %s', (s, want) => expect(isSeqLike(...text(s))).toBe(want));

  it('reads row kinds, units, ordinals and declared totals', () => {
    expect(rowKindOf('年度\n\n目标')).toBe('goal');
    expect(rowKindOf('节点')).toBe('node');
    expect(rowKindOf('完成标准')).toBeNull();
    expect(isUnitList('卫计局、发改局、财政局、人社局、民政局、残联、各街道')).toBe(true);
    expect(isUnitList('             卫计局')).toBe(true);
    expect(isUnitList('陆伟明 87730990')).toBe(false);
    expect(hasChineseOrdinal('一、医疗服务能力提升项目')).toBe(true);
    expect(hasChineseOrdinal('（二）智慧医疗')).toBe(true);
    expect(hasArabicOrdinal('1.全面推进家庭医生签约服务。')).toBe(true);
    expect(hasArabicOrdinal('2018.03.31')).toBe(false);
    expect(declaredPoints('围绕中心履职尽责（400分）')).toBe(400);
    expect(declaredPoints('专项考核(20分)')).toBe(20);
    expect(declaredPoints('安全生产')).toBeNull();
  });
});

describe('header words', () => {
  it.each([
    ['工作类别', 'category'], ['序号', 'seq'], ['号', 'seq'], ['工作任务/职能工作', 'task'], ['指标任务\n\n名称', 'task'],
    ['年度目标', 'goal'], ['工作目标节点分解', 'node'], ['衡量节点任务完成的标准', 'criteria'], ['节点完成期限', 'deadline'],
    ['是否为牵头单位', 'lead'], ['责任人及联系电话', 'owner'], ['权重设置', 'weight'], ['分值（分）', 'weight'],
    ['区级责任部门', 'owner'], ['牵头领导', 'leader'], ['配合部门', 'partner'], ['工作节点', 'deadline'], ['验收标准', 'criteria'],
    ['责任单位（盖章）', 'owner'], ['完成时限（月）', 'deadline'], ['Owner & phone', 'owner'], ['Deadline', 'deadline'],
    ['Milestones', 'node'], ['Acceptance criteria', 'criteria'], ['Lead unit', 'lead'], ['Lead unit?', 'lead'], ['是否完成？', 'status'], ['Weight', 'weight'],
    ['預設達標率', 'goal'], ['Performance Indicator', 'criteria'], ['Implementing Institution', 'owner'], ['目前情況', 'progress'], ['Present Position', 'progress'], ['1-9月份工作取得成效', 'progress'],
  ])('%s → %s', (h, role) => expect(matchHeader(h)[0]?.role).toBe(role));

  it('does not take data for a label', () => {
    expect(matchHeader('完成项目建议书报批及项目立项工作。')).toEqual([]);
    expect(matchHeader('2018.03.31')).toEqual([]);
    expect(matchHeader('陆伟明 87730990')).toEqual([]);
  });
});

describe('labels', () => {
  it.each([
    ['围绕中心履职尽责（400分）', '围绕中心履职尽责'],
    ['重点（职能）工作（380分）', '重点（职能）工作'],
    ['一、医疗服务能力提升项目', '医疗服务能力提升项目'],
    ['区委区政府 重点工作', '区委区政府重点工作'],
    ['（二）智慧医疗', '智慧医疗'],
  ])('category %s → %s', (raw, label) => expect(categoryLabel(raw)).toBe(label));

  it('reads leading numbers and weights', () => {
    expect(leadingNumber('1. 推动公立医院高质量发展')).toBe('1');
    expect(leadingNumber('12. “便捷就医服务”数字化转型 2.0')).toBe('12');
    expect(leadingNumber('推动公立医院')).toBeNull();
    expect(parseWeight(10, '10')).toEqual({ weight: 10, veto: false, text: null });
    expect(parseWeight(null, '一票否决\n10')).toEqual({ weight: 10, veto: true, text: '一票否决\n10' });
    expect(parseWeight(null, '一票否决')).toEqual({ weight: null, veto: true, text: '一票否决' });
    expect(parseWeight(null, '5分')).toEqual({ weight: 5, veto: false, text: '5分' });
    expect(parseWeight(null, '')).toEqual({ weight: null, veto: false, text: null });
    expect(parseWeight(null, '20%')).toEqual({ weight: 20, veto: false, text: '20%' });
    expect(parseWeight(null, '0.5-1.5分')).toEqual({ weight: 1.5, veto: false, text: '0.5-1.5分' });
    expect(parseWeight(null, '3、2、1分')).toEqual({ weight: 3, veto: false, text: '3、2、1分' });
    expect(parseWeight(null, '约10分左右')).toEqual({ weight: null, veto: false, text: '约10分左右' });
  });

  it('finds the plan year in a title, else in the cells, else says none', () => {
    expect(yearFromTitle(['区卫生计生局 单位2018年度绩效目标任务责任分解表'])).toBe(2018);
    expect(yearFromTitle(['District Health Bureau 2018 Performance Target Responsibility Breakdown'])).toBe(2018);
    expect(yearFromTitle(['抚顺市卫生健康委“重实干、强执行、抓落实”专项行动考核细则'])).toBeNull();
    expect(yearFromCells(['完成2019年全市“两癌”检查', '发布2018年医疗费用增长监测报告', '2019年上半年'])).toBe(2019);
    expect(yearFromCells(['完成项目建议书'])).toBeNull();
  });
});

describe('the plan year from the lines above the header', () => {
  it('takes a year a line states, but not the span of a programme', () => {
    expect(yearFromPrelude(['Hawkesbury City Council attachment 1 to item 5', 'Delivery Program 2013 – 2017', 'Progress Report:', '1 July 2015 - 30 June 2016'])).toBe(2015);
    expect(yearFromPrelude(['附表2-3-1:國發會104年度辦理公共建設計畫實地查證一覽表'])).toBe(2015);
    expect(statedYear(['計畫名稱', '查證日期', '工程會103年至105年訪查時間'])).toBeNull();
    expect(statedYear(['2017-18年度環保事務目標', '成果'])).toBe(2017);
  });

  it('else the day a register was issued or last amended, never the next review nor a fill-in date', () => {
    expect(yearFromPrelude(['Published on 16/11/2023'])).toBe(2023);
    expect(yearFromPrelude(['Policy Adopted May 2023. Next Review Date May 2024'])).toBe(2023);
    expect(yearFromPrelude(['(02.03.04) (amended 02.10.07, 09.04.13, 20.05.24)'])).toBe(2024);
    expect(yearFromPrelude(['Approved 6 February 2018'])).toBe(2018);
    expect(yearFromPrelude(['单位名称:塘湖镇政府 填报日期:2021.5.18'])).toBeNull();
  });
});

describe('people named in English', () => {
  it('a first and last name is a person; a title-case phrase ending in an abstract noun is not', () => {
    expect(isPersonName('Margaret Hooper')).toBe(true);
    expect(isPersonName('John Manning')).toBe(true);
    expect(isPersonName('Full Ownership')).toBe(false);
    expect(isPersonName('Joint Administration')).toBe(false);
  });
});

describe('row kinds', () => {
  it('reads its own words only: a cell reading constructor or __proto__ is text', () => {
    expect(rowKindOf('年度目标')).toBe('goal');
    expect(rowKindOf('节点')).toBe('node');
    expect(rowKindOf('constructor')).toBeNull();
    expect(rowKindOf('__proto__')).toBeNull();
  });
});
