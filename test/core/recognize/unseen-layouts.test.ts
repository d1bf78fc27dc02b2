/**
 * Layouts the corpus showed the recognizer reading wrong, as small grids: each asserts the reading
 * a clerk would give (written from the table, not from the recognizer's output).
 */
import { gridFromMatrix, parseRange } from '../../../src/core/grid';
import { recognizeSheet } from '../../../src/core/recognize';

const read = (grid: ReturnType<typeof gridFromMatrix>) => recognizeSheet(grid).sheet.tables;
const roles = (grid: ReturnType<typeof gridFromMatrix>) =>
  read(grid).map((t) => Object.fromEntries(t.columns.map((c) => [c.column, c.level ? `${c.role}:${c.level}` : c.role])));

describe('numbers read by what they are, not by their look', () => {
  it('a task key written on every node row groups the rows and is no weight', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['任务编号', '任务名称', '节点', '完成时间', '责任人'],
      [200, '建设区域医疗中心', '完成可研批复', '2024.03.31', '张三'],
      [200, null, '主体结构封顶', '2024.12.31', '张三'],
      [201, '推进家庭医生签约', '签约率达到40%', '2024.06.30', '李四'],
      [201, null, '签约率达到45%', '2024.12.31', '李四'],
      [201, null, '完成年度评估', '2024.12.31', '李四'],
      [202, '做好年度统计', '完成年报', '2024.03.31', '王五'],
    ]);
    expect(roles(grid)[0]?.A).toBe('seq');
    expect(read(grid)[0]?.tasks.map((t) => [t.seq, t.rows, t.nodes.length])).toEqual([
      ['200', [2, 3], 2],
      ['201', [4, 6], 3],
      ['202', [7, 7], 1],
    ]);
  });

  it('bare years under a completion header are deadlines, not item numbers', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['序号', '重点项目', '牵头单位', '完成时间'],
      [1, '新建第二人民医院', '县卫健局', 2019],
      [2, '改造老旧小区12个', '县住建局', 2020],
      [3, '建成污水处理厂', '县水务局', 2020],
    ]);
    expect(roles(grid)[0]).toEqual({ A: 'seq', B: 'task', C: 'lead', D: 'deadline' });
  });

  it('a year a node text aims at is not the plan year', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['序号', '工作任务', '工作目标', '责任单位'],
      [1, '推进健康县城建设', '到2030年人均预期寿命达到80岁', '县卫健局'],
      [2, '提升养老服务', '到2025年养老床位达到500张', '县民政局'],
    ]);
    expect(read(grid)[0]?.year).toBeNull();
  });
});

describe('sections, titles and headers in unknown words', () => {
  it('a month heading inside the body is a section, not a task, and an action tracker with English headers is found', () => {
    const grid = gridFromMatrix('Tracker', [
      ['Board Action Tracker'],
      ['Ref', 'Action', 'Lead officer', 'By when', 'RAG'],
      ['May 2024'],
      ['05.01', 'Report on waiting times to the next meeting', 'JB', '30 June', 'Amber'],
      ['05.02', 'Review the estates strategy with partners', 'MW/KR', '14 Aug', 'Green'],
      ['April 2024'],
      ['04.03', 'Publish the annual equality report', 'DH', '31 March', 'Red'],
    ]);
    const t = read(grid)[0];
    expect(roles(grid)[0]).toEqual({ A: 'seq', B: 'task', C: 'owner', D: 'deadline', E: 'status' });
    expect(t?.titleRows).toEqual([1]);
    expect(t?.tasks.map((k) => [k.seq, k.category])).toEqual([
      ['05.01', ['May 2024']],
      ['05.02', ['May 2024']],
      ['04.03', ['April 2024']],
    ]);
  });

  it('traditional characters read as the same words', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['序號', '計畫名稱', '主辦機關', '完成時限', '執行情形'],
      [1, '太陽光電第二期計畫', '經濟部', '113年12月', '依進度辦理中，已完成招標作業'],
      [2, '高雄環狀輕軌捷運建設計畫', '交通部', '114年6月', '第二階段工程施工中，預計如期完工'],
    ]);
    expect(roles(grid)[0]).toEqual({ A: 'seq', B: 'task', C: 'lead', D: 'deadline', E: 'progress' });
  });

  it('a key-value preamble between the title and the header is not the header', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['2024年度项目绩效目标表'],
      ['项目名称：', '乡村医生培训', '主管部门：', '县卫健局'],
      ['一级指标', '二级指标', '三级指标', '指标值', '分值'],
      ['产出指标', '数量指标', '培训人数', '≥200人', 20],
      [null, '质量指标', '考核合格率', '≥95%', 20],
      ['效益指标', '社会效益指标', '群众满意度', '≥90%', 10],
    ]);
    const t = read(grid)[0];
    expect(t?.headerRows).toEqual([3]);
    expect(roles(grid)[0]).toEqual({ A: 'category:1', B: 'category:2', C: 'task', D: 'goal', E: 'weight' });
    expect(t?.year).toBe(2024);
  });

  it('a header nobody named is found from its layout', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['Parish Council Risk Assessment 2018'],
      ['Topic', 'Hazard', 'Likelihood', 'Who'],
      ['Precept', 'Precept not submitted on time to the district', 'Low', 'Clerk'],
      ['Insurance', 'Cover lapses without the council noticing', 'Medium', 'RFO'],
    ]);
    const t = read(grid)[0];
    expect(t?.range).toBe('A2:D4');
    expect(t?.titleRows).toEqual([1]);
    expect(t?.year).toBe(2018);
  });
});

describe('items under headings', () => {
  it('a numbered action heading over rows numbered under it is one task with those rows as nodes', () => {
    const grid = gridFromMatrix('Our actions', [
      ['Action 1: Establish and maintain relationships with local communities'],
      ['Ref #', 'Deliverable', 'Timeline', 'Responsibility'],
      ['1.1', 'Expand the engagement programme with community partners', 'July 2024', 'PVC ALS'],
      ['1.2', 'Review and implement an engagement plan with elders', 'December 2024', 'PVC ALS'],
      ['1.3', 'Establish two formal partnerships with community organisations', 'December 2024', 'DVC RE'],
    ]);
    const t = read(grid)[0];
    expect(t?.tasks.map((k) => [k.seq, k.title, k.rows, k.nodes.length])).toEqual([
      ['1', 'Action 1: Establish and maintain relationships with local communities', [3, 5], 3],
    ]);
  });

  it('(一)-numbered headings merged over numbered items group them: the items are the tasks', () => {
    const grid = gridFromMatrix(
      '分工表',
      [
        ['工作要求', '工作任务', '具体要求', '责任单位'],
        ['一、优化政务公开工作基础', '(一)深化规范性文件集中公开。', '1.逐步推进本地区行政规范性文件库建设', '市政府办公室'],
        [null, '(二)持续推进基层政务公开标准化规范化。', '2.持续推动政府信息主动公开目录的动态更新', '市有关单位'],
        [null, null, '3.持续做好基层政务公开标准目录的更新', '各镇(街)'],
      ],
      [
        { top: 2, left: 1, bottom: 4, right: 1 },
        { top: 3, left: 2, bottom: 4, right: 2 },
      ],
    );
    expect(roles(grid)[0]).toEqual({ A: 'category:1', B: 'category:2', C: 'task', D: 'owner' });
    expect(read(grid)[0]?.tasks.map((k) => [k.seq, k.category])).toEqual([
      ['1', ['优化政务公开工作基础', '深化规范性文件集中公开。']],
      ['2', ['优化政务公开工作基础', '持续推进基层政务公开标准化规范化。']],
      ['3', ['优化政务公开工作基础', '持续推进基层政务公开标准化规范化。']],
    ]);
  });
});

describe('two-level headers', () => {
  it('points under 增加分值 and 扣减分值 are bonus and deduction, whatever the sub-column says', () => {
    const grid = gridFromMatrix(
      'Sheet1',
      [
        ['序号', '考核内容', '基础分值', '增加分值', null, '扣减分值', null],
        [null, null, null, '加分事由', '分值', '扣分事由', '分值'],
        [1, '按时报送督查信息', 10, '信息被省级采用', 2, '迟报一次', 1],
        [2, '办理人大建议', 20, null, null, '未按期办结', 5],
      ],
      [
        { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 1, left: 2, bottom: 2, right: 2 },
        { top: 1, left: 3, bottom: 2, right: 3 },
        { top: 1, left: 4, bottom: 1, right: 5 },
        { top: 1, left: 6, bottom: 1, right: 7 },
      ],
    );
    const r = roles(grid)[0];
    expect([r?.C, r?.E, r?.G]).toEqual(['weight', 'bonus', 'deduction']);
  });
});

describe('titles', () => {
  it('an instruction line under the title is not the title', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['2024年度督查工作考核细则'],
      ['考核范围：全县各乡镇、县直各单位'],
      ['序号', '考核内容', '分值', '评分标准'],
      [1, '按时报送督查信息', 10, '迟报一次扣1分'],
      [2, '办理人大建议', 20, '未按期办结扣5分'],
    ]);
    const t = read(grid)[0];
    expect([t?.title, t?.titleRows]).toEqual(['2024年度督查工作考核细则', [1]]);
  });
});

