/**
 * A user's correction of the recognizer: for a sheet and table, column → role, and where the
 * recognizer did not find the table (or found it wrong), the table's range and header rows. The
 * command line reads it from a file (`--mapping`); the task pane keeps the same object in the
 * workbook. A mapping written before ranges existed reads as it did: every new field is optional.
 */
import { z } from 'zod';
import { parseRange, rangeAddress } from '../grid/a1';
import { ROLES } from '../contract';

const ColumnLetters = z.string().regex(/^[A-Za-z]{1,3}$/, 'a column letter such as E');

const RoleChoice = z.union([
  z.enum(ROLES),
  z.null(),
  z.object({ role: z.enum(ROLES).nullable(), level: z.number().int().positive().optional() }),
]);

const RangeA1 = z
  .string()
  .regex(/^\$?[A-Za-z]{1,3}\$?[1-9]\d{0,6}(?::\$?[A-Za-z]{1,3}\$?[1-9]\d{0,6})?$/, 'a range such as B3:H40');

/** Header rows above this many are a selection mistake, not a header. */
export const MAX_HEADER_ROWS = 6;

export const TableMappingSchema = z
  .object({
    sheet: z.string().min(1),
    /**
     * 1-based position of the table in its sheet, top to bottom (tables set by range included).
     * Names the table only when no range is given: a range names its table itself.
     */
    table: z.number().int().positive().default(1),
    columns: z.record(ColumnLetters, RoleChoice).default({}),
    /** Plan year, when the sheet does not say it. */
    year: z.number().int().min(1990).max(2100).optional(),
    /** The table's cells, header included (`B3:H40`), when the user says where it is. */
    range: RangeA1.optional(),
    /** 1-based sheet rows of the header, one after another inside the range; absent: read from the range's top. */
    headerRows: z.array(z.number().int().positive()).min(1, 'at least one header row').max(MAX_HEADER_ROWS, `at most ${MAX_HEADER_ROWS} header rows`).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.headerRows === undefined) return;
    if (t.range === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['headerRows'], message: 'header rows are given with the range of their table' });
      return;
    }
    const area = parseRange(t.range);
    const rows = t.headerRows;
    rows.forEach((r, i) => {
      if (r < area.top || r > area.bottom) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['headerRows', i], message: `row ${r} is outside the range ${t.range}` });
      } else if (i > 0 && r !== (rows[i - 1] as number) + 1) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['headerRows', i], message: 'header rows follow one another (3, 4)' });
      }
    });
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

function addOverrides(out: Map<string, ColumnOverride>, t: TableMapping): void {
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

/** The overrides for the table at a position found by the recognizer, keyed by upper-case column letters. */
export function columnOverrides(mapping: Mapping | undefined, sheet: string, table: number): Map<string, ColumnOverride> {
  const out = new Map<string, ColumnOverride>();
  for (const t of mapping?.tables ?? []) if (t.range === undefined && t.sheet === sheet && t.table === table) addOverrides(out, t);
  return out;
}

/** The overrides of a table the user set by range. */
export function rangeOverrides(t: TableMapping): Map<string, ColumnOverride> {
  const out = new Map<string, ColumnOverride>();
  addOverrides(out, t);
  return out;
}

export function mappedYear(mapping: Mapping | undefined, sheet: string, table: number): number | undefined {
  return mapping?.tables.find((t) => t.range === undefined && t.sheet === sheet && t.table === table)?.year;
}

/** The tables of a sheet that the user set by range, in the mapping's order. */
export function rangedTables(mapping: Mapping | undefined, sheet: string): TableMapping[] {
  return (mapping?.tables ?? []).filter((t) => t.range !== undefined && t.sheet === sheet);
}

/** A range as the report writes it: upper case, no `$`, top-left first (`b9:$A$3` → `A3:B9`). */
export function normalRange(range: string): string {
  return rangeAddress(parseRange(range));
}
