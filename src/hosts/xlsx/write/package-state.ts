/**
 * A package's own state as the surgical writer's source (./source), with a plan or a journal laid
 * over it: what `resptable apply` and `revert` write without loading the workbook through ExcelJS.
 * The before-images a journal keeps are taken from the Grids the package reader made (values) and
 * from the package's parts (each cell's format, resolved through `styles.xml` as ExcelJS resolves
 * it, so that a journal made here reads exactly as one made by the workbench's ExcelJS host).
 */
import { copiedChoiceRuns, isCopiedChoice, runCells } from '../../../core/plan/copied-choices';
import { quoteSheetName, type Cell, type Grid } from '../../../core/grid';
import { anchorCell, anchorFormula, planAnchors } from '../../../core/plan/anchors';
import { draftJournal, journalChunks, sealJournal, type BeforeState, type Journal } from '../../../core/plan/journal';
import type { VerifiedJournal } from '../../../core/plan/journal-verify';
import type { EditPlan } from '../../../core/plan/plan';
import { isoToSerial, serialToInstant } from '../../../core/dates';
import type { StyleModel } from './exceljs-xforms';
import { columnNumber, splitA1, type ValidationModel } from './sheet-edit';
import type { SheetSource, WorkbookSource } from './source';
import type { StylesEditor } from './styles-edit';
import { attrOf, childrenOf, rootChildren, startTag, unescapeXml, type Span } from './xml-text';

/** A sheet of the package as the writer needs to know it. */
export interface PackageSheet {
  name: string;
  state?: 'hidden' | 'veryHidden';
  /** The worksheet part's text; undefined for a chart sheet. */
  xml?: string;
  grid?: Grid;
}

export interface PackageInfo {
  date1904: boolean;
  sheets: PackageSheet[];
  /** Workbook-wide defined names: name → its references. */
  names: Map<string, string[]>;
}

type CellState = { value: unknown; style: StyleModel };

/** No style at all: one object for every new cell, never changed (an edit's look makes a new one). */
const NO_STYLE: StyleModel = Object.freeze({});

const CELL_TAG = /<c[\s/>][^>]*>/g;
const ROW_TAG = /<row[\s/>][^>]*>/g;

/** What one sheet part says of its formats: each cell's and row's `s`, each column's width and `style`. */
class SheetFormats {
  private cellS: Map<string, number> | null = null;
  private rowS: Map<number, number> | null = null;
  private cols: Array<{ min: number; max: number; width?: number; style?: number }> | null = null;
  private dv: Array<{ refs: string[]; model: ValidationModel }> | null = null;

  private tree_: ReturnType<typeof rootChildren> | null = null;

  constructor(private readonly xml: string) {}

  /** The part's top-level elements, found once (a scan of the whole part, which holds every row). */
  private tree(): ReturnType<typeof rootChildren> {
    return (this.tree_ ??= rootChildren(this.xml));
  }

  private scan(): void {
    this.cellS = new Map();
    this.rowS = new Map();
    CELL_TAG.lastIndex = 0;
    for (let m = CELL_TAG.exec(this.xml); m; m = CELL_TAG.exec(this.xml)) {
      const r = attrOf(m[0], 'r');
      const s = attrOf(m[0], 's');
      if (r && s) this.cellS.set(r.replace(/\$/g, ''), Number(s));
    }
    ROW_TAG.lastIndex = 0;
    for (let m = ROW_TAG.exec(this.xml); m; m = ROW_TAG.exec(this.xml)) {
      const r = attrOf(m[0], 'r');
      const s = attrOf(m[0], 's');
      if (r && s && attrOf(m[0], 'customFormat') === '1') this.rowS.set(Number(r), Number(s));
    }
  }

  private colList(): NonNullable<SheetFormats['cols']> {
    if (this.cols) return this.cols;
    this.cols = [];
    const { children } = this.tree();
    const cols = children.find((c) => c.name === 'cols');
    if (cols) {
      for (const c of childrenOf(this.xml, cols)) {
        if (c.name !== 'col') continue;
        const tag = startTag(this.xml, c);
        const width = attrOf(tag, 'width');
        const style = attrOf(tag, 'style');
        this.cols.push({
          min: Number(attrOf(tag, 'min')),
          max: Number(attrOf(tag, 'max')),
          ...(width !== undefined ? { width: Number(width) } : {}),
          ...(style !== undefined ? { style: Number(style) } : {}),
        });
      }
    }
    return this.cols;
  }