describe('what the cells are, beyond their header', () => {
  it('targets written as amounts with units are goals, and the task header over two columns gives the item and its parts', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['序号', '民生实事项目名称', null, '责任单位', '目标任务', '完成情况'],
      [1, '新增城镇就业', null, '人社局', '8950人', '7356'],
      [2, '建设农村公办幼儿园', null, '教育局', '2所', '1'],
      [3, '提高城乡低保补助标准', '完成征缴基金10000万元', '人社局', '10000万', '7965'],
      [null, null, '城市低保月均达到300元', '民政局', '300元', '300'],
    ], ['B1:C1', 'B4:B5', 'A4:A5'].map(parseRange));
    expect(roles(grid)[0]).toMatchObject({ A: 'seq', B: 'task', C: 'node', E: 'goal' });
  });

  it('a method column that names what the assessor looks at is the evidence', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['考核项目', '工作要求', '计分标准', '考核办法'],
      ['一、落实安全责任(10分)', '1.成立安全工作领导机构。', '未成立的，扣4分。', '查阅文件材料'],
      [null, '2.层层签订安全工作责任状。', '未签订的，扣3分。', '查看会议文件、记录'],
      [null, '3.定期召开安全工作专题会议。', '少于2次的，扣3分。', '查看本单位相关文件'],
    ], ['A2:A4'].map(parseRange));
    expect(roles(grid)[0]).toMatchObject({ C: 'criteria', D: 'evidence' });
  });

  it('how often a check recurs (Monthly, Bi Monthly, Quarterly) is when it is due', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['No', 'Property', 'Action Required', 'Frequency of Checks'],
      [1, 'Village Green', 'Keep mown and repair as necessary', 'Bi Monthly'],
      [2, 'Notice Boards', 'Maintenance and repair as necessary', 'Monthly'],
      [3, 'Grit Bins', 'Check and maintain adequate level of grit', 'Quarterly'],
    ]);
    expect(roles(grid)[0]?.D).toBe('deadline');
  });

  it('items numbered with a space (13 Establish…) take their numbers as seq when every item climbs', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['Action', 'Deliverable', 'Timeline', 'Responsibility'],
      ['13 Establish a working group', 'Form the group', 'September 2020', 'RAP Champions'],
      [null, 'Draft its terms of reference', 'September 2020', 'Director'],
      ['14 Provide support for delivery', 'Define resource needs', 'September 2020', 'RAP Champions'],
    ], ['A2:A3'].map(parseRange));
    expect(read(grid)[0]?.tasks.map((t) => t.seq)).toEqual(['13', '14']);
  });

  it('a paragraph listing numbered points above the header is no heading of one item', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['年度目标'],
      ['1、改善基础设施建设，新建果园路2公里 2、带动群众增收'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '新建水泥路1条', '2km'],
      [null, '质量指标', '项目验收合格率', '100%'],
      [null, '时效指标', '项目完成及时率', '100%'],
    ], ['A4:A6'].map(parseRange));
    expect(roles(grid)[0]).toMatchObject({ A: 'category:1', B: 'category:2', C: 'task' });
  });
});

describe('columns the header alone does not place', () => {
  it('one status column per period (第1季 … 第4季) keeps each its status', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['計畫名稱', '主管機關', '第1季', '第2季', '第3季', '第4季'],
      ['太陽光電第二期計畫', '經濟部', '高風險', '低風險', '低風險', '高風險'],
      ['高雄環狀輕軌捷運建設計畫', '交通部', '中風險', '高風險', '中風險', '中風險'],
      ['臺東市富岡港交通船碼頭改善工程計畫', '交通部', '中風險', '中風險', '中風險', '中風險'],
    ]);
    expect(roles(grid)[0]).toMatchObject({ C: 'status', D: 'status', E: 'status', F: 'status' });
  });

  it('a column with a value on every row under a blank corner cell belongs to the table', () => {
    const grid = gridFromMatrix('Sheet1', [
      [null, 'What are the hazards?', 'Risk H/M/L', 'What are you doing already?', 'Action by whom?'],
      ['Precept', 'Not claimed or not paid', 'L', 'Diary in January to set the precept', 'Clerk'],
      ['Records', 'Inadequate records', 'M', 'Monthly and annual checks of bank statements', 'Clerk'],
      ['Cash', 'Loss or theft of petty cash', 'L', 'RFO manages the petty cash book', 'RFO'],
    ]);
    expect(read(grid)[0]?.range).toBe('A1:E4');
  });

  it('one cell that does not fit its header does not unname a column barely filled in', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['Risk', 'What further action is necessary?', 'Action by whom?', 'Action by when?'],
      ['Precept not claimed', 'Set a reminder', 'Clerk', null],
      ['Inadequate records', 'Review the records annually', 'Clerk', null],
      ['Loss of petty cash', 'Count the cash monthly', 'RFO', 'ongoing'],
    ]);
    expect(roles(grid)[0]?.D).toBe('deadline');
  });
});

describe('headers in long English words', () => {
  it('a header row ending in one long label is found from its layout, and a score grid inside a merged risk is no new header', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['Strategic Risk Register 2012'],
      ['Risk, Description and Owner', 'Controls Required', 'Evidence of Control in Place', 'Control Owner', 'Overall Control Status & Proposed additional control measures'],
      ['SR1A Failure to publish adequate research outputs. Risk owned by N Wright', '1. Monitoring of research outputs through annual review', 'MyImpact IT System, monitoring by the committee', 'G Docherty, T Roskilly', 'Overall Status: AMBER. Work towards the new framework'],
      [null, '2. Comprehensive system of performance and development review', 'SAP HR System', 'C Day, S Homans'],
      [null, 'RISK SCORES', 'IMPACT', 'LIKELIHOOD', 'TOTAL'],
      [null, 'GROSS', '4', '4', '16'],
    ], ['A3:A6', 'E3:E4'].map(parseRange));
    const [table] = read(grid);
    expect(table?.range).toBe('A2:E6');
    expect(table?.headerRows).toEqual([2]);
    expect(roles(grid)[0]?.A).toBe('task');
  });
});

describe('people and posts', () => {
  it('a Lead column of officers named by their posts (DoF, NED-WT/DoN) is the owner, not a lead unit', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['Ref', 'Action', 'Lead', 'Due Date', 'Status'],
      ['85.6', 'NED-WT to work with the DoN to share the learning', 'NED-WT/DoN', '10.05.2023', 'Open'],
      ['90.13', 'Report the timeline for the next phase', 'DoCAP', '10.05.2023', 'Open'],
      ['92.5', 'Request that consideration be given to the legacy', 'DoSCE', '10.05.2023', 'Closed'],
      ['68.4', 'Key strategic contracts to be identified', 'DoF', '10.05.2023', 'Open'],
    ]);
    expect(roles(grid)[0]?.C).toBe('owner');
  });
});

describe('progress and status by what the cells say', () => {
  it('figures achieved under 完成情况 are progress, not a status', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['类别', '指标名称', '年度目标', '完成情况', '责任部门'],
      ['高质量发展', '1、地区生产总值增长率', '与市保持同步', '9.8%', '区发改委'],
      [null, '2、区级财政收入增长率', '6%以上', '28.97%', '区财政局'],
      [null, '3、外商直接投资实际到位金额增长率', '3%', '13.01%', '区商务委'],
      [null, '4、新增跨国公司地区总部数', '3家', '4家', '区商务委'],
      [null, '5、新增企业上市数', '2家', '年度指标', '区金融办'],
    ], ['A2:A6'].map(parseRange));
    expect(roles(grid)[0]?.D).toBe('progress');
  });

  it('a long English header is still a header: Planned Action or Justification… is the next steps', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['Recommendation', 'Planned Action or Justification for no action on the Recommendation', 'Responsible Official', 'Target Completion Date'],
      ['1) The Vice President should ensure that performance measurement is in place.', 'Performance measurement and evaluation has been strengthened across the branch.', 'E.D., Domestic Policy Directorate', 'June 2012.'],
      ['2) The Vice President should provide the required reports.', 'While the agency has provided all the required reports, it will review them.', 'E.D., Domestic Policy Directorate', 'First quarter of fiscal 2012-13'],
    ]);
    expect(roles(grid)[0]?.B).toBe('plan');
  });
});

describe('titles by how they are set', () => {
  const styled = (rows: Parameters<typeof gridFromMatrix>[1], emphasis: Record<number, number>) => {
    const g = gridFromMatrix('Sheet1', rows);
    g.fonts = true;
    for (const [r, e] of Object.entries(emphasis)) {
      const cell = g.rows[Number(r) - 1]?.[0];
      if (cell) cell.emphasis = e;
    }
    return g;
  };
  const body = [
    ['Action', 'Deliverable', 'Timeline', 'Responsibility'],
    ['13. Establish a working group', 'Form the group to govern the plan', 'September 2020', 'RAP Champions'],
    ['14. Provide support for delivery', 'Define the resources the plan needs', 'December 2020', 'RAP Champions'],
  ];

  it('where the fonts are known, the lines set largest are the titles and plain cover lines are not', () => {
    const grid = styled([['Hawkesbury City Council attachment 1 to item 5'], ['Delivery Program 2013 – 2017'], ['Six monthly Progress Report'], ...body], { 3: 6 });
    expect(read(grid)[0]?.titleRows).toEqual([3]);
  });

  it('a bold subtitle under a larger title is not the title; an issuer line is not either', () => {
    const grid = styled([['枣庄市卫生健康服务中心'], ['2022年度服务高质量发展绩效考核工作任务要点'], ['(起评分100分)'], ...body], { 1: 6, 2: 6, 3: 2 });
    expect(read(grid)[0]?.titleRows).toEqual([2]);
  });

  it('where nothing stands out, the words decide as before', () => {
    const grid = styled([['Reconciliation Action Plan 2020 Governance'], ...body], {});
    expect(read(grid)[0]?.titleRows).toEqual([1]);
  });
});

