/**
 * The package reader (fflate + saxes, no ExcelJS) against the ExcelJS reader it replaces: the
 * same Grid on every fixture and on generated workbooks (written by ExcelJS and by LibreOffice),
 * its reading rules on hand-written parts, and a clear error for each kind of broken package.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { generateXlsx } from '../../../bench/generate';
import { getCell, type Grid } from '../../../src/core/grid';
import { gridsFromWorkbook, PackageError, readGridsFromBuffer, readGridsFromBytes, UnreadableWorkbookError } from '../../../src/hosts/xlsx';
import { SOFFICE } from '../../support/libreoffice';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-pkg-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function viaExcelJS(buf: Buffer): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return gridsFromWorkbook(wb);
}

function fixtureFiles(): string[] {
  return ['seeds', 'layouts', 'public'].flatMap((dir) =>
    fs
      .readdirSync(path.join(FIXTURES, dir))
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => path.join(dir, f)),
  );
}

describe('package reader: the same Grid as the ExcelJS reader', () => {
  const files = fixtureFiles();

  it('finds the fixtures (seeds, layouts, public)', () => {
    expect(files.filter((f) => f.startsWith('seeds')).length).toBeGreaterThanOrEqual(5);
    expect(files.filter((f) => f.startsWith('layouts')).length).toBeGreaterThanOrEqual(4);
    expect(files.filter((f) => f.startsWith('public')).length).toBeGreaterThanOrEqual(6);
  });

  it.each(files)('%s', async (file) => {
    const buf = fs.readFileSync(path.join(FIXTURES, file));
    expect(readGridsFromBytes(buf)).toEqual(await viaExcelJS(buf));
  });

  /** Everything the Grid holds, written by ExcelJS. */
  function everything(date1904: boolean): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = date1904;
    const ws = wb.addWorksheet('全部');
    ws.getCell('A1').value = '标题 & <说明>';
    ws.mergeCells('A1:D1');
    ws.getCell('A2').value = { richText: [{ text: '责任人' }, { text: '及电话', font: { bold: true } }] };
    ws.getCell('B2').value = 0.125;
    ws.getCell('B2').numFmt = '0.0%';
    ws.getCell('C2').value = 1234567.891;
    ws.getCell('C2').numFmt = '#,##0.00';
    ws.getCell('D2').value = 2.5;
    ws.getCell('D2').numFmt = '0.0#';
    ws.getCell('A3').value = new Date(Date.UTC(2018, 2, 31));
    ws.getCell('A3').numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell('B3').value = new Date(Date.UTC(2018, 5, 30, 17, 30));
    ws.getCell('B3').numFmt = 'yyyy-mm-dd hh:mm';
    ws.getCell('C3').value = { formula: 'B2*2', result: 0.25 };
    ws.getCell('D3').value = { formula: 'A2&"x"', result: '责任人及电话x' };
    for (let r = 4; r <= 8; r++) {
      ws.getCell(r, 1).value = r;
      ws.getCell(r, 2).value = r === 4 ? { formula: 'A4*2+$A$4', result: 12 } : ({ sharedFormula: 'B4', result: r * 2 + 4 } as unknown as ExcelJS.CellValue);
    }
    ws.getCell('C4').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    ws.getCell('C5').value = true;
    ws.getCell('C6').value = false;
    ws.getCell('C7').value = { formula: 'NOW()' } as ExcelJS.CellFormulaValue;
    ws.getCell('C8').value = 'line_x000D_break _x0041_';
    ws.getCell('D4').value = { text: '链接', hyperlink: 'https://example.org' };
    ws.getCell('D5').value = '   ';
    ws.mergeCells('D6:D8');
    ws.getCell('D6').value = '合并';
    ws.getRow(5).hidden = true;
    ws.getColumn(3).hidden = true;
    ws.getColumn(6).hidden = true;
    ws.getCell('Z30').value = 'far';
    wb.addWorksheet('空白');
    const hidden = wb.addWorksheet('隐藏');
    hidden.getCell('A1').value = 'x';
    hidden.state = 'hidden';
    const very = wb.addWorksheet('_resptable_journal', { state: 'veryHidden' });
    very.getCell('A1').value = '{"chunk":1}';
    return wb;
  }

  it.each([false, true])('a workbook with every kind of cell ExcelJS writes (1904 dates: %s)', async (date1904) => {
    const buf = Buffer.from(await everything(date1904).xlsx.writeBuffer());
    const mine = readGridsFromBytes(buf);
    expect(mine).toEqual(await viaExcelJS(buf));
    const g = mine[0]!;
    // Hand-checked against what was written, so that both readers being wrong the same way fails too.
    expect(getCell(g, 1, 1)?.value).toEqual({ kind: 'string', value: '标题 & <说明>' });
    expect(getCell(g, 2, 2)).toMatchObject({ text: '12.5%', format: '0.0%' });
    expect(getCell(g, 2, 3)?.text).toBe('1,234,567.89');
    expect(getCell(g, 3, 1)?.value).toEqual({ kind: 'date', value: '2018-03-31', serial: 43190 });
    expect(getCell(g, 3, 2)?.text).toBe('2018-06-30 17:30:00');
    expect(getCell(g, 5, 2)).toMatchObject({ formula: 'A5*2+$A$4', value: { kind: 'number', value: 14 } });
    expect(getCell(g, 8, 2)?.formula).toBe('A8*2+$A$4');
    expect(getCell(g, 7, 3)).toEqual({ value: { kind: 'string', value: '' }, text: '', formula: 'NOW()' });
    expect(getCell(g, 8, 3)?.value).toEqual({ kind: 'string', value: 'line\rbreak A' });
    expect(getCell(g, 4, 4)?.value).toEqual({ kind: 'string', value: '链接' });
    expect(g.hiddenRows).toEqual([5]);
    expect(g.hiddenCols).toEqual([3, 6]);
    expect([g.rowCount, g.colCount]).toEqual([30, 26]);
    expect(mine.map((x) => [x.name, x.visibility])).toEqual([
      ['全部', undefined],
      ['空白', undefined],
      ['隐藏', 'hidden'],
      ['_resptable_journal', 'veryHidden'],
    ]);
  });

  it('the bench workbook, with node rows blank and with the task cells merged over them', async () => {
    for (const merged of [false, true]) {
      const buf = Buffer.from(await generateXlsx(400, { merged }));
      const mine = readGridsFromBytes(buf);
      expect(mine).toEqual(await viaExcelJS(buf));
      // The title, and seven task columns merged over each of the 100 tasks' four node rows.
      expect(mine[0]!.merges.length).toBe(merged ? 1 + 7 * 100 : 1);
      expect(getCell(mine[0]!, 4, 3)).toBeUndefined();
    }
  });

  it('the same workbooks saved by LibreOffice (a second writer)', async () => {
    const soffice = SOFFICE;
    if (!soffice) throw new Error('LibreOffice (soffice) is not installed: .ci/run installs libreoffice-calc-nogui');
    const inputs = [
      ['everything.xlsx', Buffer.from(await everything(false).xlsx.writeBuffer())],
      ['merged.xlsx', await generateXlsx(120, { merged: true })],
    ] as const;
    for (const [name, bytes] of inputs) fs.writeFileSync(path.join(tmp, name), bytes);
    const out = path.join(tmp, 'lo');
    execFileSync(soffice, ['--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', out, ...inputs.map(([n]) => path.join(tmp, n))], {
      stdio: 'ignore',
      timeout: 240_000,
    });
    for (const [name] of inputs) {
      const buf = fs.readFileSync(path.join(out, name));
      const mine = readGridsFromBytes(buf);
      expect(mine).toEqual(await viaExcelJS(buf));
      expect(mine[0]!.rowCount).toBeGreaterThan(8);
    }
  }, 300_000);
});

