/**
 * A user's correction in the pane → the kept settings, merged: the other tables' and columns'
 * choices, the policy and the fixes log stay as they were kept. Corrections are a column's role (or
 * back to automatic), a table's range ("use selection as the table"), its header rows, and a table
 * handed back to the recognizer.
 */
import { columnNumber, parseRange, type RangeRef } from '../core/grid';
import type { Role } from '../core/contract';
import { normalRange, type Mapping, type TableMapping } from '../core/settings/mapping';
import type { StoredSettings } from '../core/settings/stored';

/** The role choice that takes a column's override away: the recognizer reads it again. */
export const AUTO = 'auto';

/** Which table a correction is for: by range when the user placed it, else by its position. */
export interface TableRef {
  sheet: string;
  /** 1-based position of the table on its sheet, as the mapping counts it. */
  table: number;
  /** The range the user set for this table, when they did (the report's `rangeFrom: settings`). */
  range?: string;
}

export interface ColumnChoice extends TableRef {
  /** Column letters, e.g. `E`. */
  column: string;
  role: Role | null | typeof AUTO;
}

/** A table as the pane shows it: where it is on its sheet, and whether the user placed it. */
export interface SheetTable {
  index: number;
  range: string;
  placed: boolean;
}

const base = (kept: StoredSettings | null): StoredSettings => kept ?? { version: 1, fixes: [] };

function sameTable(t: TableMapping, ref: TableRef): boolean {
  if (t.sheet !== ref.sheet) return false;
  return ref.range !== undefined ? t.range !== undefined && normalRange(t.range) === normalRange(ref.range) : t.range === undefined && t.table === ref.table;
}

/** The kept entry for a table, if any. */
export function entryFor(mapping: Mapping | null | undefined, ref: TableRef): TableMapping | undefined {
  return mapping?.tables.find((t) => sameTable(t, ref));
}

/** Upper-case letters of the columns whose role the user set for this table. */
export function overriddenColumns(mapping: Mapping | null | undefined, ref: TableRef): Set<string> {
  return new Set(Object.keys(entryFor(mapping, ref)?.columns ?? {}).map((c) => c.toUpperCase()));
}

/** An entry with nothing left in it (no role, range or year) is dropped, so the settings stay as small as what the user chose. */
const isEmpty = (t: TableMapping): boolean => Object.keys(t.columns).length === 0 && t.range === undefined && t.year === undefined;

function withTables(kept: StoredSettings | null, tables: TableMapping[]): StoredSettings {
  const b = base(kept);
  const left = tables.filter((t) => !isEmpty(t));
  const next: StoredSettings = { ...b, mapping: { version: 1, tables: left } };
  if (left.length === 0) delete next.mapping;
  return next;
}

export function withColumnRole(kept: StoredSettings | null, choice: ColumnChoice): StoredSettings {
  const tables: TableMapping[] = base(kept).mapping?.tables ?? [];
  const at = tables.findIndex((t) => sameTable(t, choice));
  const prev: TableMapping =
    at >= 0 ? (tables[at] as TableMapping) : { sheet: choice.sheet, table: choice.table, columns: {}, ...(choice.range ? { range: choice.range } : {}) };
  const column = choice.column.toUpperCase();
  // A mapping written by hand may spell the column in lower case; one entry per column is kept.
  const columns: TableMapping['columns'] = {};
  for (const [col, c] of Object.entries(prev.columns)) if (col.toUpperCase() !== column) columns[col] = c;
  if (choice.role !== AUTO) columns[column] = choice.role;
  const next: TableMapping = { ...prev, columns };
  return withTables(kept, at >= 0 ? tables.map((t, i) => (i === at ? next : t)) : [...tables, next]);
}

function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Column choices that lie inside the area, carried from a table it replaces. */
function columnsInside(columns: TableMapping['columns'], area: RangeRef): TableMapping['columns'] {
  const out: TableMapping['columns'] = {};
  for (const [col, c] of Object.entries(columns)) {
    const n = columnNumber(col);
    if (n >= area.left && n <= area.right) out[col.toUpperCase()] = c;
  }
  return out;
}

export interface RangeChoice {
  sheet: string;
  range: string;
  /** Sheet rows of the header; absent: read from the range's top. */
  headerRows?: number[];
  /** The tables the pane shows on that sheet now, to keep the others' choices on the right tables. */
  current: readonly SheetTable[];
}

/**
 * "This is the table": the range becomes a table of its own. The tables it overlaps give way (their
 * column choices inside the range and their year come with it); the mapping's position numbers of
 * the other tables on the sheet are renumbered, since the placed table takes its place among them.
 */
export function withTableRange(kept: StoredSettings | null, choice: RangeChoice): StoredSettings {
  const area = parseRange(choice.range);
  const range = normalRange(choice.range);
  const all: TableMapping[] = base(kept).mapping?.tables ?? [];
  const replaced = choice.current.filter((t) => overlaps(parseRange(t.range), area));
  const remaining = choice.current.filter((t) => !replaced.includes(t));
  const order = [...remaining.map((t) => ({ t, area: parseRange(t.range) })), { t: null, area }].sort(
    (a, b) => a.area.top - b.area.top || a.area.left - b.area.left,
  );
  const position = (t: SheetTable | null) => order.findIndex((o) => o.t === t) + 1;
  const renumber = new Map(remaining.filter((t) => !t.placed).map((t) => [t.index, position(t)]));

  let columns: TableMapping['columns'] = {};
  let year: number | undefined;
  const out: TableMapping[] = [];
  for (const t of all) {
    if (t.sheet !== choice.sheet) {
      out.push(t);
      continue;
    }
    const gone = t.range !== undefined ? overlaps(parseRange(t.range), area) : replaced.some((r) => !r.placed && r.index === t.table);
    if (gone) {
      columns = { ...columns, ...columnsInside(t.columns, area) };
      year ??= t.year;
      continue;
    }
    out.push(t.range === undefined && renumber.has(t.table) ? { ...t, table: renumber.get(t.table) as number } : t);
  }
  const next: TableMapping = { sheet: choice.sheet, table: position(null), columns, range };
  if (choice.headerRows) next.headerRows = choice.headerRows;
  if (year !== undefined) next.year = year;
  return withTables(kept, [...out, next]);
}

/**
 * The header rows of a table: kept on the table the user placed, or, for one the recognizer found,
 * the table is placed at the range it was found at, with those header rows.
 */
export function withHeaderRows(kept: StoredSettings | null, ref: TableRef & { tableRange: string; current: readonly SheetTable[] }, headerRows: number[]): StoredSettings {
  const tables: TableMapping[] = base(kept).mapping?.tables ?? [];
  if (ref.range !== undefined) {
    const at = tables.findIndex((t) => sameTable(t, ref));
    if (at >= 0) return withTables(kept, tables.map((t, i) => (i === at ? { ...t, headerRows } : t)));
  }
  return withTableRange(kept, { sheet: ref.sheet, range: ref.tableRange, headerRows, current: ref.current });
}

/** The table handed back to the recognizer: its range, header rows and the column choices made for it go. */
export function withoutTableRange(kept: StoredSettings | null, ref: { sheet: string; range: string }): StoredSettings {
  const tables: TableMapping[] = base(kept).mapping?.tables ?? [];
  return withTables(kept, tables.filter((t) => !sameTable(t, { sheet: ref.sheet, table: 0, range: ref.range })));
}
