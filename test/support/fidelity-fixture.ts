/**
 * A workbook made by LibreOffice with the parts a round trip through ExcelJS used to lose: a chart,
 * an image, a comment, an external link and a defined print area, around a small responsibility
 * table the plan writes into. Written as a flat ODF spreadsheet and converted headless; LibreOffice
 * keeps no custom XML, so a custom XML part (with its properties part) is then added to the package
 * as Excel writes one: the one part a second writer contributes.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { strToU8, unzipSync, zipSync } from 'fflate';

function crc32(b: Buffer): number {
  let c = ~0;
  for (const x of b) {
    c ^= x;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A 1×1 red PNG. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const t = Buffer.from(type, 'latin1');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([t, data])));
    return Buffer.concat([len, t, data, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.from([0, 255, 0, 0]))), chunk('IEND', Buffer.alloc(0))]);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function cell(v: string | number, inner = ''): string {
  if (typeof v === 'number') return `<table:table-cell office:value-type="float" office:value="${v}">${inner}<text:p>${v}</text:p></table:table-cell>`;
  return `<table:table-cell office:value-type="string">${inner}<text:p>${esc(v)}</text:p></table:table-cell>`;
}

function fods(otherFile: string): string {
  const rows: Array<Array<string | number>> = [['序号', '工作任务', '节点目标', '完成期限', '责任人', '权重', '完成情况']];
  for (let i = 1; i <= 5; i++) rows.push([i, `任务${i}`, `节点${i}`, `2018.0${i}.28`, `张三${i} 8773099${i}`, 10, i % 2 ? '已完成' : '未完成']);
  const body = rows.map((row, r) => {
    const cells = row.map((v, c) => (r === 1 && c === 1 ? cell(v, '<office:annotation><dc:creator>审核人</dc:creator><text:p>请核对</text:p></office:annotation>') : cell(v)));
    return `<table:table-row>${cells.join('')}</table:table-row>`;
  });
  // The external link, well below the table so that the plan's columns beside it stay free.
  const url = `file://${otherFile}`;
  body.push('<table:table-row table:number-rows-repeated="3"><table:table-cell/></table:table-row>');
  body.push(`<table:table-row>${cell('外部')}<table:table-cell table:formula="of:=['${esc(url)}'#$Sheet1.A1]" office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell></table:table-row>`);
  const chart =
    '<draw:frame draw:z-index="1" svg:width="8cm" svg:height="5cm" svg:x="1cm" svg:y="4cm"><draw:object>' +
    '<office:document office:mimetype="application/vnd.oasis.opendocument.chart" office:version="1.2"><office:body><office:chart>' +
    '<chart:chart svg:width="8cm" svg:height="5cm" chart:class="chart:bar"><chart:plot-area table:cell-range-address="Sheet1.F1:Sheet1.F6" chart:data-source-has-labels="row">' +
    '<chart:axis chart:dimension="x" chart:name="primary-x"/><chart:axis chart:dimension="y" chart:name="primary-y"/>' +
    '<chart:series chart:class="chart:bar" chart:values-cell-range-address="Sheet1.F2:Sheet1.F6" chart:label-cell-address="Sheet1.F1"/>' +
    '</chart:plot-area></chart:chart></office:chart></office:body></office:document></draw:object></draw:frame>';
  const image = `<draw:frame draw:z-index="2" svg:width="1cm" svg:height="1cm" svg:x="12cm" svg:y="4cm"><draw:image><office:binary-data>${png().toString('base64')}</office:binary-data></draw:image></draw:frame>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="Sheet1" table:print-ranges="Sheet1.A1:Sheet1.G6"><table:shapes>${chart}${image}</table:shapes><table:table-column table:number-columns-repeated="8"/>${body.join('')}</table:table></office:spreadsheet></office:body></office:document>`;
}

const CUSTOM_ITEM = '<?xml version="1.0" encoding="UTF-8" standalone="no"?><resptable-test xmlns="urn:example:resptable">custom part</resptable-test>';
const CUSTOM_PROPS =
  '<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{6A1C9A0E-5E2B-4F57-9D2C-2B6E0B7A1C11}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>';

/** Adds `customXml/item1.xml` to a package, tied to the workbook as Excel ties it. */
function withCustomXml(data: Uint8Array): Uint8Array {
  const files = unzipSync(data);
  const relsName = 'xl/_rels/workbook.xml.rels';
  const rels = Buffer.from(files[relsName]!).toString('utf8');
  files[relsName] = strToU8(rels.replace('</Relationships>', '<Relationship Id="rIdCustom1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>'));
  files['customXml/item1.xml'] = strToU8(CUSTOM_ITEM);
  files['customXml/itemProps1.xml'] = strToU8(CUSTOM_PROPS);
  files['customXml/_rels/item1.xml.rels'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>',
  );
  const types = Buffer.from(files['[Content_Types].xml']!).toString('utf8');
  files['[Content_Types].xml'] = strToU8(types.replace('</Types>', '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>'));
  return zipSync(files);
}

/** Builds the fixture in `dir` (LibreOffice headless); returns its path. */
export function buildFidelityFixture(dir: string): string {
  const other = path.join(dir, 'other.csv');
  fs.writeFileSync(other, '7\n');
  execFileSync('soffice', ['--headless', '--convert-to', 'ods', '--outdir', dir, other], { stdio: 'ignore', timeout: 180_000 });
  const src = path.join(dir, 'fidelity.fods');
  fs.writeFileSync(src, fods(path.join(dir, 'other.ods')));
  execFileSync('soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', dir, src], { stdio: 'ignore', timeout: 180_000 });
  const out = path.join(dir, 'fidelity.xlsx');
  fs.writeFileSync(out, withCustomXml(fs.readFileSync(out)));
  return out;
}