  private col(c: number) {
    return this.colList().find((e) => e.min <= c && c <= e.max);
  }

  /**
   * The format a cell shows: its own; for a cell the part does not hold, its row's, else its
   * column's (as ExcelJS makes a new cell, so that a before-image reads as that host's does).
   */
  formatOf(address: string): number {
    if (!this.cellS) this.scan();
    const own = this.cellS!.get(address);
    return own !== undefined ? own : this.rowOrColumnFormat(address);
  }

  /** The format a cell the part does not hold shows: its row's, else its column's, else none (0). */
  private rowOrColumnFormat(address: string): number {
    if (!this.rowS) this.scan();
    const { row, col } = splitA1(address);
    return this.rowS!.get(row) ?? this.col(col)?.style ?? 0;
  }

  /**
   * Whether the cell shows the default look (`isDefault`: a format that resolves as format 0 does)
   * and would show it too were it not in the part (its row's or column's format, if any, resolves
   * so as well): written with no format, and left out when it holds nothing, it looks the same.
   */
  plain(address: string, isDefault: (id: number) => boolean): boolean {
    if (!this.cellS) this.scan();
    const own = this.cellS!.get(address);
    if (own !== undefined && !isDefault(own)) return false;
    return isDefault(this.rowOrColumnFormat(address));
  }

  width(col: number): number | null {
    return this.col(col)?.width ?? null;
  }

  conditionalFormats(): number {
    const { children } = this.tree();
    return children.filter((c) => c.name === 'conditionalFormatting').length;
  }

  /** The dropdown (or other validation) over `address`, as ExcelJS models one. */
  validation(address: string): ValidationModel | undefined {
    if (!this.dv) this.dv = readValidations(this.xml, this.tree().children);
    const { row, col } = splitA1(address);
    for (const d of this.dv) if (d.refs.some((r) => inRange(r, row, col))) return d.model;
    return undefined;
  }
}

function inRange(ref: string, row: number, col: number): boolean {
  const [a, b] = ref.split(':');
  const p = splitA1(a!);
  const q = b ? splitA1(b) : p;
  return row >= p.row && row <= q.row && col >= p.col && col <= q.col;
}

const DV_FLAGS = ['allowBlank', 'showInputMessage', 'showErrorMessage'] as const;
const DV_TEXTS = ['errorStyle', 'errorTitle', 'error', 'promptTitle', 'prompt'] as const;

function readValidations(xml: string, children: readonly Span[]): Array<{ refs: string[]; model: ValidationModel }> {
  const dvs = children.find((c) => c.name === 'dataValidations');
  if (!dvs) return [];
  const out: Array<{ refs: string[]; model: ValidationModel }> = [];
  for (const d of childrenOf(xml, dvs)) {
    const tag = startTag(xml, d);
    const type = attrOf(tag, 'type') ?? 'any';
    const model: ValidationModel = { type };
    const operator = attrOf(tag, 'operator');
    if (operator !== undefined) model.operator = operator;
    for (const f of DV_FLAGS) if (attrOf(tag, f) === '1' || attrOf(tag, f) === 'true') model[f] = true;
    for (const f of DV_TEXTS) {
      const v = attrOf(tag, f);
      if (v !== undefined) model[f] = unescapeXml(v);
    }
    const formulae: Array<string | number> = [];
    const body = xml.slice(d.openEnd, d.end);
    for (const m of body.matchAll(/<(?:\w+:)?formula([12])>([\s\S]*?)<\/(?:\w+:)?formula\1>/g)) {
      const text = unescapeXml(m[2]!);
      formulae.push(type !== 'list' && type !== 'custom' && /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : text);
    }
    if (formulae.length) model.formulae = formulae;
    out.push({ refs: (attrOf(tag, 'sqref') ?? '').split(/\s+/).filter(Boolean).map((r) => r.replace(/\$/g, '')), model });
  }
  return out;
}