describe('risk registers and board trackers', () => {
  it('the subject on each row left of the risks is the item; the action column says what is done about it', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['No', 'Property', 'Risk Posed to Property', 'Action Required to Minimise Risk', 'Frequency of Checks'],
      [1, 'Wormington Village Green', 'Injury crossing uneven ground', 'Keep mown, other maintenance as needed', 'Bi Monthly'],
      [2, 'Tree on the village green', 'Injury or damage by falling branches', 'Tree surgery as required', 'Bi Monthly'],
      [3, 'Bench around tree', 'Injury to the public by falling branches', 'Maintenance and repair as necessary', 'Bi Monthly'],
      [4, '2 Notice Boards', 'Injury to the public caused by splinters', 'Maintenance and repair as necessary', 'Monthly'],
    ]);
    expect(roles(grid)[0]).toMatchObject({ A: 'seq', B: 'task', C: null, D: 'node', E: 'deadline' });
  });

  it('without a subject column the risks themselves are the items', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['Risk, Description and Owner', 'Control Measures', 'Risk Level', 'Action by whom?'],
      ['Failure to publish adequate research outputs', 'Monitoring of research outputs through annual review', 'Medium', 'Clerk'],
      ['Loss of funds through improper payments', 'Two signatories on every payment', 'Low', 'RFO'],
    ]);
    expect(roles(grid)[0]).toMatchObject({ A: 'task', B: 'node', C: 'status' });
  });

  it('a Likelihood column of rating words is the status when no column is named for it', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['Risk', 'Likelihood', 'Control Measures'],
      ['1. Injury on council property from play equipment', 'Medium', 'All play equipment inspected annually by an approved inspector'],
      ['2. Injury on the village green', 'Medium', 'Equipment checked weekly by the clerk'],
      ['3. Injury from falling trees', 'Low', 'All trees identified and surveyed every two years'],
    ]);
    expect(roles(grid)[0]?.B).toBe('status');
  });

  it('Action beats Item: the agenda item an action came from is no task', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['Meeting', 'Item', 'Action / Progress', 'Lead'],
      ['Board 02/09/08', 'Mental Health of Children', 'A visit to the CAMHS services should be arranged for the board', 'MW'],
      ['Board 07/10/08', 'Health & Safety', 'This could be discussed at a development session of the board', 'JB'],
      ['Board 04/11/08', 'Finance report', 'The finance director to bring the revised forecast in January', 'MW'],
    ]);
    expect(roles(grid)[0]).toMatchObject({ B: null, C: 'task' });
  });

  it('section lines inside the body do not count as cells of the column they stand in', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['Relevant Item', 'Action', 'Responsibility'],
      ['Actions held over from previous meetings on 26 April 2017'],
      ['BOD 60/17(h)\nBOD 21/17 (b)', 'Strategic partnerships report to come back to the board', 'MW'],
      ['Actions held over from the meeting on 25 October 2017'],
      ['BOD 180/17(b)-(c)', 'Board assurance framework to be updated', 'HS'],
      ['BOD 192/17 (f)', 'Quality report to include the survey findings', 'MW'],
    ], ['A2:C2', 'A4:C4'].map(parseRange));
    expect(roles(grid)[0]?.A).toBe('seq');
  });

  it('a task merged over several rows takes its nodes from the text column that fills those rows', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['Risk, Description and Owner', 'Controls Required', 'Evidence of Control in Place', 'Control Owner'],
      ['SR1A Failure to publish adequate research outputs', '1. Monitoring of research outputs through annual review', 'MyImpact IT System', 'G Docherty'],
      [null, '2. Comprehensive system of performance review', 'SAP HR System', 'C Day'],
      ['SR1B Failure to recruit research staff', '1. Recruitment campaign run twice a year', 'Recruitment reports', 'T Roskilly'],
      [null, '2. Salary review for research posts', 'HR committee minutes', 'C Day'],
    ], ['A2:A3', 'A4:A5'].map(parseRange));
    expect(roles(grid)[0]?.B).toBe('node');
  });
});

describe('where a form\'s items end and begin', () => {
  it('a 合计 row closes the items; the sign-off rows after it are outside the table', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['一级指标', '二级指标', '三级指标', '指标值', '权重', '得分'],
      ['产出指标', '数量指标', '发放覆盖率', '100%', 60, null],
      ['效益指标', '社会效益指标', '足额保障率', '100%', 30, null],
      ['合计', null, null, null, 100, null],
      ['评价结论', '结合自评情况,说明项目自评总分。(200字以内)'],
      ['存在问题', '结合自评情况,分析存在的问题及原因。(200字以内)'],
    ], ['B5:F5', 'B6:F6'].map(parseRange));
    expect(read(grid)[0]?.range).toBe('A1:F4');
  });

  it('a numbered heading parted from the header by other data does not name the task', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['2.项目实施内容及过程概述'],
      ['资金来源', '预算数', '执行数'],
      ['财政拨款', '100', '90'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '发放覆盖率', '100%'],
      [null, '质量指标', '足额保障率', '100%'],
    ], ['A5:A6'].map(parseRange));
    expect(roles(grid).at(-1)).toMatchObject({ C: 'task' });
  });
});

describe('a risk register read as a clerk reads it', () => {
  it('the subject of each row is the item, the controls its nodes, the action beyond them the plan', () => {
    const grid = gridFromMatrix('Risks', [
      ['Risk Area', 'Risk Identified', 'Level of risk (H/M/L)', 'Management of Risk', 'Action required', 'Review date'],
      ['Property and contents owned by the council, including the village hall', 'Loss or damage', 'High', 'An up to date register of assets and investments is kept', 'Reviewed annually by council, and the insurance renewed on time', 'March 2020'],
      ['Damage to third party property or individuals', 'Public liability', 'High', 'Property maintenance and insurance cover', 'Insurance held with Zurich, renewal date checked by the clerk', 'March 2020'],
      ['Loss of cash through theft or dishonesty by an officer', 'Fidelity guarantee', 'Medium', 'Risk assessment and procedure in place', 'Internal controls checked by council and the internal auditor', 'May 2020'],
    ]);
    expect(roles(grid)[0]).toMatchObject({ A: 'task', B: null, C: 'status', D: 'node', E: 'plan', F: 'deadline' });
  });

  it('a review column of what will be done is the plan; a control column named in other words is the node', () => {
    const grid = gridFromMatrix('Risks', [
      ['Subject', 'Risks identified', 'Management Control of Risk', 'Risk Level', 'Review/Assess/Revise'],
      ['Code of Conduct', 'Failure to maintain the register of interests', 'Councillors training in place to ensure the register is kept', 'Low', 'Clerk to remind members of the register each May'],
      ['Computing', 'Crash of IT system, loss of data', 'Back up of data is done on an external hard drive', 'Medium', 'Anti virus to be renewed and the back up tested'],
      ['Council Meetings', 'Failure to meet statutory duty', 'All members are notified of meetings by email', 'Low', 'Existing procedure to be reviewed at the annual meeting'],
    ]);
    expect(roles(grid)[0]).toMatchObject({ A: 'task', B: null, C: 'node', D: 'status', E: 'plan' });
  });

  it('a review column of recurrences stays the deadline', () => {
    const grid = gridFromMatrix('Risks', [
      ['Subject', 'Risk', 'Controls', 'Review'],
      ['Precept', 'Precept not submitted in time', 'Diary kept by the clerk', 'Annually'],
      ['Banking', 'Bank mandate out of date', 'Mandate checked by two members', 'Quarterly'],
      ['Assets', 'Loss of assets', 'Asset register kept up to date', 'Annually'],
    ]);
    expect(roles(grid)[0]?.D).toBe('deadline');
  });
});

describe('what a cell says outweighs a look-alike', () => {
  it('a name that starts like a month (Margaret, Marcus) is no date', () => {
    const grid = gridFromMatrix('Plan', [
      ['Portfolio', 'Who', 'Action', 'Timescale'],
      ['Planning', 'Margaret', 'Respond to the consultation on the local plan', 'May 2024'],
      ['Highways', 'Marcus', 'Report the potholes on the high street', 'June 2024'],
      ['Finance', 'Decima', 'Set the budget for the coming year', 'December 2024'],
    ]);
    expect(roles(grid)[0]).toMatchObject({ B: 'owner', C: 'task', D: 'deadline' });
  });

  it('two different sentences under a 完成情况 header are the progress, not a status vocabulary', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['序号', '重点工作', '责任领导', '工作任务安排', '第二季度完成情况'],
      [1, '水库工程政策处理', '欧乾震', '推进坟墓迁移工作。', '该工程库区内坟墓迁移进度达60%。'],
      [2, '现代化美丽城镇', '吴宇凡', '按照时间节点开展项目建设。', '19个项目完成投资3000万元,完成年度计划的一半。'],
    ]);
    expect(roles(grid)[0]).toMatchObject({ D: 'node', E: 'progress' });
  });

  it('a whether-question column of 是/否 is the status, and a task merged over an empty column leaves it without a role', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['序号', '主要任务', '全年目标任务', '牵头单位', '1-11月推进情况', '是否达序'],
      [24, '优化提升50条背街后巷交通组织。', null, '城管局', '已进场施工,完成60%。', '是'],
      [25, '新增四分类达标小区210个。', null, '城管局', '在46个小区,建成38个厢房。', '否'],
      [26, '新建建筑垃圾中转站8个。', null, '城管局', '已建成建筑垃圾中转站7个。', '是'],
    ], ['B2:C2', 'B3:C3', 'B4:C4'].map(parseRange));
    expect(roles(grid)[0]).toMatchObject({ B: 'task', C: null, F: 'status' });
  });

  it('completion words of building works (已完工, 在建) are statuses', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['序号', '项目名称', '业主单位', '本月进展情况'],
      [1, '文化中心北路', '区城投', '已完工'],
      [2, '乐业路', '区城管局', '在建'],
      [3, '新坊路西接兴国路工程', '长堎街道', '已完工'],
    ]);
    expect(roles(grid)[0]?.D).toBe('status');
  });
});

