/** The worksheet editor: cells spliced into their rows in order, widths split out of ranges, the rest kept. */
import { editCols, editSheet, emptyEdits, EMPTY_SHEET } from '../../../src/hosts/xlsx/write/sheet-edit';
import { StylesEditor, EMPTY_STYLES } from '../../../src/hosts/xlsx/write/styles-edit';
import { childrenOf, rootChildren } from '../../../src/hosts/xlsx/write/xml-text';

const SHEET =
  '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr/><dimension ref="A1:C3"/>' +
  '<sheetData><row r="1" spans="1:3"><c r="A1" s="2" t="s"><v>0</v></c><c r="C1"><v>3</v></c></row><row r="3"><c r="B3"><v>1</v></c></row></sheetData>' +
  '<pageMargins left="0.7"/><drawing r:id="rId1"/></worksheet>';

describe('editSheet', () => {
  it('puts a cell between two of its row, one in a new row between rows, one after the last row, each told its old format', () => {
    const e = emptyEdits();
    const seen: Record<string, number> = {};
    const put = (row: number, col: number, ref: string) => {
      if (!e.cells.has(row)) e.cells.set(row, new Map());
      e.cells.get(row)!.set(col, (s) => ((seen[ref] = s), `<c r="${ref}"><v>9</v></c>`));
    };
    put(1, 2, 'B1');
    put(1, 1, 'A1');
    put(2, 4, 'D2');
    put(5, 1, 'A5');
    const out = editSheet(SHEET, e);
    expect(out).toContain('<row r="1"><c r="A1"><v>9</v></c><c r="B1"><v>9</v></c><c r="C1"><v>3</v></c></row><row r="2"><c r="D2"><v>9</v></c></row><row r="3"><c r="B3"><v>1</v></c></row><row r="5"><c r="A5"><v>9</v></c></row></sheetData>');
    expect(seen).toEqual({ A1: 2, B1: 0, D2: 0, A5: 0 });
    // Everything outside sheetData is as it was.
    expect(out.slice(0, out.indexOf('<sheetData>'))).toBe(SHEET.slice(0, SHEET.indexOf('<sheetData>')));
    expect(out.slice(out.indexOf('</sheetData>'))).toBe(SHEET.slice(SHEET.indexOf('</sheetData>')));
  });

  it('puts cols before sheetData and a conditional format before pageMargins, as the schema orders them', () => {
    const e = emptyEdits();
    e.widths.set(2, 12);
    e.formatsAdd.push('<conditionalFormatting sqref="A1"/>');
    const names = (xml: string) => { const t = rootChildren(xml); return t.children.map((c) => c.name); };
    expect(names(editSheet(SHEET, e))).toEqual(['sheetPr', 'dimension', 'cols', 'sheetData', 'conditionalFormatting', 'pageMargins', 'drawing']);
    expect(names(editSheet(EMPTY_SHEET, e))).toEqual(['cols', 'sheetData', 'conditionalFormatting', 'pageMargins']);
  });

  it('takes out only the conditional format of the plan, and a dropdown by its range', () => {
    const xml = SHEET.replace('<pageMargins', '<conditionalFormatting sqref="A1:A3"><cfRule type="expression" priority="1"><formula>$A1&gt;1</formula></cfRule></conditionalFormatting><conditionalFormatting sqref="A1:A3"><cfRule type="expression" priority="2"><formula>MINE</formula></cfRule></conditionalFormatting><dataValidations count="2"><dataValidation sqref="B1"/><dataValidation sqref="B2"/></dataValidations><pageMargins');
    const e = emptyEdits();
    e.formatsRemove.push({ sqref: 'A1:A3', formula: 'MINE' });
    e.validationsRemove.add('B2');
    const out = editSheet(xml, e);
    expect(out).toContain('<formula>$A1&gt;1</formula>');
    expect(out).not.toContain('MINE');
    expect(out).toContain('<dataValidations count="1"><dataValidation sqref="B1"/></dataValidations>');
  });
});

describe('editCols', () => {
  it('splits a range to set one column, and drops a column left with nothing to say', () => {
    expect(editCols(['<col min="1" max="5" width="9" customWidth="1" style="3"/>'], new Map([[3, 20]]))).toEqual([
      '<col min="1" max="2" width="9" customWidth="1" style="3"/>',
      '<col min="3" max="3" width="20" customWidth="1" style="3"/>',
      '<col min="4" max="5" width="9" customWidth="1" style="3"/>',
    ]);
    expect(editCols(['<col min="1" max="1" width="9"/>', '<col min="4" max="4" width="30" customWidth="1"/>'], new Map<number, number | null>([[4, null], [2, 11]]))).toEqual([
      '<col min="1" max="1" width="9"/>',
      '<col min="2" max="2" width="11" customWidth="1"/>',
    ]);
  });
});

describe('StylesEditor', () => {
  it('appends a format, never changes one, and finds an existing one that resolves the same', async () => {
    const ed = await StylesEditor.open(EMPTY_STYLES);
    const base = ed.styleOf(0);
    expect(ed.formatFor(base)).toBe(0);
    const bold = ed.formatFor({ ...base, font: { ...(base.font ?? {}), bold: true }, numFmt: '0.0#' });
    expect(bold).toBe(1);
    expect(ed.formatFor({ ...base, font: { ...(base.font ?? {}), bold: true }, numFmt: '0.0#' })).toBe(1);
    const text = ed.text();
    const { children } = rootChildren(text);
    const xfs = children.find((c) => c.name === 'cellXfs')!;
    const list = childrenOf(text, xfs).map((c) => text.slice(c.start, c.end));
    expect(list[0]).toBe('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    expect(list).toHaveLength(2);
    expect(text).toContain('<cellXfs count="2">');
    expect(text).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0#"/></numFmts>');
    expect(text.indexOf('<numFmts')).toBeLessThan(text.indexOf('<fonts'));
    expect(text).toContain('<fonts count="2">');
  });
});
