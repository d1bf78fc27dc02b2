/**
 * A user's correction of the recognizer: for a sheet and table, column → role. The command line
 * reads it from a file (`--mapping`); the task pane keeps the same object in the workbook.
 */
import { z } from 'zod';
import { ROLES } from '../recognize/roles';

const ColumnLetters = z.string().regex(/^[A-Za-z]{1,3}$/, 'a column letter such as E');

const RoleChoice = z.union([
  z.enum(ROLES),
  z.null(),
  z.object({ role: z.enum(ROLES).nullable(), level: z.number().int().positive().optional() }),
]);

export const TableMappingSchema = z.object({
  sheet: z.string().min(1),
  /** 1-based position of the table in its sheet, top to bottom. */
  table: z.number().int().positive().default(1),
  columns: z.record(ColumnLetters, RoleChoice),
  /** Plan year, when the sheet does not say it. */
  year: z.number().int().min(1990).max(2100).optional(),
});

export const MappingSchema = z.object({
  version: z.literal(1).default(1),
  tables: z.array(TableMappingSchema),
});

export type Mapping = z.infer<typeof MappingSchema>;
export type TableMapping = z.infer<typeof TableMappingSchema>;

export interface ColumnOverride {
  role: (typeof ROLES)[number] | null;
  level?: number;
}

/** The overrides for one table, keyed by upper-case column letters. */
export function columnOverrides(mapping: Mapping | undefined, sheet: string, table: number): Map<string, ColumnOverride> {
  const out = new Map<string, ColumnOverride>();
  for (const t of mapping?.tables ?? []) {
    if (t.sheet !== sheet || t.table !== table) continue;
    for (const [col, choice] of Object.entries(t.columns)) {
      const o: ColumnOverride =
        choice === null || typeof choice === 'string'
          ? { role: choice }
          : choice.level !== undefined
            ? { role: choice.role, level: choice.level }
            : { role: choice.role };
      out.set(col.toUpperCase(), o);
    }
  }
  return out;
}

export function mappedYear(mapping: Mapping | undefined, sheet: string, table: number): number | undefined {
  return mapping?.tables.find((t) => t.sheet === sheet && t.table === table)?.year;
}
