/**
 * An EditPlan: what the add-in writes into a workbook, as data. A host applies a plan in one batch
 * and keeps a journal to revert it; nothing here knows which host that is.
 */
import { z } from 'zod';

const Color = z.string().regex(/^[0-9A-F]{6}$/, 'RRGGBB');

export const EditSchema = z.discriminatedUnion('kind', [
  /** A new sheet (the score summary). */
  z.object({ kind: z.literal('sheet'), sheet: z.string() }),
  /** One cell: a value or a formula (without `=`), with an optional number format and look. */
  z.object({
    kind: z.literal('cell'),
    sheet: z.string(),
    cell: z.string(),
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
    formula: z.string().optional(),
    numFmt: z.string().optional(),
    bold: z.boolean().optional(),
    fill: Color.optional(),
  }),
  z.object({ kind: z.literal('width'), sheet: z.string(), column: z.string(), width: z.number().positive() }),
  /** A conditional format: cells of `range` take `fill` (and `font`) where `formula` is true for their row. */
  z.object({
    kind: z.literal('highlight'),
    sheet: z.string(),
    range: z.string(),
    formula: z.string(),
    fill: Color,
    font: Color.optional(),
    priority: z.number().int().positive(),
  }),
  /** A dropdown of choices. */
  z.object({ kind: z.literal('choices'), sheet: z.string(), range: z.string(), choices: z.array(z.string()).min(1) }),
  /** A workbook-level defined name for a cell or range (`$B$2`, `$H$2:$H$20`). */
  z.object({ kind: z.literal('name'), name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/), sheet: z.string(), cell: z.string() }),
]);

export type Edit = z.infer<typeof EditSchema>;

export const EditPlanSchema = z.object({
  version: z.literal(1),
  /** Fixed as-of date, or absent for TODAY(). */
  asOf: z.string().optional(),
  edits: z.array(EditSchema),
});

export type EditPlan = z.infer<typeof EditPlanSchema>;

/** The defined name of the as-of date cell: every formula the plan writes reads it. */
export const AS_OF_NAME = 'resptable_asof';
