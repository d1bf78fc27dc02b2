/**
 * `styles.xml` with formats appended, never one changed: a cell the writer styles gets a format
 * that already exists and resolves to exactly its style (formats are never edited, so sharing one
 * changes nothing), or a new one at the end of `cellXfs`, with the fonts, fills, borders and number
 * formats it needs appended likewise. Whatever else the part holds keeps its bytes.
 */
import { canonicalJson } from '../../../core/plan/digest';
import { builtinFormatId, parseStyles, xforms, type StyleModel, type XfModel } from './exceljs-xforms';
import { childrenOf, escapeAttr, insertionPoint, rootChildren, splice, startTag, withAttr } from './xml-text';

/** CT_Stylesheet's children, in the order the schema requires. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'] as const;
type Section = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs';

/** A style as compared: what ExcelJS reads, with `General` the same as no number format. */
function styleKey(s: StyleModel): string {
  const { numFmt, ...rest } = s;
  return canonicalJson(numFmt && numFmt !== 'General' ? { ...rest, numFmt } : rest);
}

/** The `styles.xml` ExcelJS would read as having no formats but the defaults, for a package without one. */
export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

export class StylesEditor {
  private readonly added: Record<Section, string[]> = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [], dxfs: [] };
  private readonly byKey = new Map<string, number>();
  private readonly parts: Record<'font' | 'fill' | 'border', { index: Map<string, number>; count: number }>;
  private readonly formats = new Map<string, number>();
  private nextFormat = 164;
  private xfCount: number;
  private dxfCount: number;

  private constructor(
    private readonly xml: string,
    private readonly xfs: XfModel[],
    private readonly model: (id: number) => StyleModel | null,
    fonts: unknown[],
    fills: unknown[],
    borders: unknown[],
    numFmts: Array<{ id: number; formatCode: string }>,
    dxfs: number,
  ) {
    const index = (list: unknown[]) => {
      const m = new Map<string, number>();
      list.forEach((p, i) => {
        const k = canonicalJson(p);
        if (!m.has(k)) m.set(k, i);
      });
      return { index: m, count: list.length };
    };
    this.parts = { font: index(fonts), fill: index(fills), border: index(borders) };
    for (const f of numFmts) {
      if (!this.formats.has(f.formatCode)) this.formats.set(f.formatCode, f.id);
      if (f.id >= this.nextFormat) this.nextFormat = f.id + 1;
    }
    this.xfCount = xfs.length;
    this.dxfCount = dxfs;
  }

  static async open(xml: string): Promise<StylesEditor> {
    const x = await parseStyles(xml);
    const m = x.model;
    return new StylesEditor(xml, m.styles ?? [], (id) => x.getStyleModel(id), m.fonts ?? [], m.fills ?? [], m.borders ?? [], m.numFmts ?? [], (m.dxfs ?? []).length);
  }

  /** The style of format `id` as ExcelJS reads it ({} for none). */
  styleOf(id: number): StyleModel {
    return this.model(id) ?? {};
  }

  private keyOf(id: number): string {
    return styleKey(this.styleOf(id));
  }

  private readonly defaults = new Map<number, boolean>();
  /**
   * Each style's key, by the style itself: the cells a plan writes alike share one style object
   * (../write/package-state), so a column of 20,000 writes keys it once. Styles are never changed
   * once handed to the writer.
   */
  private readonly keys = new WeakMap<StyleModel, string>();

  /** Whether format `id` resolves to the same style as format 0 (the look of a cell with no format). */
  resolvesAsDefault(id: number): boolean {
    let d = this.defaults.get(id);
    if (d === undefined) this.defaults.set(id, (d = id === 0 || this.keyOf(id) === this.keyOf(0)));
    return d;
  }

  /**
   * A format that resolves to `style`: an existing one when one does (the first), else a new one,
   * made from `base` (the format the cell had, whose cell style it keeps) with `style`'s parts.
   */
  formatFor(style: StyleModel, base = 0): number {
    let key = this.keys.get(style);
    if (key === undefined) this.keys.set(style, (key = styleKey(style)));
    if (this.byKey.size === 0) {
      for (let i = 0; i < this.xfCount; i++) {
        const k = this.keyOf(i);
        if (!this.byKey.has(k)) this.byKey.set(k, i);
      }
    }
    const found = this.byKey.get(key);
    if (found !== undefined) return found;
    const from = this.xfs[base] ?? {};
    const xf: XfModel = { xfId: from.xfId ?? 0 };
    if (style.numFmt && style.numFmt !== 'General') xf.numFmtId = this.formatId(style.numFmt);
    if (style.font) xf.fontId = this.part('font', 'fonts', style.font);
    if (style.fill) xf.fillId = this.part('fill', 'fills', style.fill);
    if (style.border) xf.borderId = this.part('border', 'borders', style.border);
    if (style.alignment) xf.alignment = style.alignment;
    if (style.protection) xf.protection = style.protection;
    this.added.cellXfs.push(xforms.xf.toXml(xf));
    const id = this.xfCount++;
    this.byKey.set(key, id);
    return id;
  }

  /** A conditional format's look, appended to `dxfs`. */
  dxfFor(style: StyleModel): number {
    this.added.dxfs.push(xforms.dxf.toXml(style));
    return this.dxfCount++;
  }

  private formatId(code: string): number {
    const builtin = builtinFormatId(code);
    if (builtin !== undefined) return builtin;
    const known = this.formats.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormat++;
    this.formats.set(code, id);
    this.added.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  private part(kind: 'font' | 'fill' | 'border', section: Section, model: unknown): number {
    const p = this.parts[kind];
    const k = canonicalJson(model);
    const known = p.index.get(k);
    if (known !== undefined) return known;
    this.added[section].push(xforms[kind].toXml(model));
    const id = p.count++;
    p.index.set(k, id);
    return id;
  }

  get changed(): boolean {
    return Object.values(this.added).some((a) => a.length > 0);
  }

  /** The part's text with every appended entry in its section, counts updated. */
  text(): string {
    if (!this.changed) return this.xml;
    const xml = this.xml;
    const { root, children } = rootChildren(xml);
    const edits: Array<{ start: number; end: number; text: string }> = [];
    for (const section of Object.keys(this.added) as Section[]) {
      const items = this.added[section];
      if (items.length === 0) continue;
      const span = children.find((c) => c.name === section);
      if (!span) {
        const at = insertionPoint(ORDER, section, children, root);
        edits.push({ start: at, end: at, text: `<${section} count="${items.length}">${items.join('')}</${section}>` });
        continue;
      }
      const count = childrenOf(xml, span).length + items.length;
      const tag = withAttr(startTag(xml, span), 'count', String(count));
      if (span.selfClosing) edits.push({ start: span.start, end: span.end, text: `${tag.replace(/\s*\/>$/, '>')}${items.join('')}</${section}>` });
      else {
        edits.push({ start: span.start, end: span.openEnd, text: tag });
        const close = span.end - (section.length + 3);
        edits.push({ start: close, end: close, text: items.join('') });
      }
    }
    return splice(xml, edits);
  }
}
