/**
 * An EditPlan: what the add-in writes into a workbook, as data. A host applies a plan in one batch
 * and keeps a journal to revert it; nothing here knows which host that is.
 */
import { z } from 'zod';

const Color = z.string().regex(/^[0-9A-F]{6}$/, 'RRGGBB');

/**
 * Bounds a plan read back from a workbook (inside a journal) must keep: Excel's own limits on a
 * sheet name, a cell's text, a column width; and no more choices than a dropdown shows.
 */
const Sheet = z.string().min(1).max(31);
const A1 = z.string().regex(/^\$?[A-Z]{1,3}\$?[1-9]\d{0,6}$/);
const Range = z.string().regex(/^\$?[A-Z]{1,3}\$?[1-9]\d{0,6}(?::\$?[A-Z]{1,3}\$?[1-9]\d{0,6})?$/);
const Formula = z.string().max(32_767);

/**
 * What a formula cell of the plan computes, so that a view that cannot evaluate formulas (the
 * workbench) shows the core's number for it by lookup: a task's score or one of its node counts
 * (the task named by its sheet and first row), a category's or a table's points (the table named by
 * its sheet and range), or the as-of date.
 */
export const ComputesSchema = z.discriminatedUnion('what', [
  z.object({
    what: z.literal('task'),
    sheet: Sheet,
    row: z.number().int().positive().max(1_048_576),
    /** Absent: the task's score. */
    part: z.enum(['decided', 'open', 'unscorable', 'veto']).optional(),
  }).strict(),
  z.object({ what: z.literal('category'), sheet: Sheet, table: Range, path: z.array(z.string().max(32_767)).min(1).max(64) }).strict(),
  z.object({ what: z.literal('total'), sheet: Sheet, table: Range }).strict(),
  z.object({ what: z.literal('as-of') }).strict(),
]);

export type Computes = z.infer<typeof ComputesSchema>;

export const EditSchema = z.discriminatedUnion('kind', [
  /** A new sheet (the score summary). */
  z.object({ kind: z.literal('sheet'), sheet: Sheet }).strict(),
  /** One cell: a value or a formula (without `=`), with an optional number format and look. */
  z.object({
    kind: z.literal('cell'),
    sheet: Sheet,
    cell: A1,
    value: z.union([z.string().max(32_767), z.number().finite(), z.boolean(), z.null()]).optional(),
    formula: Formula.optional(),
    numFmt: z.string().max(255).optional(),
    bold: z.boolean().optional(),
    fill: Color.optional(),
    computes: ComputesSchema.optional(),
  }).strict(),
  z.object({ kind: z.literal('width'), sheet: Sheet, column: z.string().regex(/^[A-Z]{1,3}$/), width: z.number().positive().max(255) }).strict(),
  /** A conditional format: cells of `range` take `fill` (and `font`) where `formula` is true for their row. */
  z.object({
    kind: z.literal('highlight'),
    sheet: Sheet,
    range: Range,
    formula: Formula,
    fill: Color,
    font: Color.optional(),
    priority: z.number().int().positive().max(10_000),
  }).strict(),
  /** A dropdown of choices. */
  z.object({ kind: z.literal('choices'), sheet: Sheet, range: Range, choices: z.array(z.string().max(255)).min(1).max(64) }).strict(),
  /** A workbook-level defined name for a cell or range (`$B$2`, `$H$2:$H$20`). */
  z.object({ kind: z.literal('name'), name: z.string().max(255).regex(/^[A-Za-z_][A-Za-z0-9_.]*$/), sheet: Sheet, cell: Range }).strict(),
]);

export type Edit = z.infer<typeof EditSchema>;

export const EditPlanSchema = z.object({
  version: z.literal(1),
  /** Fixed as-of date, or absent for TODAY(). */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Bounded: the bench's 100k node rows make about 230k edits. */
  edits: z.array(EditSchema).max(600_000),
}).strict();

export type EditPlan = z.infer<typeof EditPlanSchema>;

/** The defined name of the as-of date cell: every formula the plan writes reads it. */
export const AS_OF_NAME = 'resptable_asof';
