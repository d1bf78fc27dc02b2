import { columnOverrides, MappingSchema, normalRange, rangedTables } from '../../../src/core/settings/mapping';
import { parseStoredSettings } from '../../../src/core/settings/stored';

describe('the mapping schema', () => {
  it('reads a mapping written before ranges existed, as it read then', () => {
    // Kept by the pane of an earlier version: column roles only, no range.
    const old = '{"version":1,"mapping":{"version":1,"tables":[{"sheet":"Sheet1","table":2,"columns":{"e":"owner","F":null,"A":{"role":"category","level":2}},"year":2019}]},"fixes":[]}';
    const kept = parseStoredSettings([old]);
    expect(kept?.mapping).toEqual({
      version: 1,
      tables: [{ sheet: 'Sheet1', table: 2, columns: { e: 'owner', F: null, A: { role: 'category', level: 2 } }, year: 2019 }],
    });
    expect([...columnOverrides(kept?.mapping, 'Sheet1', 2)]).toEqual([
      ['E', { role: 'owner' }],
      ['F', { role: null }],
      ['A', { role: 'category', level: 2 }],
    ]);
    expect(rangedTables(kept?.mapping, 'Sheet1')).toEqual([]);
  });

  it('takes a range with or without header rows, and columns may be left out', () => {
    const m = MappingSchema.parse({ tables: [{ sheet: 'S', range: '$b$3:h40', headerRows: [3, 4] }, { sheet: 'S', range: 'J3:K9' }] });
    expect(m.tables).toEqual([
      { sheet: 'S', table: 1, columns: {}, range: '$b$3:h40', headerRows: [3, 4] },
      { sheet: 'S', table: 1, columns: {}, range: 'J3:K9' },
    ]);
    // A ranged table is named by its range: its columns are not another table's at position 1.
    expect(columnOverrides(m, 'S', 1).size).toBe(0);
    expect(normalRange('$b$3:h40')).toBe('B3:H40');
    expect(normalRange('H40:B3')).toBe('B3:H40');
  });

  it.each([
    [{ sheet: 'S', headerRows: [3] }, 'tables.0.headerRows', 'header rows are given with the range of their table'],
    [{ sheet: 'S', range: 'B3:H40', headerRows: [2] }, 'tables.0.headerRows.0', 'row 2 is outside the range B3:H40'],
    [{ sheet: 'S', range: 'B3:H40', headerRows: [3, 5] }, 'tables.0.headerRows.1', 'header rows follow one another (3, 4)'],
    [{ sheet: 'S', range: 'B3-H40' }, 'tables.0.range', 'a range such as B3:H40'],
    [{ sheet: 'S', range: 'B3:H40', headerRows: [] }, 'tables.0.headerRows', 'at least one header row'],
  ])('refuses %j, naming where: %s', (table, path, message) => {
    const r = MappingSchema.safeParse({ version: 1, tables: [table] });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([[path, message]]);
  });
});
