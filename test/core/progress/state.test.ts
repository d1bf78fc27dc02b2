import { parseDeadlineText } from '../../../src/core/dates';
import { dueDate, nodeState, readStatus } from '../../../src/core/progress';
import { toReportDeadline } from '../../../src/core/check/deadlines';

const dl = (text: string, year: number | null = 2018) => toReportDeadline(parseDeadlineText(text, { year }), text, 'Sheet1!G3');
const AS_OF = '2018-07-15';

describe('status words', () => {
  it.each([
    ['已完成', 'done'], ['完成', 'done'], ['√', 'done'], ['100%', 'done'], ['Done', 'done'], ['是', 'done'],
    ['进行中', 'in_progress'], ['顺利推进', 'in_progress'], ['60%', 'in_progress'],
    ['未开始', 'not_started'], ['0%', 'not_started'],
    ['滞后', 'delayed'], ['已延期', 'delayed'], ['未完成', 'delayed'],
    ['已完成，报告已报送', 'done'], ['见附件', 'unknown'],
    // The words of the issue, in both languages, RAG included.
    ['Red', 'delayed'], ['Amber', 'in_progress'], ['Green', 'in_progress'], ['On track', 'in_progress'], ['Delayed', 'delayed'],
    ['Ongoing', 'in_progress'], ['严重滞后', 'delayed'], ['进行中', 'in_progress'], ['已办结', 'done'], ['未完成', 'delayed'],
  ])('%s → %s', (text, kind) => expect(readStatus(text)?.kind).toBe(kind));

  it('reads a percentage as a share and an empty cell as nothing', () => {
    expect(readStatus('60%')).toEqual({ kind: 'in_progress', fraction: 0.6 });
    expect(readStatus('98.4%')).toEqual({ kind: 'in_progress', fraction: expect.closeTo(0.984, 12) });
    // Progress with its state in brackets, as progress ledgers write it.
    expect(readStatus('22%(严重滞后)')).toEqual({ kind: 'delayed', fraction: 0.22 });
    expect(readStatus('80%（顺利推进）')).toEqual({ kind: 'in_progress', fraction: 0.8 });
    expect(readStatus('100%(已办结)')).toEqual({ kind: 'done', fraction: 1 });
    expect(readStatus('40% (On track)')).toEqual({ kind: 'in_progress', fraction: 0.4 });
    expect(readStatus('')).toBeNull();
    expect(readStatus(null)).toBeNull();
  });
});

describe('node state as of a date', () => {
  it.each([
    ['2018.06.30', null, 'overdue'],
    ['2018.07.15', null, 'due_soon'],
    ['2018.07.22', null, 'due_soon'],
    ['2018.07.23', null, 'pending'],
    ['第二季度', null, 'overdue'],
    ['第三季度', null, 'pending'],
    ['下半年', null, 'pending'],
    ['2018-6-30 2018-9-31 2018-12-31', null, 'overdue'],
    ['每月', null, 'pending'],
    ['重要敏感时点', null, 'no_deadline'],
    ['2018-9-31', null, 'no_deadline'],
    ['2018.06.30', '已完成', 'done'],
    ['2018.12.31', '滞后', 'overdue'],
    ['2018.12.31', '进行中', 'pending'],
  ])('%s with status %s → %s', (text, status, state) => {
    expect(nodeState({ deadline: dl(text), status }, AS_OF)).toBe(state);
  });

  it('has no deadline when the date has no year to stand on', () => {
    expect(nodeState({ deadline: dl('3月31日前', null), status: null }, AS_OF)).toBe('no_deadline');
  });

  it('tells done late from done by the completion date', () => {
    expect(nodeState({ deadline: dl('2018.06.30'), status: '已完成', doneOn: '2018-07-02' }, AS_OF)).toBe('done_late');
    expect(nodeState({ deadline: dl('2018.06.30'), status: '已完成', doneOn: '2018-06-28' }, AS_OF)).toBe('done');
    expect(nodeState({ deadline: dl('2018.06.30'), status: null, doneOn: '2018-06-28' }, AS_OF)).toBe('done');
  });

  it('takes the due-soon window from the caller', () => {
    expect(nodeState({ deadline: dl('2018.07.30'), status: null }, AS_OF, 15)).toBe('due_soon');
    expect(nodeState({ deadline: dl('2018.07.30'), status: null }, AS_OF, 7)).toBe('pending');
  });

  it('gives recurring deadlines the end of the current period', () => {
    expect(dueDate(dl('每月'), '2018-07-15')).toBe('2018-07-31');
    expect(dueDate(dl('每季度'), '2018-07-15')).toBe('2018-09-30');
    expect(dueDate(dl('每季度第一个月'), '2018-07-15')).toBe('2018-07-31');
    expect(dueDate(dl('每季度第一个月'), '2018-08-15')).toBe('2018-10-31');
    expect(dueDate(dl('每季度第一个月'), '2018-11-15')).toBe('2019-01-31');
    expect(dueDate(dl('每半年'), '2018-07-15')).toBe('2018-12-31');
  });
});