describe('numbers of groups and numbers of items', () => {
  it('a numbering merged over groups of tasks numbers the groups; the numbering on each task row is the seq, and a goal-named text merged over the tasks is their category', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['策略績效目標', null, '衡量指標', null, '評估體制', '評估方式', '年度目標值'],
      ['一', '輔導服務業發展(25%)', '一', '推展會展活動(6%)', 1, '統計數據', '100%'],
      [null, null, '二', '輔導地方特色產業(4%)', 1, '統計數據', '100%'],
      [null, null, '三', '辦理商圈特色行銷活動(4%)', 1, '完成工作項目', '100%'],
      ['二', '建立核心科技園區(10%)', '一', '輔導廠商進駐工業園區(5%)', 1, '統計數據', '35家'],
      [null, null, '二', '未登記工廠輔導方案(5%)', 1, '完成工作項目', '20家'],
    ], ['A1:B1', 'C1:D1', 'A2:A4', 'B2:B4', 'A5:A6', 'B5:B6'].map(parseRange));
    const [table] = read(grid);
    expect(roles(grid)[0]).toMatchObject({ A: null, B: 'category:1', C: 'seq', D: 'task', E: null, F: null });
    expect(table?.tasks.map((t) => [t.seq, t.category, t.rows])).toEqual([
      ['一', ['輔導服務業發展'], [2, 2]],
      ['二', ['輔導服務業發展'], [3, 3]],
      ['三', ['輔導服務業發展'], [4, 4]],
      ['一', ['建立核心科技園區'], [5, 5]],
      ['二', ['建立核心科技園區'], [6, 6]],
    ]);
  });

  it('without a numbering of its own, a task takes the Chinese ordinal that opens its text, and a count of items is no part of a category label', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['序号', '牵头单位', '项目类别', '项目名称', '业主单位', '进展情况'],
      ['一', '区城管局', '区政府民生实事项目(3个)', '(一)城区居民户内燃气安全装置项目', '区城管局', '已完工'],
      [null, null, null, '(二)城镇老旧小区改造项目', '区城管局', '在建'],
      [null, null, null, '(三)井盖整治项目', '区城管局', '已完工'],
      ['二', '区教体局', '区政府民生实事项目(2个)', '(一)公共场所全民健身器材更换项目', '区教体局', '已完工'],
      [null, null, null, '(二)中小学幼儿园网点建设补短板项目', '区教体局', '在建'],
    ], ['A2:A4', 'B2:B4', 'C2:C4', 'A5:A6', 'B5:B6', 'C5:C6'].map(parseRange));
    const [table] = read(grid);
    expect(roles(grid)[0]?.A).toBeNull();
    expect(table?.tasks.map((t) => [t.seq, t.category])).toEqual([
      ['一', ['区政府民生实事项目']],
      ['二', ['区政府民生实事项目']],
      ['三', ['区政府民生实事项目']],
      ['一', ['区政府民生实事项目']],
      ['二', ['区政府民生实事项目']],
    ]);
  });
});

describe('the plan year of a plan of several years', () => {
  it('a title naming several years gives no one plan year, whatever the header and the cells date', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['嘉善县城承载能力提升工程推进方案(2023-2027年)责任分解清单'],
      ['序号', '任务名称', '2023年目标', '2025年目标', '2027年目标', '责任单位'],
      [1, '城市更新', '完成2个片区', '完成4个片区', '完成6个片区', '县住建局'],
      [2, '污水管网改造', '改造20公里', '改造40公里', '改造60公里', '县水务局'],
    ], ['A1:F1'].map(parseRange));
    expect(read(grid)[0]?.year).toBeNull();
  });

  it('a span running into a month of a later year is several years; a review date on the same line does not date the plan', () => {
    const grid = gridFromMatrix('Plan', [
      ['Parish Council Action plan and Work Responsibilities'],
      ['Development Plan – Dec 2018 to April 2020 (review deferred to May 2021 due to Covid)'],
      ['Action', 'Lead', 'Timescale', 'Achieved?'],
      ['Improve the play area', 'Cllr Smith', 'Summer', null],
      ['Publish a newsletter', 'Clerk', 'Quarterly', null],
    ], ['A1:D1', 'A2:D2'].map(parseRange));
    expect(read(grid)[0]?.year).toBeNull();
  });

  it('a reporting period inside a programme of several years dates the sheet; an adoption date under a several-years title does not', () => {
    const period = gridFromMatrix('Progress', [
      ['Delivery Program 2013-2017'],
      ['1 July 2015 - 30 June 2016'],
      ['Action', 'Output Measure', 'Status', 'Annual Comments'],
      ['Work with event organisers', 'Number of events', 'Achieved', 'Assistance was provided to the festival'],
      ['Implement the heritage trail', 'Trail in place', 'Partially completed', 'Concept presented to council'],
    ]);
    expect(read(period)[0]?.year).toBe(2015);
    const adopted = gridFromMatrix('Priorities', [
      ['Council’s Priorities for Current & Future Years'],
      ['as agreed at Mtg on 5 December 2016'],
      ['Priority', 'Action', 'Who', 'Timescale'],
      ['H', 'Replace the bus shelter', 'Clerk', 'March'],
      ['M', 'Review the allotment rents', 'Finance committee', 'Annual'],
    ]);
    expect(read(adopted)[0]?.year).toBeNull();
  });

  it('a school year of the ROC calendar (110學年度) is 2021', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['南投縣110學年度教育優先區計畫實施情形考核表'],
      ['項目', '參照標準', '學校自評', '備註'],
      ['親職教育', '辦理親職講座', '優', null],
      ['課業輔導', '辦理課後輔導', '良', null],
    ], ['A1:D1'].map(parseRange));
    expect(read(grid)[0]?.year).toBe(2021);
  });
});

describe('edges and headings a header does not label', () => {
  it('columns beyond a header with blank edge cells, filled on the rows below, belong to the table', () => {
    const grid = gridFromMatrix('Summary', [
      ['December 2020 summary of achievements'],
      [null, 'Intended Impact', 'Achievements this Period'],
      ['Engagement with Parliament (4 Milestones)', 'Improve public understanding of how Parliament works', 'Spotlight on Elections video', '2 Milestones completed'],
      ['Youth Parliament (5 Milestones)', 'Improve understanding among young people', null, 'All milestones have been completed.'],
    ], ['A1:D1'].map(parseRange));
    const [table] = read(grid);
    expect(table?.range).toBe('A2:D4');
    expect(table?.tasks.map((t) => t.rows)).toEqual([[3, 3], [4, 4]]);
  });

  it('a short label alone in the task column, where every item has a number, heads the items under it', () => {
    const grid = gridFromMatrix('Goals', [
      ['Ref#', 'Status', 'Priority Level and Project Name', 'Page'],
      [null, null, 'HIGHEST Priority'],
      ['1', 'Continued', 'Development of Parking Lots 2 and 5', '7'],
      ['2', 'New', 'Martin Luther King Recommendations Implementation', '8'],
      ['3', 'Continued', 'Additional Neighborhood Conservation Districts', '9'],
      [null, null, 'SECOND Priority'],
      ['4', 'Continued', 'Parking Study and New Regulations', '23'],
      ['5', 'Continued', 'Downtown Small Area Plan Implementation', '24'],
    ]);
    const [table] = read(grid);
    expect(roles(grid)[0]).toMatchObject({ A: 'seq', C: 'task', D: null });
    expect(table?.tasks.map((t) => [t.seq, t.category])).toEqual([
      ['1', ['HIGHEST Priority']], ['2', ['HIGHEST Priority']], ['3', ['HIGHEST Priority']],
      ['4', ['SECOND Priority']], ['5', ['SECOND Priority']],
    ]);
  });
});

describe('a parish council action plan in its own words', () => {
  it('Action over officers is who acts; Priority H/M/L is no status; a financial year is when; an empty numbered slot is no task', () => {
    const grid = gridFromMatrix('Priorities', [
      ['Serial No.', 'Priority\n(H/M/L)', 'Item', 'Relevant FY', 'Action', 'Progress\n%'],
      ['ADMIN'],
      ['1', 'H', 'Complete the review of the website and develop its content for residents', '16/17', 'Clerk', '100'],
      ['2', 'H', 'Develop a basic community emergency plan with the volunteers', '19/20', 'Clerk + Cllr Hooper', '10'],
      ['3', 'L', 'Develop a parish office manual for guidance of new staff', '17/18', 'Clerk + Admin Assistant', '25'],
      ['4'],
      ['ASSETS'],
      ['5', 'M', 'Review the numbers and the potential redistribution of dog bins', '17/18', 'Clerk', '75'],
    ]);
    const [table] = read(grid);
    expect(roles(grid)[0]).toMatchObject({ A: 'seq', B: null, C: 'task', D: 'deadline', E: 'owner', F: 'progress' });
    expect(table?.tasks.map((t) => t.seq)).toEqual(['1', '2', '3', '5']);
  });

  it('a whether-question header (Achieved?) is the status; a plural header (KPIs) names its singular', () => {
    const grid = gridFromMatrix('Plan', [
      ['Action', 'Implementation', 'Who is responsible for action?', 'KPIs', 'Achieved?'],
      ['Ensure the action plan is reviewed annually', 'Clerk to ensure review at the annual meeting', 'Clerk & Councillors', 'Plan reviewed', 'Yearly'],
      ['Implement the parish plan actions', 'Appointed councillors continue to work with the group', 'Councillors and Development Group', 'Actions done', 'Yes'],
      ['Keep the assets maintained', 'Responsible councillor to check regularly', 'Appointed councillors', 'Assets checked', 'Assets risk assessed in September'],
    ]);
    expect(roles(grid)[0]).toMatchObject({ A: 'task', B: 'node', C: 'owner', D: 'criteria', E: 'status' });
  });
});