/** A package from hand-written parts; `sheet1` goes in as the first sheet's XML. */
function pkg(parts: Record<string, string>): Uint8Array {
  const files: Zippable = {};
  for (const [k, v] of Object.entries(parts)) files[k] = strToU8(v);
  return zipSync(files);
}

const CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const ROOT_RELS = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WB_RELS = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>
  <Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/>
  <Relationship Id="rId3" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const workbook = (pr = '') =>
  `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}">${pr}<sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const STYLES = `<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0\\%"/></numFmts>
  <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
  <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="31"/></cellXfs></styleSheet>`;
const SST = '<sst><si><t>任务</t></si><si><r><t>责任</t></r><r><rPr><b/></rPr><t xml:space="preserve">人 </t></r><rPh><t>ぜきにん</t></rPh></si><si><t>a_x000A_b</t></si></sst>';
const sheet = (data: string, extra = '') => `<worksheet><cols><col min="2" max="3" hidden="1"/></cols><sheetData>${data}</sheetData>${extra}</worksheet>`;

function whole(sheetXml: string, over: Record<string, string | undefined> = {}): Uint8Array {
  const parts: Record<string, string | undefined> = {
    '[Content_Types].xml': CT,
    '_rels/.rels': ROOT_RELS,
    'xl/workbook.xml': workbook(),
    'xl/_rels/workbook.xml.rels': WB_RELS,
    'xl/styles.xml': STYLES,
    'xl/sharedStrings.xml': SST,
    'xl/worksheets/sheet1.xml': sheetXml,
    ...over,
  };
  return pkg(Object.fromEntries(Object.entries(parts).filter((e): e is [string, string] => e[1] !== undefined)));
}

describe('package reader: reading rules on hand-written parts', () => {
  it('reads shared and rich strings, escapes, formats, built-in dates, shared formulas and hidden rows and columns', () => {
    const [g] = readGridsFromBytes(
      whole(
        sheet(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
        <row r="2" hidden="1"><c r="A2" s="1"><v>43190</v></c><c r="B2" s="2"><v>0.125</v></c><c r="C2" s="3"><v>43190</v></c><c r="D2" s="0"><v>43190</v></c></row>
        <row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" ref="B3:B5" si="0">A3*2+$A$3</f><v>9</v></c><c r="C3"><f>A3-3</f><v>0</v></c></row>
        <row r="4"><c r="A4"><v>4</v></c><c r="B4"><f t="shared" si="0"/><v>11</v></c></row>
        <row r="5"><c r="A5" t="inlineStr"><is><r><t>内联</t></r><r><t>_x0041_</t></r><rPh><t>x</t></rPh></is></c><c r="B5"><f t="shared" si="0"/></c><c r="C5" t="b"><v>1</v></c><c r="D5" t="e"><v>#DIV/0!</v></c></row>`),
      ),
    );
    const grid = g!;
    expect(getCell(grid, 1, 1)?.value).toEqual({ kind: 'string', value: '任务' });
    expect(getCell(grid, 1, 2)?.value).toEqual({ kind: 'string', value: '责任人 ' });
    expect(getCell(grid, 1, 3)?.value).toEqual({ kind: 'string', value: 'a\nb' });
    expect(getCell(grid, 2, 1)).toEqual({ value: { kind: 'date', value: '2018-03-31', serial: 43190 }, text: '2018-03-31', format: 'mm-dd-yy' });
    // The escaped % of a custom code loses its backslash; a language-dependent id (31) names no format.
    expect(getCell(grid, 2, 2)).toEqual({ value: { kind: 'number', value: 0.125 }, text: '12.5%', format: '0.0%' });
    expect(getCell(grid, 2, 3)).toEqual({ value: { kind: 'number', value: 43190 }, text: '43190' });
    expect(getCell(grid, 2, 4)?.value).toEqual({ kind: 'number', value: 43190 });
    expect(getCell(grid, 4, 2)).toMatchObject({ formula: 'A4*2+$A$3', value: { kind: 'number', value: 11 } });
    // A cached 0 reads as no result, as ExcelJS gives it (see formulaResult).
    expect(getCell(grid, 3, 3)).toEqual({ value: { kind: 'string', value: '' }, text: '', formula: 'A3-3' });
    expect(getCell(grid, 5, 2)).toEqual({ value: { kind: 'string', value: '' }, text: '', formula: 'A5*2+$A$3' });
    expect(getCell(grid, 5, 1)?.value).toEqual({ kind: 'string', value: '内联A' });
    expect(getCell(grid, 5, 3)?.value).toEqual({ kind: 'boolean', value: true });
    expect(getCell(grid, 5, 4)?.value).toEqual({ kind: 'error', value: '#DIV/0!' });
    expect(grid.hiddenRows).toEqual([2]);
    expect(grid.hiddenCols).toEqual([2, 3]);
  });

  it('reads 1904 dates, prefixed element names, and leaves out cells under a merge but its first', () => {
    const [g] = readGridsFromBytes(
      whole(
        `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
          <x:row r="1"><x:c r="A1" s="1"><x:v>0</x:v></x:c><x:c r="B1"><x:v>1</x:v></x:c><x:c r="C1"><x:v>2</x:v></x:c></x:row>
          <x:row r="2"><x:c r="B2"><x:v>3</x:v></x:c><x:c r="C2"><x:v>4</x:v></x:c></x:row>
        </x:sheetData><x:mergeCells count="1"><x:mergeCell ref="B1:C2"/></x:mergeCells></x:worksheet>`,
        { 'xl/workbook.xml': workbook('<workbookPr date1904="1"/>') },
      ),
    );
    const grid = g!;
    expect(getCell(grid, 1, 1)?.value).toEqual({ kind: 'date', value: '1904-01-01', serial: 1462 });
    expect(getCell(grid, 1, 2)?.value).toEqual({ kind: 'number', value: 1 });
    expect(getCell(grid, 1, 3)).toBeUndefined();
    expect(grid.rows[1]).toBeUndefined();
    expect(grid.merges).toEqual([{ top: 1, left: 2, bottom: 2, right: 3 }]);
    expect([grid.rowCount, grid.colCount]).toEqual([2, 3]);
  });

  it('reads a 150,000-row sheet with 50,000 merges without running out of stack', () => {
    const rows: string[] = [];
    const merges: string[] = [];
    for (let r = 1; r <= 150_000; r++) {
      rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>1</v></c></row>`);
      if (r % 3 === 1) merges.push(`<mergeCell ref="A${r}:A${r + 2}"/>`);
    }
    const [g] = readGridsFromBytes(whole(`<worksheet><sheetData>${rows.join('')}</sheetData><mergeCells>${merges.join('')}</mergeCells></worksheet>`));
    expect(g!.merges).toHaveLength(50_000);
    expect(getCell(g!, 4, 1)?.value).toEqual({ kind: 'number', value: 4 });
    expect(getCell(g!, 5, 1)).toBeUndefined();
    expect(getCell(g!, 5, 2)?.value).toEqual({ kind: 'number', value: 1 });
    expect(g!.rowCount).toBe(150_000);
  });
});

describe('package reader: a broken package is an error naming what is wrong', () => {
  function failure(data: Uint8Array, limits?: Parameters<typeof readGridsFromBytes>[1]): PackageError {
    try {
      readGridsFromBytes(data, limits);
    } catch (e) {
      if (e instanceof PackageError) return e;
      throw e;
    }
    throw new Error('read without an error');
  }

  it('an OpenDocument spreadsheet (.ods) lacks the workbook part', () => {
    const ods = pkg({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>', 'META-INF/manifest.xml': '<m/>' });
    expect(failure(ods)).toMatchObject({ reason: 'missing-part', detail: 'xl/workbook.xml (the workbook)' });
  });

  it('a zip holding only [Content_Types].xml', () => {
    expect(failure(pkg({ '[Content_Types].xml': CT }))).toMatchObject({ reason: 'missing-part', detail: 'xl/workbook.xml (the workbook)' });
  });

  it('a workbook whose sheet part is missing', () => {
    expect(failure(whole('', { 'xl/worksheets/sheet1.xml': undefined }))).toMatchObject({ reason: 'missing-part', detail: 'xl/worksheets/sheet1.xml (sheet "表")' });
  });

  it('a workbook without its relationships', () => {
    expect(failure(whole(sheet(''), { 'xl/_rels/workbook.xml.rels': undefined }))).toMatchObject({
      reason: 'missing-part',
      detail: 'xl/workbook.xml: sheet "表" names no part in xl/_rels/workbook.xml.rels',
    });
  });

  it('a workbook listing no sheets', () => {
    expect(failure(whole(sheet(''), { 'xl/workbook.xml': '<workbook><sheets/></workbook>' }))).toMatchObject({ reason: 'corrupt' });
  });

  it('cells that name shared strings when there are none, or one past the last', () => {
    const cell = sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="7"><c r="C7" t="s"><v>3</v></c></row>');
    expect(failure(whole(cell, { 'xl/sharedStrings.xml': undefined }))).toMatchObject({
      reason: 'missing-part',
      detail: 'xl/sharedStrings.xml (needed by xl/worksheets/sheet1.xml (sheet "表", cell C7))',
    });
    expect(failure(whole(cell)).detail).toBe('xl/worksheets/sheet1.xml (sheet "表", cell C7): shared string 3 is not in xl/sharedStrings.xml');
    // Without a cell asking, no shared strings part is needed.
    expect(() => readGridsFromBytes(whole(sheet('<row r="1"><c r="A1"><v>1</v></c></row>'), { 'xl/sharedStrings.xml': undefined }))).not.toThrow();
  });

  it('a part that is not well-formed XML', () => {
    const e = failure(whole('<worksheet><sheetData><row r="1"></sheetData></worksheet>'));
    expect(e.reason).toBe('corrupt');
    expect(e.detail).toMatch(/^xl\/worksheets\/sheet1\.xml: /);
  });

  it('a truncated zip', () => {
    const data = whole(sheet(''));
    expect(failure(data.subarray(0, data.length - 30)).reason).toBe('corrupt');
  });

  it('a sheet inflating past the cap stops at the cap, not at the end', () => {
    // 64 MB of blank rows zip to well under 1 MB.
    const blank = '<row/>'.repeat(64 * 2 ** 20 / 6);
    const data = whole(`<worksheet><sheetData>${blank}</sheetData></worksheet>`);
    expect(data.length).toBeLessThan(2 ** 20);
    const t0 = Date.now();
    const e = failure(data, { maxUnpackedBytes: 8 * 2 ** 20 });
    expect(e).toMatchObject({ reason: 'too-large' });
    expect(e.detail).toBe('xl/worksheets/sheet1.xml: the unpacked workbook is larger than 8 MB');
    // Only the first 8 MB were inflated and parsed (the whole 64 MB takes several times as long).
    expect(Date.now() - t0).toBeLessThan(30_000);
  });

  it('more cells than the cap', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`).join('');
    expect(failure(whole(sheet(rows)), { maxCells: 10 })).toMatchObject({ reason: 'too-large', detail: 'sheet "表": the workbook holds more than 10 cells' });
    expect(readGridsFromBytes(whole(sheet(rows)), { maxCells: 20 })[0]!.rowCount).toBe(20);
  });

  it('reaches the command line as an unreadable file naming the file and the part', () => {
    const file = path.join(tmp, 'table.ods');
    const e = (() => {
      try {
        readGridsFromBuffer(file, Buffer.from(pkg({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet' })));
      } catch (x) {
        return x;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(UnreadableWorkbookError);
    expect(e).toMatchObject({ file, reason: 'missing-part', detail: 'xl/workbook.xml (the workbook)' });
  });
});
