/**
 * The command line's two hosts (check over Grids, apply and revert over the package's bytes) share
 * one refusal of what needs a person at a screen: settings kept, fixes made, cells selected. Each
 * refuses with a ReadOnlyError naming the file and saying what the host is for; neither has a selection.
 */
import * as fs from 'fs';
import { readGridsFromBytes } from '../../../src/hosts/xlsx';
import { ReadOnlyError } from '../../../src/hosts/xlsx/command-line-host';
import { GridWorkbookHost } from '../../../src/hosts/xlsx/grid-host';
import { PackageWorkbookHost } from '../../../src/hosts/xlsx/package-host';
import type { WorkbookHost } from '../../../src/hosts/host';
import { fixturePath } from '../../support/fixtures';

const bytes = new Uint8Array(fs.readFileSync(fixturePath('seeds/seed-000.xlsx')));

const refused: Array<[string, (h: WorkbookHost) => Promise<unknown>]> = [
  ['saveSettings', (h) => h.saveSettings({ version: 1, fixes: [] })],
  ['applyFixes', (h) => h.applyFixes([{ cell: 'Sheet1!A1', value: 'x' }])],
  ['undoFixes', (h) => h.undoFixes()],
  ['select', (h) => h.select('Sheet1!A1')],
  ['selectCells', (h) => h.selectCells(['Sheet1!A1'])],
];

describe.each<[string, () => WorkbookHost, string]>([
  ['GridWorkbookHost', () => new GridWorkbookHost(readGridsFromBytes(bytes), '表.xlsx'), '表.xlsx: read-only host'],
  ['PackageWorkbookHost', () => new PackageWorkbookHost(bytes, '表.xlsx'), '表.xlsx: the package host applies and reverts plans only'],
])('%s', (_name, make, message) => {
  it.each(refused)('refuses %s, naming the file', async (_call, call) => {
    const host = make();
    await expect(call(host)).rejects.toThrow(ReadOnlyError);
    await expect(call(host)).rejects.toThrow(message);
  });

  it('has no selection, and reads the sheets of an unapplied file', async () => {
    const host = make();
    expect(await host.selectedRange()).toBeNull();
    expect(await host.isApplied()).toBe(false);
    expect((await host.read()).map((g) => g.name)).toEqual(readGridsFromBytes(bytes).map((g) => g.name));
  });
});