describe('statistics tables and assessment forms', () => {
  it('planned figures are the goal, figures so far and rates the progress, the areas answerable the owners, and the province total no item', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['全省2021年重点民生实事项目完成进度表'],
      ['序号', '市 州', '计划完成数', '累计开工数', '开工率', '计划投资额(万元)', '累计完成投资额(万元)'],
      ['1', '长沙市', '150', '143', '95.33%', '86157.25', '36836.13'],
      ['2', '株洲市', '71', '44', '61.97%', '13533.40', '4756.44'],
      ['3', '湘潭市', '87', '71', '81.61%', '19099.87', '6930.72'],
      ['4', '衡阳市', '146', '58', '39.73%', '68429.76', '27456.4'],
      ['全省', null, '454', '316', '69.60%', '187270.28', '75979.69'],
    ], ['A1:G1'].map(parseRange));
    const [table] = read(grid);
    expect(roles(grid)[0]).toMatchObject({ A: 'seq', B: 'owner', C: 'goal', D: 'progress', E: 'progress', F: 'goal', G: 'progress' });
    expect(table?.tasks.map((t) => t.seq)).toEqual(['1', '2', '3', '4']);
  });

  it('figures under 完成情况 are the progress, shares of the year\'s plan too; counts that go up and down are no item numbers', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['序号', '实事项目名称', '完成情况', '占全年计划'],
      ['1', '新增4000张养老床位', '4385', '110%'],
      ['2', '新增30个社区长者食堂', '39', '130%'],
      ['3', '新增30个乡村长者照护之家', '30', '100%'],
      ['4', '打造60条敬老爱老服务公交线路', '61', '102%'],
    ]);
    expect(roles(grid)[0]).toMatchObject({ A: 'seq', B: 'task', C: 'progress', D: 'progress' });
  });

  it('the school\'s score and the assessor\'s are both scores; a bracket naming the evidence names the column', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['項目', '參照標準', '學校自評', null, '考核委員評鑑', null, '填表說明 (佐證資料及說明)'],
      [null, null, '評分', '執行情形概述', '評分', '考核意見', null],
      ['1.全縣說明會是否派相關承辦人員與會。', '[優]有派員參與並全程參與。[可]未派員參與。', '10', '派員參加說明會', '8', '佐證資料齊全', '簽到表'],
      ['2.學校執行小組之運作情形。', '[優]組織健全,合作無間。[可]尚能建置小組。', '5', '成立執行小組', '5', null, '會議紀錄'],
      ['7.105年度補助項目經費執行率達80%以上。', '[優]執行率達90%以上。[可]未達80%。', '4', '執行率85%', '4', null, '經費明細'],
    ], ['C1:D1', 'E1:F1', 'A1:A2', 'B1:B2', 'G1:G2'].map(parseRange));
    const [table] = read(grid);
    expect(roles(grid)[0]).toMatchObject({ A: 'task', B: 'criteria', C: 'score', D: 'progress', E: 'score', F: 'remark', G: 'evidence' });
    expect(table?.tasks.map((t) => t.seq)).toEqual(['1', '2', '7']);
  });
});

describe('audit trackers and action plans in English', () => {
  it('a management response is the plan, a numbered recommendation gives its number, a yes/no column alone is no lead flag', () => {
    const grid = gridFromMatrix('MRAP', [
      ['Recommendation', 'Management Response and Planned Management Action', 'Deliverables', 'Expected Completion Date', 'Responsibility', 'Resolved: Yes or No'],
      ['Recommendation 1\nIt is recommended that the regional attestation process be updated.', 'Management agrees with this recommendation and will update the process with the regions.', '1.1 Updated process approved by senior management', 'March 31, 2017', 'Director', 'Yes'],
      [null, null, '1.2 Updated process approved by the regional executives', 'April 30, 2017', 'ADM', 'Yes'],
      ['Recommendation 2\nIt is recommended that the inventory of facilities be completed.', 'Management agrees and will complete the inventory by the autumn.', '2.1 Inventory completed', 'Sept 30, 2017', 'Director', 'No'],
    ], ['A2:A3', 'B2:B3'].map(parseRange));
    const [table] = read(grid);
    expect(roles(grid)[0]).toMatchObject({ A: 'task', B: 'plan', C: 'node', D: 'deadline', E: 'owner' });
    expect(roles(grid)[0]?.F).not.toBe('lead');
    expect(table?.tasks.map((t) => [t.seq, t.nodes.length])).toEqual([['1', 2], ['2', 1]]);
  });

  it('Risk No is the number of the risk; a review column of how often it recurs is the deadline, one of what is done each time the plan', () => {
    const recurrence = gridFromMatrix('Risks', [
      ['Risk No', 'Subject', 'Risk(s) identified', 'Risk Assessment', 'Mitigation / Control Activities', 'Review Assess / Revise'],
      ['R001', 'Precept', 'Adequacy of precept requirement', 'Low', 'The budget is monitored every two months by the council', 'Annual Review by the full council'],
      ['R002', 'Records', 'Inadequate records', 'Low', 'The council adheres to its financial regulations', 'Reviewed at all Council Meetings'],
      ['R003', 'Banking', 'Bank errors', 'Low', 'Monthly bank statements are reviewed by a member', 'Periodic review of the mandate'],
    ]);
    expect(roles(recurrence)[0]).toMatchObject({ A: 'seq', F: 'deadline' });
    const actions = gridFromMatrix('Risks', [
      ['Subject', 'Risk Identified', 'Risk Rating (HML)', 'Risk Management and Control', 'Review and Action'],
      ['1. Precept', 'Income inadequate or excessive', 'L', 'Review payments against budget quarterly', 'Review payments quarterly.\nRFO to present the budget to council in January'],
      ['2. Banking', 'Inability to access statements', 'H', 'Keep bank mandate up to date', 'Approve signed quarterly bank reconciliations at each meeting of the council'],
      ['3. Annual return', 'Late or incomplete return', 'M', 'Approve annual return in line with audit', 'Schedule council meetings at appropriate times for the audit deadlines'],
    ]);
    expect(roles(actions)[0]).toMatchObject({ D: 'node', E: 'plan' });
  });

  it('what we will do is the node, what residents will see the goal', () => {
    const grid = gridFromMatrix('Plan', [
      ['Council Plan Action Plan 2025 to 2027'],
      ['Action', 'What we will do and when', 'What residents will see'],
      ['24. Certainty on future locations for key services', 'Decision on the future of the waste depot by March 2026', 'Continuity of council services, without disruption'],
      ['25. Strengthen our workforce management', 'Following the implementation of the new system, report on staffing each quarter', 'Improved outputs and standards expected of staff'],
    ], ['A1:C1'].map(parseRange));
    expect(roles(grid)[0]).toMatchObject({ A: 'task', B: 'node', C: 'goal' });
  });
});

describe('考核细则 forms', () => {
  it('a 总分 line under the header states the total before the items and does not end the table; a category-named column of one item per numbered row lists the items', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['序号', '考核项目', '各项分值', '评分标准'],
      [null, '总分', '100'],
      ['一、', '通用考核项目', '40'],
      ['1', '组织领导', '8', '积极配合各乡镇开展工作（8分）。'],
      ['2', '日常工作', '7', '成立工作领导小组（1分）；落实联络员（1分）。'],
      ['3', '宣传工作', '10', '认真开展相关宣传，有宣传资料（10分）。'],
    ]);
    const [table] = read(grid);
    expect(table?.range).toBe('A1:D6');
    expect(roles(grid)[0]).toMatchObject({ A: 'seq', B: 'task', C: 'weight', D: 'criteria' });
  });

  it('blocks that declare their points over rows that declare theirs are categories of scored items', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['工作内容', '工作要求', '考核方法', '评分标准', '得分'],
      ['组织领导和项目公示（7分）', '有工作领导小组、项目负责人和协管员。（2分）', '查阅相关文件。', '无领导小组的扣2分。', null],
      [null, '有年度工作计划和年度总结。（3分）', '查阅相关资料。', '无年度计划的扣3分。', null],
      [null, '在门诊大厅公示服务项目。（2分）', '现场实地查看。', '未公示的扣2分。', null],
      ['培训和资金管理（9分）', '开展相关培训，工作人员熟悉工作要求。（5分）', '查阅相关资料。', '未开展培训的扣5分。', null],
      [null, '经费专帐管理，专项核算。（4分）', '查阅财务报表。', '未落实专帐管理的扣4分。', null],
    ], ['A2:A4', 'A5:A6'].map(parseRange));
    const [table] = read(grid);
    expect(roles(grid)[0]).toMatchObject({ A: 'category:1', B: 'task' });
    expect(table?.tasks.map((t) => [t.rows, t.category])).toEqual([
      [[2, 2], ['组织领导和项目公示']], [[3, 3], ['组织领导和项目公示']], [[4, 4], ['组织领导和项目公示']],
      [[5, 5], ['培训和资金管理']], [[6, 6], ['培训和资金管理']],
    ]);
  });
});

describe('indicator tables with points at every level', () => {
  it('the points of each item are the weight, those merged over a group its total; level numbers (1.1.1) are the seq and leave the labels', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['一级指标', '权重', '二级指标', '分值', '三级指标', '目标值', '分值', '扣分原因'],
      ['1.预算绩效', '50', '1.1预算管理', '30', '1.1.1预算执行进度', '80%', '15', null],
      [null, null, null, null, '1.1.2预算调整次数', '0', '15', null],
      [null, null, '1.2财务管理', '20', '1.2.1用款计划差错率', '0%', '10', null],
      [null, null, null, null, '1.2.2是否存在违规行为', '否', '10', null],
      ['2.项目产出', '50', '2.1产出数量', '50', '2.1.1检疫完成率', '100%', '25', null],
      [null, null, null, null, '2.1.2检验批次增长率', '5%', '25', null],
    ], ['A2:A5', 'B2:B5', 'C2:C3', 'D2:D3', 'C4:C5', 'D4:D5', 'A6:A7', 'B6:B7', 'C6:C7', 'D6:D7'].map(parseRange));
    const [table] = read(grid);
    expect(roles(grid)[0]).toMatchObject({ A: 'category:1', B: null, C: 'category:2', D: null, E: 'task', F: 'goal', G: 'weight', H: 'remark' });
    expect(table?.tasks.map((t) => [t.seq, t.category])).toEqual([
      ['1.1.1', ['预算绩效', '预算管理']], ['1.1.2', ['预算绩效', '预算管理']],
      ['1.2.1', ['预算绩效', '财务管理']], ['1.2.2', ['预算绩效', '财务管理']],
      ['2.1.1', ['项目产出', '产出数量']], ['2.1.2', ['项目产出', '产出数量']],
    ]);
  });
});

