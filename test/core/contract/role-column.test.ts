import { roleColumn } from '../../../src/core/contract';

const columns = [
  { column: 'A', header: '項目', role: 'task' as const, confidence: 0.9, why: '' },
  { column: 'C', header: '學校自評 / 評分', role: 'score' as const, confidence: 0.8, why: '' },
  { column: 'E', header: '考核委員評鑑 / 評分', role: 'score' as const, confidence: 0.8, why: '' },
  { column: 'F', header: '備註', role: 'remark' as const, confidence: 0.8, why: '' },
];

describe('roleColumn', () => {
  it("takes the assessor's score, the rightmost, when an item is scored twice", () => {
    expect(roleColumn({ columns }, 'score')?.column).toBe('E');
  });
  it('takes the one column of any other role, and nothing for a role the table lacks', () => {
    expect(roleColumn({ columns }, 'task')?.column).toBe('A');
    expect(roleColumn({ columns }, 'weight')).toBeUndefined();
  });
});