/** A Grid cell's value as ExcelJS models one (a Date for a date, `{ formula, result }`, `{ error }`). */
function modelValue(c: Cell | undefined): unknown {
  if (!c) return null;
  const v = c.value;
  const plain = v.kind === 'date' ? new Date(serialToInstant(isoToSerial(v.value))) : v.kind === 'error' ? { error: v.value } : v.kind === 'string' && v.value === '' ? null : v.value;
  if (c.formula !== undefined) return plain === null ? { formula: c.formula } : { formula: c.formula, result: plain };
  return plain;
}

/** A value as the journal keeps it: plain JSON, a date tagged as `{ $date }`. */
function journalValue(v: unknown): unknown {
  if (v instanceof Date) return { $date: v.toISOString() };
  if (v && typeof v === 'object' && 'result' in v && (v as { result: unknown }).result instanceof Date) {
    return { ...(v as object), result: { $date: ((v as { result: Date }).result).toISOString() } };
  }
  return v ?? null;
}

/** A journal's value back as the writer takes it (dates as Dates). */
function writerValue(v: unknown): unknown {
  if (v && typeof v === 'object' && '$date' in v) return new Date((v as { $date: string }).$date);
  if (v && typeof v === 'object' && 'result' in v) {
    const r = (v as { result: unknown }).result;
    if (r && typeof r === 'object' && '$date' in r) return { ...(v as object), result: new Date((r as { $date: string }).$date) };
  }
  return v;
}

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** Office.js sees part of a style: restoring its before-image keeps the rest (as ../apply's `restoreCell`). */
function mergePartialStyle(current: StyleModel, before: StyleModel): StyleModel {
  const out: StyleModel = { ...current };
  if (before.numFmt) out.numFmt = before.numFmt;
  else delete out.numFmt;
  if (before.fill) out.fill = before.fill;
  else delete out.fill;
  const font: Record<string, unknown> = { ...(current.font ?? {}) };
  if (before.font?.bold) font.bold = true;
  else delete font.bold;
  if (Object.keys(font).length > 0) out.font = font;
  else delete out.font;
  return out;
}

/** `$B$2` for `B2` and `$B$2:$C$9` for a range, as ExcelJS keeps a name's reference. */
function absolute(ref: string): string {
  return ref
    .replace(/\$/g, '')
    .split(':')
    .map((p) => p.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':');
}

interface Overlay {
  name: string;
  state?: 'hidden' | 'veryHidden';
  cells: Map<string, CellState>;
  widths: Map<number, number | null>;
  validations: Map<string, ValidationModel | undefined>;
  base?: PackageSheet;
}

/** The package with the changes of one apply or one revert laid over it. */
export class PackageState implements WorkbookSource {
  private readonly overlays = new Map<string, Overlay>();
  private readonly formats = new Map<string, SheetFormats>();
  private readonly gone = new Set<string>();
  private readonly added: Overlay[] = [];
  private readonly names: Map<string, string[]>;
  /** Styles by format, resolved once: shared by the cells of a format and never changed in place. */
  private readonly styleCache = new Map<number, StyleModel>();

  constructor(
    private readonly info: PackageInfo,
    private readonly styles: StylesEditor,
  ) {
    this.names = new Map(info.names);
  }

  get date1904(): boolean {
    return this.info.date1904;
  }

  private base(name: string): PackageSheet {
    const s = this.info.sheets.find((x) => x.name === name);
    if (!s || s.xml === undefined) throw new Error(`plan names sheet "${name}", which the workbook does not have`);
    return s;
  }

  private formatsOf(name: string): SheetFormats {
    let f = this.formats.get(name);
    if (!f) this.formats.set(name, (f = new SheetFormats(this.base(name).xml as string)));
    return f;
  }

  /** Whether format `id` resolves to the look of format 0, the package's default. */
  private readonly isDefault = (id: number): boolean => this.styles.resolvesAsDefault(id);

  /** A cell of the package as it is now: its value from the Grid, its style resolved from its format. */
  current(sheet: string, address: string): CellState {
    const o = this.overlays.get(sheet)?.cells.get(address);
    if (o) return o;
    const { row, col } = splitA1(address);
    const grid = this.base(sheet).grid;
    const id = this.formatsOf(sheet).formatOf(address);
    let style = this.styleCache.get(id);
    if (!style) this.styleCache.set(id, (style = clone(this.styles.styleOf(id))));
    return { value: modelValue(grid?.rows[row - 1]?.[col - 1]), style };
  }

  private overlay(name: string): Overlay {
    let o = this.overlays.get(name);
    if (!o) this.overlays.set(name, (o = { name, cells: new Map(), widths: new Map(), validations: new Map(), base: this.info.sheets.find((s) => s.name === name) }));
    return o;
  }

  /** What the package holds before a plan is applied, for the shared journal bookkeeping. */
  beforeState(): BeforeState {
    type Before = Journal['cells'][number]['before'];
    return {
      cell: (sheet, cell) => {
        const address = cell.replace(/\$/g, '');
        const c = this.current(sheet, address);
        // A cell of the default look, whose row and column have no other, is kept as having no
        // style (as ExcelJS reads `s="0"`): a before-image of a few characters, not the default
        // font, fill and border in full for each of a plan's many thousand cells (the journal's
        // digest and text grow with it). Its revert writes it with no format, which looks the same.
        const style = this.overlays.get(sheet)?.cells.has(address) || !this.formatsOf(sheet).plain(address, this.isDefault) ? c.style : {};
        return { value: journalValue(c.value), style } as Before;
      },
      width: (sheet, column) => this.formatsOf(sheet).width(columnNumber(column)),
      validation: (sheet, range) => (this.formatsOf(sheet).validation(range.split(':')[0]!.replace(/\$/g, '')) ?? null) as Journal['validations'][number]['before'],
      highlightCount: (sheet) => this.formatsOf(sheet).conditionalFormats(),
      nameRanges: (name) => [...(this.names.get(name) ?? [])],
    };
  }

  /** Styles as a cell edit leaves them, by the style before and the edit's look: one object for all the cells alike. */
  private readonly restyles = new WeakMap<StyleModel, Map<string, StyleModel>>();

  /**
   * `style` with a cell edit's number format, bold and fill laid over it: a new style (the one
   * before is shared by every cell of its format and never changed), the same object for every
   * cell of that style given that look, so that the writer resolves it to a format once.
   */
  private restyled(style: StyleModel, e: { numFmt?: string; bold?: boolean; fill?: string }): StyleModel {
    let byLook = this.restyles.get(style);
    if (!byLook) this.restyles.set(style, (byLook = new Map()));
    const look = `${e.numFmt ?? ''}\u0000${e.bold ? 1 : 0}\u0000${e.fill ?? ''}`;
    let next = byLook.get(look);
    if (!next) {
      next = { ...style };
      if (e.numFmt) next.numFmt = e.numFmt;
      if (e.bold) next.font = { ...(next.font ?? {}), bold: true };
      if (e.fill) next.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${e.fill}` } };
      byLook.set(look, next);
    }
    return next;
  }

  /** Lays `plan` over the package; returns its journal, which goes on its own very hidden sheet. */
  applyPlan(plan: EditPlan, settings: Journal['settings'], journalSheet: string): Journal {
    const journal = sealJournal(draftJournal(plan, settings, this.beforeState()));
    const addedNames = new Set<string>();
    for (const e of plan.edits) {
      switch (e.kind) {
        case 'sheet': {
          const o: Overlay = { name: e.sheet, cells: new Map(), widths: new Map(), validations: new Map() };
          this.overlays.set(e.sheet, o);
          this.added.push(o);
          addedNames.add(e.sheet);
          break;
        }
        case 'cell': {
          const address = e.cell.replace(/\$/g, '');
          const o = this.overlay(e.sheet);
          const was = addedNames.has(e.sheet) ? (o.cells.get(address) ?? { value: null, style: NO_STYLE }) : this.current(e.sheet, address);
          const next: CellState = { value: was.value, style: this.restyled(was.style, e) };
          if (e.formula !== undefined) next.value = { formula: e.formula };
          else if (e.value !== undefined) next.value = e.value;
          o.cells.set(address, next);
          break;
        }
        case 'width':
          this.overlay(e.sheet).widths.set(columnNumber(e.column), e.width);
          break;
        case 'choices':
          this.overlay(e.sheet).validations.set(e.range, { type: 'list', allowBlank: true, formulae: [`"${e.choices.join(',')}"`] });
          break;
        case 'name':
          this.names.set(e.name, [`${quoteSheetName(e.sheet)}!${absolute(e.cell)}`]);
          break;
        case 'highlight':
          // Written by the writer from the changes alone.
          break;
      }
    }
    const j: Overlay = { name: journalSheet, state: 'veryHidden', cells: new Map(), widths: new Map(), validations: new Map() };
    journalChunks(journal).forEach((c, i) => j.cells.set(`A${i + 1}`, { value: c, style: {} }));
    planAnchors(plan).forEach((a, i) => {
      const at = anchorCell(i);
      j.cells.set(address(at.row, at.col), { value: { formula: anchorFormula(a) }, style: {} });
    });
    this.overlays.set(journalSheet, j);
    this.added.push(j);
    return journal;
  }

  /** Takes the journal's sheet out alone: a pending journal cut short, whose apply changed nothing else. */
  dropJournal(journalSheet: string): void {
    this.gone.add(journalSheet);
  }

  /**
   * Lays the revert of the verified journal `v` over the package. Returns the cells whose dropdown
   * goes besides those the journal names: copies of the add-in's a row inserted inside the table
   * took from the row above (../../../core/plan/copied-choices).
   */
  revert(v: VerifiedJournal, journalSheet: string): Array<{ sheet: string; cell: string }> {
    for (const name of v.sheetsToDelete) this.gone.add(name);
    this.gone.add(journalSheet);
    for (const c of v.cells) {
      const address = c.cell.replace(/\$/g, '');
      const before = c.before as { value: unknown; style?: StyleModel; partial?: boolean };
      const style = before.partial ? mergePartialStyle(this.current(c.sheet, address).style, before.style ?? {}) : clone(before.style ?? {});
      this.overlay(c.sheet).cells.set(address, { value: writerValue(clone(before.value)), style });
    }
    for (const w of v.widths) this.overlay(w.sheet).widths.set(columnNumber(w.column), w.before);
    for (const d of v.validations) this.overlay(d.sheet).validations.set(d.range, (d.before ?? undefined) as ValidationModel | undefined);
    const copied: Array<{ sheet: string; cell: string }> = [];
    for (const run of copiedChoiceRuns(v)) {
      if (!this.info.sheets.some((x) => x.name === run.sheet)) continue;
      for (const cell of runCells(run)) {
        const dv = this.formatsOf(run.sheet).validation(cell);
        const source = dv?.type === 'list' ? dv.formulae?.[0] : undefined;
        if (!isCopiedChoice(run, typeof source === 'string' ? source : null)) continue;
        this.overlay(run.sheet).validations.set(cell, undefined);
        copied.push({ sheet: run.sheet, cell });
      }
    }
    for (const n of v.names) {
      if (n.before.length) this.names.set(n.name, [...n.before]);
      else this.names.delete(n.name);
    }
    return copied;
  }

  private source(o: Overlay): SheetSource {
    const base = o.base;
    return {
      name: o.name,
      state: o.state ?? base?.state ?? 'visible',
      cell: (row, col) => {
        const a = address(row, col);
        return o.cells.get(a) ?? (base ? this.current(o.name, a) : { value: null, style: {} });
      },
      addresses: () => [...o.cells.keys()],
      width: (col) => (o.widths.has(col) ? (o.widths.get(col) ?? null) : base ? this.formatsOf(o.name).width(col) : null),
      widths: () => {
        const out = new Map<number, number>();
        for (const [c, w] of o.widths) if (w !== null) out.set(c, w);
        return out;
      },
      validation: (range) => o.validations.get(range),
      validations: () => [...o.validations.entries()].filter((e): e is [string, ValidationModel] => Boolean(e[1])),
    };
  }

  sheet(name: string): SheetSource | undefined {
    if (this.gone.has(name)) return undefined;
    const o = this.overlays.get(name);
    if (o) return this.source(o);
    const base = this.info.sheets.find((s) => s.name === name);
    return base ? this.source({ name, cells: new Map(), widths: new Map(), validations: new Map(), base }) : undefined;
  }

  sheets(): SheetSource[] {
    const out: SheetSource[] = [];
    for (const s of this.info.sheets) {
      const x = this.sheet(s.name);
      if (x) out.push(x);
    }
    for (const o of this.added) if (!this.gone.has(o.name)) out.push(this.source(o));
    return out;
  }

  nameRanges(name: string): string[] {
    return this.names.get(name) ?? [];
  }
}

function address(row: number, col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${row}`;
}