describe('how an assessor checks', () => {
  it('a method column of checks ending in a full stop (查阅相关资料。, 核对数据。) is the evidence', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['工作内容', '工作要求', '考核方法', '评分标准'],
      ['组织领导', '有工作领导小组和项目负责人。', '查阅相关文件、资料。', '无领导小组的扣2分。'],
      ['年度计划', '有年度工作计划和年度总结。', '查阅相关资料。', '无年度计划的扣3分。'],
      ['项目公示', '在门诊大厅公示服务项目。', '现场实地查看。', '未公示的扣2分。'],
      ['信息报告', '按要求上报工作月报表。', '核对数据。', '每迟报一次扣0.5分。'],
    ]);
    expect(roles(grid)[0]?.C).toBe('evidence');
  });
});

describe('lines above the header that are not its title', () => {
  it('a numbered list of attachments (1.2022年度…) and an attachment reference (attachment 1 to item 172) name no table', () => {
    const list = gridFromMatrix('Sheet1', [
      ['附件: 1.2022年度省政府民生实事项目完成情况'],
      ['2.2022年度温州市级民生实事项目完成情况'],
      ['序号', '项目内容', '年度完成情况', '责任单位'],
      ['1', '新增2个乡镇建有托育机构', '完成新增2个乡镇托育机构。', '市卫健局'],
      ['2', '新增托位1140个', '新增托位1155个。', '市卫健局'],
    ]);
    expect(read(list)[0]?.titleRows).toEqual([]);
    const filed = gridFromMatrix('Progress', [
      ['attachment 1 to item 172'],
      ['Delivery Program 2013-2017'],
      ['Action', 'Output Measure', 'Status', 'Annual Comments'],
      ['Work with event organisers', 'Number of events', 'Achieved', 'Assistance was provided to the festival'],
      ['Implement the heritage trail', 'Trail in place', 'Partially completed', 'Concept presented to council'],
    ]);
    expect(read(filed)[0]?.titleRows).not.toContain(1);
  });
});

describe('two assessors side by side', () => {
  it('a self-assessed score and the assessor\'s score, each named for who gives it, are both scores', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['项目', '考核指标', '计分办法', '自\n评\n分', '考\n核\n分'],
      ['组织机构建设(40)', '1、建立学校安全工作领导小组(10)', '每缺一项扣10分', null, null],
      [null, '2、领导小组下设各分支工作机构(10)', '不完善酌情扣分', null, null],
      ['制度建设(30)', '3、建立安全工作责任制(15)', '每缺一项扣5分', null, null],
      [null, '4、制定应急预案并演练(15)', '未演练扣5分', null, null],
    ], ['A2:A3', 'A4:A5'].map(parseRange));
    expect(roles(grid)[0]).toMatchObject({ B: 'task', D: 'score', E: 'score' });
  });
});

describe('a numbered data row is no header', () => {
  it('an item row whose texts carry header words (领导, 扣分) is read as data when it opens with its number', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['项目', '考核指标', '计分办法'],
      ['组织机构建设', '1、建立学校安全工作领导小组', '每缺一项扣10分'],
      [null, '2、领导小组下设各分支工作机构', '不完善酌情扣分'],
      [null, '3、安全重点部位有明确责任人员', '每缺一项扣5分'],
    ], ['A2:A4'].map(parseRange));
    expect(read(grid).map((t) => [t.range, t.headerRows])).toEqual([['A1:C4', [1]]]);
  });
});

describe('an English header that explains itself after a colon', () => {
  it('the words before the colon name the column (Corrective Action: Taken or Planned)', () => {
    const grid = gridFromMatrix('Appendix', [
      ['Rec. No.', 'Corrective Action: Taken or Planned', 'Expected Completion Date', 'Open or Closed'],
      ['1', 'The division will review the contract management procedures with the legal office.', 'April 30, 2012', 'Open'],
      ['2', 'The division will evaluate the training of staff in coordination with the unit.', 'July 31, 2012', 'Open'],
      ['3', 'The division will issue guidance to staff on the oversight of contractors.', 'July 31, 2012', 'Closed'],
    ]);
    expect(roles(grid)[0]).toMatchObject({ A: 'seq', B: 'task', C: 'deadline', D: 'status' });
  });
});

describe('a heading that reads like a title, inside the body', () => {
  it('a merged line naming a plan (DP-02 … Master Plans) between items heads the items under it', () => {
    const grid = gridFromMatrix('Progress', [
      ['Strategy and Action', 'Output Measure', 'Status', 'Progress/Comments'],
      ['DP-01 Prepare strategies for town centres and villages', null, null, null],
      ['OP1-1.1 Prepare promotional strategies for the town centres', 'Strategies prepared', 'Commenced', 'Investigations commenced.'],
      ['DP-02 Prepare and commence the Windsor and Richmond Master Plans', null, null, null],
      ['OP1-2.1 Finalise the review of the draft Windsor Master Plan', 'Plan reported to Council', 'Postponed', 'Deferred until the Richmond plan.'],
      ['OP1-2.2 Commence the preparation of a Richmond Master Plan', 'Project brief prepared', 'Scheduled', 'Scheduled for early 2014.'],
    ], ['A2:D2', 'A4:D4'].map(parseRange));
    expect(read(grid)[0]?.tasks.map((t) => [t.rows, t.category])).toEqual([
      [[3, 3], ['Prepare strategies for town centres and villages']],
      [[5, 5], ['Prepare and commence the Windsor and Richmond Master Plans']],
      [[6, 6], ['Prepare and commence the Windsor and Richmond Master Plans']],
    ]);
  });
});

describe('a category with nothing under it', () => {
  it('a second-level indicator written alone on the last row (经济效益指标) is no node of the indicator above', () => {
    const grid = gridFromMatrix('自评表', [
      ['一级指标', '二级指标', '三级指标', '年度指标值', '分值', '得分'],
      ['效益指标(30分)', '社会效益指标', '对维护市场公平的影响程度', '效果明显', 10, 10],
      [null, '生态效益指标', '对控制项目成本影响程度', '效果明显', 10, 10],
      [null, '可持续影响指标', '对推动制度健全的持续性影响', '效果明显', 10, 10],
      [null, '经济效益指标', null, null, null, null],
    ], ['A2:A5'].map(parseRange));
    expect(read(grid)[0]?.tasks.map((t) => [t.rows, t.nodes.length])).toEqual([
      [[2, 2], 1],
      [[3, 3], 1],
      [[4, 4], 1],
    ]);
  });
});

describe('rows that are parts, headings and placeholders of a 自评表', () => {
  it('其中 rows are parts of the indicator above; a category alone heads the rows below; …… lists nothing', () => {
    const grid = gridFromMatrix('自评表', [
      ['一级指标', '二级指标', '三级指标', '分值', '年度指标值', '全年实际值', '得分'],
      ['产出指标(50分)', '数量指标', '★补助瓜果蔬菜种植面积', 20, '29.5亩', '29.5亩', 20],
      [null, null, '其中桃树种植面积', null, '1.5亩', '1.5亩', null],
      [null, null, '其中露天蔬菜', null, '20亩', '20亩', null],
      [null, null, '★补助鱼塘面积', 10, '3亩', '3亩', 10],
      [null, '质量指标', null, null, null, null, null],
      [null, null, '种植作物成活率', 5, '95%', '95%', 5],
      [null, null, '……', null, null, null, null],
    ], ['A2:A8', 'B2:B5', 'B6:B8'].map(parseRange));
    expect(read(grid)[0]?.tasks.map((t) => [t.rows, t.nodes.length, t.category])).toEqual([
      [[2, 4], 3, ['产出指标', '数量指标']],
      [[5, 5], 1, ['产出指标', '数量指标']],
      [[7, 7], 1, ['产出指标', '质量指标']],
    ]);
  });
});

describe('groups told by their numbering and place', () => {
  it('a row numbered 一、 over rows numbered 1, 2, 3 is their group, its points a subtotal', () => {
    const grid = gridFromMatrix('考核细则', [
      ['序号', '考核项目', '各项分值', '评分标准'],
      ['一、', '通用考核项目（全部责任单位）', 40, null],
      ['1', '组织领导', 8, '积极配合各乡镇开展工作（8分）。'],
      ['2', '日常工作', 7, '成立工作领导小组（1分）。'],
      ['二、', '专项考核项目', 60, null],
      ['1', '河道保洁', 30, '河道无垃圾（30分）。'],
    ]);
    expect(read(grid)[0]?.tasks.map((t) => [t.seq, t.rows, t.category])).toEqual([
      ['1', [3, 3], ['通用考核项目（全部责任单位）']],
      ['2', [4, 4], ['通用考核项目（全部责任单位）']],
      ['1', [6, 6], ['专项考核项目']],
    ]);
  });

  it('a column named as a category right of the items, one value of its own per item, groups nothing', () => {
    const grid = gridFromMatrix('考核细则', [
      ['序号', '考核项目', '各项分值', '考核内容', '评分标准'],
      ['1', '组织领导', 8, '组织领导', '积极配合各乡镇开展工作（8分）。'],
      ['2', '日常工作', 7, '调整领导小组，上报责任人及联系人员', '成立工作领导小组（1分）。'],
      ['3', '宣传工作', 10, '河长制工作宣传', '开展相关工作的宣传（10分）。'],
      ['4', '支持配合', 5, '协同配合工作', '配合调配抽调人员（5分）。'],
    ]);
    expect(String(roles(grid)[0]?.D)).not.toMatch(/^category/);
    expect(read(grid)[0]?.tasks.every((t) => t.category.length === 0)).toBe(true);
  });
});

