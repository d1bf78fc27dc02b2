/**
 * An in-memory double of the Excel JavaScript API, built over Grids, that keeps the rules of the
 * real one: a property read before it was loaded and synced throws, loads take effect only at
 * `sync()`. It counts `sync()` calls and the size of what each sync brings back, so tests can assert
 * round trips and request sizes. Only what the hosts use is here.
 */
import { cellAddress, columnLetters, getCell, type Grid } from '../../src/core/grid';

export class PropertyNotLoaded extends Error {}

class Proxy {
  private readonly pending = new Set<string>();
  private readonly loaded = new Set<string>();
  constructor(protected readonly ctx: DoubleContext) {}

  load(props: string): this {
    for (const p of props.split(',')) this.pending.add(p.trim().split('/')[0] as string);
    this.ctx.queue(this);
    return this;
  }

  /** Called by sync(): what was asked for is now readable; returns the loaded data's size. */
  commit(): number {
    let size = 0;
    for (const p of this.pending) {
      this.loaded.add(p);
      size += this.sizeOf(p);
    }
    this.pending.clear();
    return size;
  }

  /** Bytes the real API would send back for a property (UTF-8 JSON). */
  protected sizeOf(prop: string): number {
    return Buffer.byteLength(JSON.stringify(this.raw(prop) ?? null), 'utf8');
  }

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new PropertyNotLoaded(`${prop} read before load() and sync()`);
    return this.raw(prop) as T;
  }

  protected raw(_prop: string): unknown {
    return undefined;
  }
}

export class DoubleContext {
  readonly workbook: { worksheets: WorksheetCollection };
  syncs = 0;
  /** Bytes of loaded data each sync brought back. */
  readonly payloads: number[] = [];
  private readonly queued = new Set<Proxy>();

  constructor(readonly grids: Grid[]) {
    this.workbook = { worksheets: new WorksheetCollection(this) };
  }

  queue(p: Proxy): void {
    this.queued.add(p);
  }

  async sync(): Promise<void> {
    this.syncs++;
    let size = 0;
    for (const p of this.queued) size += p.commit();
    this.queued.clear();
    this.payloads.push(size);
  }
}

class WorksheetCollection extends Proxy {
  private readonly sheets: Worksheet[];
  constructor(ctx: DoubleContext) {
    super(ctx);
    this.sheets = ctx.grids.map((g) => new Worksheet(ctx, g));
  }
  get items(): Worksheet[] {
    return this.get('items');
  }
  protected override raw(prop: string): unknown {
    return prop === 'items' ? this.sheets : undefined;
  }
  protected override sizeOf(): number {
    return Buffer.byteLength(JSON.stringify(this.sheets.map((s) => ({ name: s.grid.name, visibility: s.grid.visibility }))), 'utf8');
  }
  override commit(): number {
    const n = super.commit();
    // Loading items/name loads the names of the items.
    for (const s of this.sheets) s.markLoaded();
    return n;
  }
}

class Worksheet extends Proxy {
  private names = false;
  constructor(ctx: DoubleContext, readonly grid: Grid) {
    super(ctx);
  }
  markLoaded(): void {
    this.names = true;
  }
  get name(): string {
    if (!this.names) throw new PropertyNotLoaded('name read before load() and sync()');
    return this.grid.name;
  }
  get visibility(): string {
    if (!this.names) throw new PropertyNotLoaded('visibility read before load() and sync()');
    return this.grid.visibility === 'veryHidden' ? 'VeryHidden' : this.grid.visibility === 'hidden' ? 'Hidden' : 'Visible';
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    void valuesOnly;
    let top = Infinity;
    let left = Infinity;
    this.grid.rows.forEach((line, r) => line?.forEach((c, j) => {
      if (c) {
        top = Math.min(top, r + 1);
        left = Math.min(left, j + 1);
      }
    }));
    if (top === Infinity) return new Range(this.ctx, this.grid, null);
    return new Range(this.ctx, this.grid, { top, left, bottom: this.grid.rowCount, right: this.grid.colCount });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): Range {
    return new Range(this.ctx, this.grid, { top: row + 1, left: col + 1, bottom: row + rows, right: col + cols });
  }
}

