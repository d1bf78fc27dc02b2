/**
 * A table the user placed by hand (a range and header rows kept in the mapping) is honoured the same
 * by both hosts: the range the user selected reads back as the selection, check reports that table,
 * apply writes for its rows only and keeps the mapping in the journal, and revert is exact.
 */
import { parseCell, parseRange } from '../../../src/core/grid';
import type { Edit } from '../../../src/core/plan';
import type { StoredSettings } from '../../../src/core/settings/stored';
import { applyWithHost, checkWithHost } from '../../../src/hosts/workflow';
import { fixture, HARNESSES } from './harness';

const TODAY = '2018-07-15';
const zh = { lang: 'zh-CN' as const, asOf: TODAY, today: TODAY };

/** The last row an edit touches on its sheet. */
function lastRow(e: Edit): number {
  if (e.kind === 'cell') return parseCell(e.cell).row;
  if ('range' in e && typeof e.range === 'string') return Math.max(...e.range.split(/[ ,]+/).filter(Boolean).map((r) => parseRange(r).bottom));
  return 0;
}

describe.each(HARNESSES)('$name host', (harness) => {
  it('reads back the range the user selected, as the pane will take it', async () => {
    const s = harness.open(await fixture('seeds/seed-000.xlsx'), 'seed-000.xlsx');
    await s.host.select('Sheet1!A2:J30');
    expect(await s.host.selectedRange()).toEqual({ sheet: 'Sheet1', range: 'A2:J30' });
    await s.host.select("'Sheet1'!$c$7");
    expect(await s.host.selectedRange()).toEqual({ sheet: 'Sheet1', range: 'C7' });
  });

  it('checks, applies and reverts a table set by range and header rows', async () => {
    const s = harness.open(await fixture('seeds/seed-000.xlsx'), 'seed-000.xlsx');
    const before = await s.exact();
    // Without the mapping: the whole table, with the impossible dates of rows 42 and 43.
    const auto = await checkWithHost(s.host, zh);
    expect(auto.report.sheets[0]!.tables.map((t) => t.range)).toEqual(['A2:J56']);
    expect(auto.report.findings.filter((f) => f.rule === 'date.invalid').map((f) => f.cell)).toEqual(['Sheet1!G42', 'Sheet1!G43']);

    const settings: StoredSettings = {
      version: 1,
      mapping: { version: 1, tables: [{ sheet: 'Sheet1', table: 1, range: 'A2:J30', headerRows: [2], columns: { J: 'remark' } }] },
      fixes: [],
    };
    await s.host.saveSettings(settings);
    expect(await s.host.loadSettings()).toEqual(settings);

    const checked = await checkWithHost(s.host, zh);
    const table = checked.report.sheets[0]!.tables[0]!;
    expect(checked.report.sheets[0]!.tables).toHaveLength(1);
    expect(table).toMatchObject({ range: 'A2:J30', headerRows: [2], rangeFrom: 'settings' });
    expect(table.columns.find((c) => c.column === 'J')).toMatchObject({ role: 'remark', confidence: 1 });
    expect(checked.report.findings.filter((f) => f.rule === 'date.invalid')).toEqual([]);

    const { plan, journal } = await applyWithHost(s.host, zh);
    expect(journal.settings?.mapping).toEqual(settings.mapping);
    const onTable = plan.edits.filter((e) => 'sheet' in e && e.sheet === 'Sheet1');
    expect(onTable.length).toBeGreaterThan(10);
    // Nothing written for the rows below the table the user drew.
    expect(Math.max(...onTable.map(lastRow))).toBe(30);
    expect(await s.host.read()).toEqual(await (async () => {
      const fresh = harness.open(await fixture('seeds/seed-000.xlsx'), 'seed-000.xlsx');
      return fresh.host.read();
    })());
    expect(await s.host.revert()).toEqual({ skipped: [] });
    // The settings stay the user's; taking them out leaves the workbook as it was.
    expect(await s.host.loadSettings()).toEqual(settings);
    await s.host.saveSettings({ version: 1, fixes: [] });
    expect(await s.exact()).toEqual(before);
  });
});