describe('a schedule for the next period beside the progress of this one', () => {
  const grid = (next: string) =>
    gridFromMatrix('10-12月', [
      ['序号', '重点工作任务', '牵头责任单位', '2023年10-12月份进展情况', next, '备注'],
      ['81', '加强医疗资源建设，最大程度保护人民生命安全', '县卫健委', '加强基层医疗卫生机构传染病物资配备', '加强重点场所重点人群防治，落实医疗救治资源保障', null],
      ['85', '新增托育机构2所以上', '县卫健委', '完成托幼中心备案工作', '开展2024年度新增托位机构摸底、登记等工作', null],
      ['86', '推进家庭医生签约服务', '县卫健委', '签约率达到45%', '开展签约服务质量评估', null],
    ]);
  it('is the plan when its header names the period after the one reported (December runs into January)', () => {
    expect(roles(grid('2024年1-3月份进度安排'))[0]).toMatchObject({ D: 'progress', E: 'plan' });
  });
  it('is not, when it names the same period', () => {
    expect(roles(grid('10-12月份进度安排'))[0]?.E).not.toBe('plan');
  });
});

describe('milestones under item headings', () => {
  it('a column of a few repeated values right of the milestones describes each, it groups nothing', () => {
    const grid = gridFromMatrix('Actions', [
      ['2021 Action Plan'],
      ['Action 7: Artificial Intelligence and Automation'],
      ['Milestone', 'Measurement', 'Reporting Mechanism', 'Target Date', 'Responsible Party'],
      ['7.1 Make the assessment tool available to agencies', 'Completion', 'CIO Council web page', 'December 31, 2021', 'CIO Council'],
      ['7.2 Prepare an inventory of use cases', 'Completion', 'Progress Reporting Tool', 'December 31, 2021', 'CIO Council'],
      ['7.3 Coordinate the sharing of use cases', 'Completion', 'Progress Reporting Tool', 'December 31, 2021', 'CDO Council'],
      ['Action 8: Government-Wide Dashboards'],
      ['Milestone', 'Measurement', 'Reporting Mechanism', 'Target Date', 'Responsible Party'],
      ['8.1 Demonstrate a dashboard prototype', 'Demonstration', 'Progress Reporting Tool', 'December 31, 2021', 'CDO Council'],
      ['8.2 Document recommendations for dashboards', 'Completion', 'Progress Reporting Tool', 'December 31, 2021', 'CDO Council'],
    ], ['A1:E1', 'A2:E2', 'A7:E7'].map(parseRange));
    const t = read(grid)[0];
    expect(String(roles(grid)[0]?.C)).not.toMatch(/^category/);
    expect(t?.tasks.map((x) => [x.rows, x.nodes.length, x.category])).toEqual([
      [[4, 6], 3, []],
      [[9, 10], 2, []],
    ]);
  });
});

describe('a 考评表 closed by a total to fill in', () => {
  it('`综合得分：  分` is the form\'s last row, inside its range; `（23分+10分）` is a declared total, not the category\'s name', () => {
    const grid = gridFromMatrix('考评表', [
      ['工作内容', '工作要求', '考核方法', '评分标准', '得分'],
      ['信息报告（23分+10分）', '按要求定期上报工作情况月报表。（6分）', '核查报表。', '每迟报一次扣0.5分。', null],
      [null, '收集到协管信息线索后及时报告。（5分）', '核查报表和相关台帐。', '迟报一次扣2分。', null],
      ['其他任务（4分）', '参与创建卫生镇（村）。（2分）', '查阅台帐资料。', '未参与的扣2分。', null],
      [null, '完成交付的其他协管任务。（2分）', '查阅台帐资料。', '酌情奖分。', null],
      ['综合得分：        分，其中奖励       分'],
      ['注：1.本考核表设应得分为100分。'],
    ], ['A2:A3', 'A4:A5', 'A6:E6'].map(parseRange));
    const t = read(grid)[0];
    expect(t?.range).toBe('A1:E6');
    expect(t?.tasks.map((x) => [x.rows, x.category])).toEqual([
      [[2, 2], ['信息报告']],
      [[3, 3], ['信息报告']],
      [[4, 4], ['其他任务']],
      [[5, 5], ['其他任务']],
    ]);
  });
});

describe('who leads, told by the partners', () => {
  it('a Lead column of acronyms that also stand among the partners names units: the lead unit, not an owner', () => {
    const grid = gridFromMatrix('Action Plan', [
      ['Action', null, 'Lead', 'Partners', 'Timeframe'],
      ['2.5.3', 'Ensure that the guide for inclusive community engagement is applied across the city', 'LCDC', 'CCC, Community Associations, Cork City PPN', 'Ongoing'],
      ['2.5.4', 'Deliver on the development of a language plan for the city', 'CCC', 'CCC Gael Taca, Foras na Gaeilge', '24-25'],
      ['2.5.5', 'Implement the social inclusion and participation programme in libraries', 'CCC', 'Cork City Libraries', 'Ongoing'],
    ], ['A1:B1'].map(parseRange));
    expect(roles(grid)[0]).toMatchObject({ C: 'lead', D: 'partner' });
  });
});

describe('a number merged over several rows', () => {
  it('numbers one item, its rows the parts, when no text names a group beside it and no finer number stands under it', () => {
    const grid = gridFromMatrix('1-11月', [
      ['序号', '考核指标', '单位', '工作目标', '已完成数', '占年任务之比'],
      ['1', '城镇新增就业', '万人', '5.2', '7.23', '139.1%'],
      ['2', '自然村通水泥(沥青)路', '公里', '1360', '1361.92', '100.1%'],
      [null, '提质改造农村公路', '公里', '168', '171.70', '102.2%'],
      ['3', '新增农村通自来水人口', '万人', '4.52', '5.52', '122.0%'],
      ['4', '农村适龄妇女“两癌”免费检查', '人', '93215', '106345', '114.1%'],
      [null, '孕产妇免费产前筛查', '万人', '3.31', '3.49', '105.3%'],
    ], ['A3:A4', 'A6:A7'].map(parseRange));
    expect(roles(grid)[0]?.A).toBe('seq');
    expect(read(grid)[0]?.tasks.map((t) => [t.seq, t.rows, t.nodes.length])).toEqual([
      ['1', [2, 2], 1],
      ['2', [3, 4], 2],
      ['3', [5, 5], 1],
      ['4', [6, 7], 2],
    ]);
  });
});

describe('a pledge progress report', () => {
  const grid = () =>
    gridFromMatrix('房屋局', [
      ['在過往一年，我們致力落實 75 項承諾，在這些承諾中：'],
      ['年份', '承諾', null, '目前情況'],
      ['已完成的項目'],
      ['1996', '1.', '在 1996 年年底前，完成清拆在 1984 年以前建成的臨時房屋區。', '已清拆所有 14 個在 1984 年前建成的臨時房屋區。'],
      ['1996', '2.', '在 1996 至 97 年度完結前，設立房屋事務詢問處。', '已設立 5 個房屋事務詢問處。'],
      ['1996', '3.', '由 1997 年 4 月起，規定經濟條件較佳的公屋住戶繳交市值租金。', '所有入息超過指定限額的住戶已繳交市值租金。'],
    ], ['B2:C2'].map(parseRange));
  it('目前情況 (the present position) is the progress', () => {
    expect(roles(grid())[0]?.D).toBe('progress');
  });
  it('no plan year from the years the pledges name in their text', () => {
    expect(read(grid())[0]?.year).toBeNull();
  });
  it('a bare Year column (when the pledge was made) is no deadline; a line ending in a colon is no title', () => {
    expect(roles(grid())[0]?.A).toBeNull();
    expect(read(grid())[0]?.titleRows).toEqual([]);
  });
});

describe('a 民生实事 progress sheet', () => {
  it('取得成效 of a period is progress; a supervision hotline (监督电话) is no owner', () => {
    const grid = gridFromMatrix('1-9月', [
      ['类别', '民生事项名称', '2022年度任务目标', '责任单位', '1-9月份工作完成情况', '1-9月份工作取得成效', '监督电话'],
      ['四、教育文化', '14.改扩建泉山学校', '完成泉山学校一期2座教学楼建设', '教育体育局', '泉山学校：完成主体建筑结构施工、平板浇筑，其中1号教学楼完成墙板安装，开始装饰装修', '项目正在加速推进施工进度', '监督电话0535-8246306'],
      [null, '15.推进学校塑胶运动场地建设', '完成13处农村学校塑胶运动场地建设', '教育体育局', '罗峰学校：9月份开始施工，完成基础施工30%；农村学校塑胶运动场地完成基础施工', '正在全力推进基础施工', '监督电话0535-8246306'],
      [null, '16.推进义务教育课后服务', '对全市34所义务教育学校实行课后服务全覆盖', '教育体育局', '2022年9月23日对全市义务教育学校课后服务课程超市开设情况进行调度，督促学校落实', '参与课后服务的学生32402人', '监督电话0535-8246336'],
    ], ['A2:A4'].map(parseRange));
    expect(roles(grid)[0]).toMatchObject({ D: 'owner', E: 'progress', F: 'progress', G: null });
  });
});

