/**
 * ExcelJS's own translators between style models and their XML (fonts, fills, borders, cell
 * formats, conditional-format styles, rich-text runs). The writer uses them to read `styles.xml`
 * into the style models the journal keeps, and to render the few entries it appends, so that a
 * style written here reads back through ExcelJS (and in the journal) exactly as ExcelJS made it.
 * They are internal modules of the pinned exceljs 4.4.0, which has had no release since 2023.
 */
import { Readable } from 'stream';

export type StyleModel = Record<string, unknown> & {
  numFmt?: string;
  font?: Record<string, unknown>;
  fill?: Record<string, unknown>;
  border?: Record<string, unknown>;
  alignment?: Record<string, unknown>;
  protection?: Record<string, unknown>;
};

/** A cell format as ExcelJS reads an `<xf>`. */
export interface XfModel {
  numFmtId?: number;
  fontId?: number;
  fillId?: number;
  borderId?: number;
  xfId?: number;
  alignment?: unknown;
  protection?: unknown;
}

interface Xform {
  toXml(model: unknown): string;
}

interface StylesXform {
  model: { styles?: XfModel[]; fonts?: unknown[]; fills?: unknown[]; borders?: unknown[]; numFmts?: Array<{ id: number; formatCode: string }>; dxfs?: unknown[] };
  parseStream(stream: Readable): Promise<unknown>;
  getStyleModel(id: number): StyleModel | null;
}

/* eslint-disable @typescript-eslint/no-require-imports */
const StylesXformClass = require('exceljs/lib/xlsx/xform/style/styles-xform') as new () => StylesXform;
const FontXform = require('exceljs/lib/xlsx/xform/style/font-xform') as new () => Xform;
const FillXform = require('exceljs/lib/xlsx/xform/style/fill-xform') as new () => Xform;
const BorderXform = require('exceljs/lib/xlsx/xform/style/border-xform') as new () => Xform;
const StyleXform = require('exceljs/lib/xlsx/xform/style/style-xform') as new (o: { xfId: boolean }) => Xform;
const DxfXform = require('exceljs/lib/xlsx/xform/style/dxf-xform') as new () => Xform;
const RichTextXform = require('exceljs/lib/xlsx/xform/strings/rich-text-xform') as new () => Xform;
const NumFmtXform = require('exceljs/lib/xlsx/xform/style/numfmt-xform') as { getDefaultFmtId(code: string): number | undefined };
/* eslint-enable @typescript-eslint/no-require-imports */

export async function parseStyles(xml: string): Promise<StylesXform> {
  const x = new StylesXformClass();
  await x.parseStream(Readable.from([xml]));
  return x;
}

export const xforms = {
  font: new FontXform(),
  fill: new FillXform(),
  border: new BorderXform(),
  xf: new StyleXform({ xfId: true }),
  dxf: new DxfXform(),
  richText: new RichTextXform(),
};

/** The built-in number format id of `code`, if it is one. */
export function builtinFormatId(code: string): number | undefined {
  return NumFmtXform.getDefaultFmtId(code);
}