class Range extends Proxy {
  constructor(ctx: DoubleContext, private readonly grid: Grid, private readonly area: { top: number; left: number; bottom: number; right: number } | null) {
    super(ctx);
  }
  get isNullObject(): boolean { return this.get('isNullObject'); }
  get address(): string { return this.get('address'); }
  get rowIndex(): number { return this.get('rowIndex'); }
  get columnIndex(): number { return this.get('columnIndex'); }
  get rowCount(): number { return this.get('rowCount'); }
  get columnCount(): number { return this.get('columnCount'); }
  get values(): unknown[][] { return this.get('values'); }
  get text(): string[][] { return this.get('text'); }
  get numberFormat(): string[][] { return this.get('numberFormat'); }
  get formulas(): unknown[][] { return this.get('formulas'); }
  get valueTypes(): string[][] { return this.get('valueTypes'); }

  getMergedAreasOrNullObject(): RangeAreas {
    const a = this.area;
    const merges = a ? this.grid.merges.filter((m) => m.top >= a.top && m.bottom <= a.bottom && m.left >= a.left && m.right <= a.right) : [];
    return new RangeAreas(this.ctx, merges.map((m) => `${this.grid.name}!${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`));
  }

  private matrix<T>(f: (r: number, c: number) => T): T[][] {
    const a = this.area as NonNullable<Range['area']>;
    const out: T[][] = [];
    for (let r = a.top; r <= a.bottom; r++) {
      const line: T[] = [];
      for (let c = a.left; c <= a.right; c++) line.push(f(r, c));
      out.push(line);
    }
    return out;
  }

  protected override raw(prop: string): unknown {
    const a = this.area;
    if (prop === 'isNullObject') return a === null;
    if (!a) return undefined;
    const cell = (r: number, c: number) => getCell(this.grid, r, c);
    switch (prop) {
      case 'address': return `${this.grid.name}!${columnLetters(a.left)}${a.top}:${columnLetters(a.right)}${a.bottom}`;
      case 'rowIndex': return a.top - 1;
      case 'columnIndex': return a.left - 1;
      case 'rowCount': return a.bottom - a.top + 1;
      case 'columnCount': return a.right - a.left + 1;
      case 'values': return this.matrix((r, c) => {
        const v = cell(r, c)?.value;
        if (!v) return '';
        return v.kind === 'date' ? v.serial : v.value;
      });
      case 'text': return this.matrix((r, c) => cell(r, c)?.text ?? '');
      case 'numberFormat': return this.matrix((r, c) => cell(r, c)?.format ?? 'General');
      case 'formulas': return this.matrix((r, c) => {
        const x = cell(r, c);
        if (!x) return '';
        if (x.formula !== undefined) return `=${x.formula}`;
        return x.value.kind === 'date' ? x.value.serial : x.value.value;
      });
      case 'valueTypes': return this.matrix((r, c) => {
        const v = cell(r, c)?.value;
        if (!v) return 'Empty';
        return { number: 'Double', date: 'Double', string: 'String', boolean: 'Boolean', error: 'Error' }[v.kind];
      });
      default: return undefined;
    }
  }
}

class RangeAreas extends Proxy {
  constructor(ctx: DoubleContext, private readonly addresses: string[]) {
    super(ctx);
  }
  get isNullObject(): boolean { return this.get('isNullObject'); }
  get areas(): { items: Array<{ address: string }> } { return this.get('areas'); }
  protected override raw(prop: string): unknown {
    if (prop === 'isNullObject') return this.addresses.length === 0;
    if (prop === 'areas') return { items: this.addresses.map((address) => ({ address })) };
    return undefined;
  }
}
