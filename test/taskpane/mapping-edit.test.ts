import type { StoredSettings } from '../../src/core/settings/stored';
import { headerChoices } from '../../src/taskpane/TableCard';
import { AUTO, overriddenColumns, withColumnRole, withHeaderRows, withoutTableRange, withTableRange } from '../../src/taskpane/mapping-edit';

const settings = (tables: NonNullable<StoredSettings['mapping']>['tables'], rest: Partial<StoredSettings> = {}): StoredSettings => ({
  version: 1,
  fixes: [],
  ...rest,
  mapping: { version: 1, tables },
});

describe('a column back to automatic', () => {
  it('takes the column’s choice away and keeps the others', () => {
    const kept = settings([{ sheet: 'S', table: 1, columns: { e: 'owner', G: null } }]);
    expect(withColumnRole(kept, { sheet: 'S', table: 1, column: 'E', role: AUTO }).mapping?.tables).toEqual([{ sheet: 'S', table: 1, columns: { G: null } }]);
  });

  it('drops the table’s entry, and the mapping, when nothing is left; the policy stays', () => {
    const kept = settings([{ sheet: 'S', table: 1, columns: { G: null } }], { lang: 'en-US' });
    expect(withColumnRole(kept, { sheet: 'S', table: 1, column: 'G', role: AUTO })).toEqual({ version: 1, fixes: [], lang: 'en-US' });
  });

  it('on a table placed by range, names the table by its range and keeps the range', () => {
    const kept = settings([
      { sheet: 'S', table: 1, columns: { B: 'task' } },
      { sheet: 'S', table: 2, columns: { B: 'seq' }, range: 'A10:D20' },
    ]);
    const ref = { sheet: 'S', table: 2, range: 'A10:D20' };
    expect([...overriddenColumns(kept.mapping, ref)]).toEqual(['B']);
    expect(withColumnRole(kept, { ...ref, column: 'B', role: AUTO }).mapping?.tables).toEqual([
      { sheet: 'S', table: 1, columns: { B: 'task' } },
      { sheet: 'S', table: 2, columns: {}, range: 'A10:D20' },
    ]);
    expect(withColumnRole(kept, { ...ref, column: 'c', role: 'owner' }).mapping?.tables[1]).toEqual({ sheet: 'S', table: 2, columns: { B: 'seq', C: 'owner' }, range: 'A10:D20' });
  });
});

describe('the selection as the table', () => {
  const current = [
    { index: 1, range: 'A2:J20', placed: false },
    { index: 2, range: 'A30:J40', placed: false },
  ];

  it('replaces the table it overlaps, carrying its column choices inside the range and its year', () => {
    const kept = settings([
      { sheet: 'S', table: 1, columns: { B: 'task', K: 'remark' }, year: 2019 },
      { sheet: 'S', table: 2, columns: { C: 'owner' } },
      { sheet: 'T', table: 1, columns: { A: 'seq' } },
    ]);
    expect(withTableRange(kept, { sheet: 'S', range: 'a2:j25', current }).mapping?.tables).toEqual([
      { sheet: 'S', table: 2, columns: { C: 'owner' } },
      { sheet: 'T', table: 1, columns: { A: 'seq' } },
      { sheet: 'S', table: 1, columns: { B: 'task' }, range: 'A2:J25', year: 2019 },
    ]);
  });

  it('renumbers the tables below a new one, so their choices stay on them', () => {
    const kept = settings([{ sheet: 'S', table: 2, columns: { C: 'owner' } }]);
    expect(withTableRange(kept, { sheet: 'S', range: 'A24:C27', current }).mapping?.tables).toEqual([
      { sheet: 'S', table: 3, columns: { C: 'owner' } },
      { sheet: 'S', table: 2, columns: {}, range: 'A24:C27' },
    ]);
  });

  it('replaces a range placed before that it overlaps', () => {
    const kept = settings([{ sheet: 'S', table: 1, columns: { B: 'task' }, range: 'A2:J20' }]);
    const placed = [{ index: 1, range: 'A2:J20', placed: true }];
    expect(withTableRange(kept, { sheet: 'S', range: 'A2:J22', current: placed }).mapping?.tables).toEqual([{ sheet: 'S', table: 1, columns: { B: 'task' }, range: 'A2:J22' }]);
  });
});

describe('header rows and back to automatic', () => {
  const current = [{ index: 1, range: 'A2:J56', placed: false }];

  it('on a found table, places it at its range with the header rows chosen', () => {
    expect(withHeaderRows(null, { sheet: 'S', table: 1, tableRange: 'A2:J56', current }, [2, 3]).mapping?.tables).toEqual([
      { sheet: 'S', table: 1, columns: {}, range: 'A2:J56', headerRows: [2, 3] },
    ]);
  });

  it('on a placed table, changes only its header rows', () => {
    const kept = settings([{ sheet: 'S', table: 1, columns: { B: 'task' }, range: 'A2:J30', headerRows: [2] }]);
    const ref = { sheet: 'S', table: 1, range: 'A2:J30', tableRange: 'A2:J30', current: [{ index: 1, range: 'A2:J30', placed: true }] };
    expect(withHeaderRows(kept, ref, [3]).mapping?.tables).toEqual([{ sheet: 'S', table: 1, columns: { B: 'task' }, range: 'A2:J30', headerRows: [3] }]);
  });

  it('a placed table handed back takes its range, header rows and column choices with it', () => {
    const kept = settings([
      { sheet: 'S', table: 1, columns: { B: 'task' }, range: 'A2:J30', headerRows: [2] },
      { sheet: 'S', table: 2, columns: { C: 'owner' } },
    ]);
    expect(withoutTableRange(kept, { sheet: 'S', range: 'A2:J30' }).mapping?.tables).toEqual([{ sheet: 'S', table: 2, columns: { C: 'owner' } }]);
    expect(withoutTableRange(settings([{ sheet: 'S', table: 1, columns: {}, range: 'A2:J30' }]), { sheet: 'S', range: 'A2:J30' })).toEqual({ version: 1, fixes: [] });
  });
});

describe('the header rows offered on a card', () => {
  it('start from the row above the header read now to two rows below, one to three rows, always leaving a row under them', () => {
    expect(headerChoices('A1:J56', [2])).toEqual([[1], [1, 2], [1, 2, 3], [2], [2, 3], [2, 3, 4], [3], [3, 4], [3, 4, 5]]);
    expect(headerChoices('A2:J4', [2])).toEqual([[2], [2, 3], [3]]);
  });

  it('keep the current header among them even when it is longer than three rows', () => {
    expect(headerChoices('A2:J40', [2, 3, 4, 5])[0]).toEqual([2, 3, 4, 5]);
  });
});