describe('targets of this year and the next', () => {
  it('Targets for 2013 beside Targets for 2012 and their achievements is the plan; Complied is a status', () => {
    const grid = gridFromMatrix('Objectives and Targets', [
      ['Long Term Objectives', 'Targets for 2012', 'Achievements', 'Target Compliances', 'Targets for 2013'],
      ['Reduce water consumption', 'All water taps in new projects shall be of the water saving type', 'All water taps in the 11 new projects are of the water saving type', 'Complied', '2012 targets to be maintained in 2013'],
      [null, 'In not less than 80% of new projects, either rain water or grey water shall be recycled', '92.9% (13 out of 14) of the projects complied', 'Complied', '2012 targets to be maintained in 2013'],
      ['Reduce energy consumption', 'To achieve an OTTV standard of less than 23 W/m2 in new projects', '100% (5 out of 5 projects) of all new projects achieved the standard', 'Complied', '2012 targets to be maintained in 2013'],
      [null, 'To install energy efficient lighting in all new projects', 'Energy efficient lighting was installed in all 14 new projects', 'Not complied', 'To install LED lighting in all new projects'],
    ], ['A2:A3', 'A4:A5'].map(parseRange));
    expect(roles(grid)[0]).toMatchObject({ B: 'task', C: 'progress', D: 'status', E: 'plan' });
  });
});

describe('a band between the title and the header', () => {
  const sheet = (band: string, above: string[] = ['2023年市政府工作报告重点工作半年度完成情况汇总表']) =>
    gridFromMatrix('半年度', [
      ...above.map((t) => [t]),
      [band],
      ['序号', '目标任务', '推进情况'],
      ['1', '实施为民办实事长效机制，确保新增财力的三分之二以上用于民生', '《关于健全为民办实事长效机制的实施意见》已经市政府常务会议审议通过'],
      ['2', '深化医药卫生体制改革，推进紧密型县域医共体建设', '已组建县域医共体3个，签约服务覆盖全部乡镇'],
    ]);
  it('a short label under the title names the group of the items below it', () => {
    const t = read(sheet('洪湖鹏市长主抓重点工作'))[0];
    expect(t?.tasks.map((x) => x.category)).toEqual([['洪湖鹏市长主抓重点工作'], ['洪湖鹏市长主抓重点工作']]);
    expect(t?.titleRows).toEqual([1]);
  });
  it('not when it repeats the header\'s words, names a document, or has no title above it', () => {
    expect(read(sheet('目标任务'))[0]?.tasks.every((x) => x.category.length === 0)).toBe(true);
    expect(read(sheet('Risk Assessment'))[0]?.tasks.every((x) => x.category.length === 0)).toBe(true);
    expect(read(sheet('On Environmental Issues', ['To continually improve our sustainability performances, we have established objectives and targets. Details of our achievements in 2012 are tabulated below.']))[0]?.tasks.every((x) => x.category.length === 0)).toBe(true);
  });
});

describe('a Status column of another kind', () => {
  it('New / Continued / Revised say whether a goal is carried over, not how far it got', () => {
    const grid = gridFromMatrix('Attachment 1', [
      ['Ref#', 'Status', 'Priority Level and Project Name', 'Page'],
      ['1', 'Continued', 'Development of Parking Lots 2 and 5', '7'],
      ['2', 'New', 'Martin Luther King Recommendations Implementation', '8'],
      ['3', 'Continued', 'Additional Neighborhood Conservation Districts', '9'],
      ['4', 'New', 'Community Goals and Process for the School Site', '9'],
      ['5', 'Revised', 'Transit Master Plan, including a policy for routes', '10'],
      ['6', 'Continued', 'Clean Water Actions', '11'],
    ]);
    expect(roles(grid)[0]?.B).toBeNull();
  });
  it('a header that names the states itself keeps them (Proposed to Open/ Close: O, Proposed for Closure)', () => {
    const grid = gridFromMatrix('Tracker', [
      ['Ref', 'Action', 'Lead', 'Due Date', 'Proposed to Open/ Close'],
      ['85.6', 'NED-WT to work with the DoN to share the local learning', 'NED-WT/DoN', '10.05.2023', 'O'],
      ['90.13', 'Report the timeline for the next phase of the programme', 'DoCAP', '10.05.2023', 'Proposed for Closure'],
      ['92.5', 'Request that consideration be given to the leadership programme', 'DoSCE', '10.05.2023', 'Proposed for Closure'],
      ['68.4', 'Key strategic contracts to be identified and reviewed', 'DoF', '10.05.2023', 'O'],
    ]);
    expect(roles(grid)[0]?.E).toBe('status');
  });
});

describe('the right edge drawn by section lines', () => {
  it('sections merged across three columns over a two-column header make the third blank column the table\'s', () => {
    const grid = gridFromMatrix('完成目標', [
      ['2019-20年度環保事務目標', '成果', null],
      ['發展智能科技、完善運作、引入創新技術以提升成效和效率', null, null],
      ['自2019-20年起，三年內採用三項嶄新的可持續發展技術', '我們已應用無人駕駛飛機及三維激光掃描進行狀況調查', null],
      ['展開三項研發完善運作及創新技術的項目', '達標。我們已展開三項研發項目', null],
      ['藉提高能源效益、使用可再生能源、減少二氧化碳排放', null, null],
      ['進行七次監察碳審計', '達標。我們已進行了七次監察碳審計。', null],
    ], ['A2:C2', 'A5:C5'].map(parseRange));
    expect(read(grid)[0]?.range).toBe('A1:C6');
  });
});

describe('a heading in the task column beside the cells that open its group', () => {
  it('Go Karting, on the row where the portfolio and its lead are merged down, heads the numbered actions under it', () => {
    const grid = gridFromMatrix('Portfolio Action Plan', [
      ['Portfolio', 'Who', 'Actions', null, 'Year to Action'],
      ['Gliding & Karting', 'Margaret', null, 'Go Karting', null],
      [null, null, '1', 'Noise monitoring of every karting day by the parish', 'On-going'],
      [null, null, '2', 'Notify the Kart club of any trailers parked on the verges', 'On-going'],
      [null, null, '3', 'Present noise monitoring data to the Environment Agency', 'On-going'],
    ], ['C1:D1', 'A2:A5', 'B2:B5'].map(parseRange));
    expect(read(grid)[0]?.tasks.map((t) => [t.seq, t.category])).toEqual([
      ['1', ['Gliding & Karting', 'Go Karting']],
      ['2', ['Gliding & Karting', 'Go Karting']],
      ['3', ['Gliding & Karting', 'Go Karting']],
    ]);
  });
  it('a bare number in brackets after a group of a points form is its total, not its name', () => {
    const grid = gridFromMatrix('安全工作评估', [
      ['项目', '考核指标', '考核方式', '计分办法'],
      ['组织\n机构\n建设\n(40)', '1、建立学校安全工作领导小组(10)', '查看材料', '每缺一项扣10分'],
      [null, '2、领导小组下设各分支工作机构(10)', '查看材料', '不完善酌情扣分'],
      [null, '3、安全重点部位有明确责任人员(20)', '查看材料', '每缺一项扣5分'],
    ], ['A2:A4'].map(parseRange));
    expect(read(grid)[0]?.tasks.map((t) => t.category)).toEqual([['组织机构建设'], ['组织机构建设'], ['组织机构建设']]);
  });
});

describe('groups known by their numbers', () => {
  it('a numbered band (1.0 Promote Accessibility) and a number merged over finer numbers (1.1 over 1.1.1) are the items\' groups', () => {
    const grid = gridFromMatrix('Actions & Measures', [
      ['Disability Action Plan 2023-2027 - Actions and Measures'],
      ['1.0 Promote Accessibility'],
      [null, null, 'Action Measure', 'Timeframe', 'Responsibility'],
      ['1.1', '1.1.1', 'Ensure sufficient notice of a change in bin collections', '2023-2027', 'Neighbourhood Services'],
      [null, '1.1.2', 'Promote the availability of information leaflets', '2023-2027', 'Neighbourhood Services'],
      [null, '1.1.3', 'Commit to standardising the policy on extra bins', '2024-2025', 'Neighbourhood Services'],
      ['1.2', '1.2.1', 'Promote the reporting and noise app', '2023-2027', 'Environmental Health Manager'],
      [null, '1.2.2', 'Provide How To sessions on operating the app', '2023-2024', 'Environmental Health Manager'],
    ], ['A4:A6', 'A7:A8'].map(parseRange));
    const t = read(grid)[0];
    expect(roles(grid)[0]).toMatchObject({ A: 'category:1', B: 'seq', C: 'task' });
    expect(t?.tasks.map((x) => [x.seq, x.category])).toEqual([
      ['1.1.1', ['Promote Accessibility', '1.1']],
      ['1.1.2', ['Promote Accessibility', '1.1']],
      ['1.1.3', ['Promote Accessibility', '1.1']],
      ['1.2.1', ['Promote Accessibility', '1.2']],
      ['1.2.2', ['Promote Accessibility', '1.2']],
    ]);
  });
});

describe('two values of an indicator', () => {
  it('beside the column named the target, the value column right of it is the value reached', () => {
    const grid = gridFromMatrix('绩效评价表', [
      ['二级指标', '三级指标', '计量单位', '目标值(标准)', '分值', '指标值'],
      ['预算管理', '预算执行进度(7月)', '%', '40%', 7, '42%'],
      [null, '预算执行进度（11月）', '%', '80.21%', 8, '81%'],
      [null, '预算调整次数', '次', '0', 5, '0'],
      [null, '结转结余资金率', '%', '0%', 25, '0%'],
    ], ['A2:A5'].map(parseRange));
    expect(roles(grid)[0]).toMatchObject({ B: 'task', D: 'goal', E: 'weight', F: 'progress' });
  });
});
