/**
 * A clustered column chart written into an .xlsx package (ExcelJS writes no charts): a DrawingML
 * chart part, a drawing that anchors it on a sheet, their relationships and content types. The
 * values are cached in the part, so the chart shows before any recalculation (LibreOffice, viewers).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { minOf } from '../core/arrays';
import { columnLetters, quotedSheetName } from '../core/grid';

export interface ChartSpec {
  /** The sheet holding the data: categories in column A from row 2, series in the given columns. */
  sheet: string;
  title: string;
  categories: string[];
  series: Array<{ name: string; colour: string; column: number; values: number[] }>;
}

export interface Anchor {
  /** 0-based column and row of the top-left and bottom-right corners. */
  from: { col: number; row: number };
  to: { col: number; row: number };
}

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function ref(sheet: string, col: number, from: number, to: number): string {
  return esc(`${quotedSheetName(sheet)}!$${columnLetters(col)}$${from}:$${columnLetters(col)}$${to}`);
}

function textRun(text: string, size: number, bold: boolean): string {
  return `<c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

export function chartXml(spec: ChartSpec): string {
  const n = spec.categories.length;
  const cat = `<c:cat><c:strRef><c:f>${ref(spec.sheet, 1, 2, n + 1)}</c:f><c:strCache><c:ptCount val="${n}"/>${spec.categories
    .map((c, i) => `<c:pt idx="${i}"><c:v>${esc(c)}</c:v></c:pt>`)
    .join('')}</c:strCache></c:strRef></c:cat>`;
  const series = spec.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef><c:f>${ref(spec.sheet, s.column, 1, 1)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${esc(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${s.colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>${cat}` +
        `<c:val><c:numRef><c:f>${ref(spec.sheet, s.column, 2, n + 1)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${n}"/>${s.values
          .map((v, k) => `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>`)
          .join('')}</c:numCache></c:numRef></c:val></c:ser>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${textRun(spec.title, 1400, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="80"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>` +
    `<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(anchor: Anchor, name: string): string {
  const at = (p: { col: number; row: number }) => `<xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}"><xdr:twoCellAnchor editAs="oneCell"><xdr:from>${at(anchor.from)}</xdr:from><xdr:to>${at(anchor.to)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${esc(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

function rels(entries: Array<{ id: string; type: string; target: string }>): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${entries
    .map((e) => `<Relationship Id="${e.id}" Type="${e.type}" Target="${esc(e.target)}"/>`)
    .join('')}</Relationships>`;
}

function freeName(files: Record<string, Uint8Array>, stem: string): { name: string; n: number } {
  for (let n = 1; ; n++) if (!(`${stem}${n}.xml` in files)) return { name: `${stem}${n}.xml`, n };
}

/** Elements a worksheet may hold after `<drawing>`: it goes before the first of them. */
const AFTER_DRAWING = ['<legacyDrawing', '<legacyDrawingHF', '<drawingHF', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts', '<extLst', '</worksheet>'];

/** The package with a chart anchored on worksheet `sheetIndex` (1-based, as the writer numbered its parts). */
export function addBarChart(pkg: Uint8Array, sheetIndex: number, spec: ChartSpec, anchor: Anchor): Uint8Array {
  const files = unzipSync(pkg);
  const sheetPath = `xl/worksheets/sheet${sheetIndex}.xml`;
  const sheet = files[sheetPath];
  if (!sheet) throw new Error(`no ${sheetPath} in the package`);
  const chart = freeName(files, 'xl/charts/chart');
  const drawing = freeName(files, 'xl/drawings/drawing');
  files[chart.name] = strToU8(chartXml(spec));
  files[drawing.name] = strToU8(drawingXml(anchor, spec.title));
  files[`xl/drawings/_rels/drawing${drawing.n}.xml.rels`] = strToU8(rels([{ id: 'rId1', type: REL_CHART, target: `../charts/chart${chart.n}.xml` }]));
  // The sheet's relationships: its own, and one more for the drawing.
  const relsPath = `xl/worksheets/_rels/sheet${sheetIndex}.xml.rels`;
  const existing = files[relsPath] ? strFromU8(files[relsPath] as Uint8Array) : rels([]);
  const ids = new Set([...existing.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
  let id = 'rIdChart1';
  for (let k = 2; ids.has(id); k++) id = `rIdChart${k}`;
  files[relsPath] = strToU8(
    existing.replace('</Relationships>', `<Relationship Id="${id}" Type="${REL_DRAWING}" Target="../drawings/drawing${drawing.n}.xml"/></Relationships>`),
  );
  let xml = strFromU8(sheet);
  if (!xml.includes('xmlns:r=')) xml = xml.replace('<worksheet ', `<worksheet xmlns:r="${NS_R}" `);
  const at = minOf(AFTER_DRAWING.map((tag) => xml.indexOf(tag)).filter((i) => i >= 0));
  files[sheetPath] = strToU8(`${xml.slice(0, at)}<drawing r:id="${id}"/>${xml.slice(at)}`);
  const types = strFromU8(files['[Content_Types].xml'] as Uint8Array);
  files['[Content_Types].xml'] = strToU8(
    types.replace(
      '</Types>',
      `<Override PartName="/${chart.name}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>` +
        `<Override PartName="/${drawing.name}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`,
    ),
  );
  return zipSync(files, { level: 6 });
}
