/**
 * A user's role choice in the pane → the kept settings, merged: the other tables' and columns'
 * choices, the policy and the fixes log stay as they were kept.
 */
import type { Role } from '../core/recognize/roles';
import type { Mapping, TableMapping } from '../core/settings/mapping';
import type { StoredSettings } from '../core/settings/stored';

export interface ColumnChoice {
  sheet: string;
  /** 1-based position of the table on its sheet, as the mapping counts it. */
  table: number;
  /** Column letters, e.g. `E`. */
  column: string;
  role: Role | null;
}

export function withColumnRole(kept: StoredSettings | null, choice: ColumnChoice): StoredSettings {
  const base: StoredSettings = kept ?? { version: 1, fixes: [] };
  const tables: TableMapping[] = base.mapping?.tables ?? [];
  const at = tables.findIndex((t) => t.sheet === choice.sheet && t.table === choice.table);
  const prev: TableMapping = at >= 0 ? (tables[at] as TableMapping) : { sheet: choice.sheet, table: choice.table, columns: {} };
  const column = choice.column.toUpperCase();
  // A mapping written by hand may spell the column in lower case; one entry per column is kept.
  const columns: TableMapping['columns'] = {};
  for (const [col, c] of Object.entries(prev.columns)) if (col.toUpperCase() !== column) columns[col] = c;
  columns[column] = choice.role;
  const next: TableMapping = { ...prev, columns };
  const mapping: Mapping = { version: 1, tables: at >= 0 ? tables.map((t, i) => (i === at ? next : t)) : [...tables, next] };
  return { ...base, mapping };
}
