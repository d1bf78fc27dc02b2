/**
 * The check report contract (`resptable check --json`), see ../shared/DESIGN.md. Every report is
 * validated against this schema before it is printed; `resptable schema` prints it as JSON Schema.
 * Fields that a stage has not computed are absent, never invented.
 */
import { z } from 'zod';
import { ROLES } from './roles';
import { LIGHT_PRESETS, LIGHTS } from './lights';

/** 序时进度 (see core/progress/elapsed.ts), when lights are computed: the elapsed share for a node (or task) with a due date, progress and light when it also has a progress. */
const LightFields = {
  elapsed: z.number().min(0).max(1).optional().describe('Share of its time window elapsed as of the report date (序时进度)'),
  progress: z.number().optional().describe('Progress read from its progress cell, 0–1'),
  light: z.enum(LIGHTS).optional().describe('The light of the lights policy for elapsed against progress'),
};

const SheetCell = z.string().describe('A sheet-qualified cell address, e.g. Sheet1!G31');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const DeadlinePartSchema = z.object({
  text: z.string(),
  start: IsoDate.optional(),
  end: IsoDate.optional(),
  invalid: z.string().optional().describe('Why the part is not a real date, e.g. day-out-of-range'),
});

export const DeadlineSchema = z.object({
  kind: z
    .enum(['date', 'range', 'period', 'dates', 'recurring', 'text', 'invalid'])
    .optional()
    .describe('Absent until deadline parsing has run'),
  start: IsoDate.optional(),
  end: IsoDate.optional().describe('When the node is due'),
  every: z.enum(['month', 'month-end', 'quarter', 'quarter-first-month', 'half-year', 'year', 'week']).optional(),
  noYear: z.literal(true).optional().describe('The text has no year and the table no plan year: no date is guessed'),
  parts: z.array(DeadlinePartSchema).optional().describe('The dates of a cell holding several, or an impossible one'),
  text: z.string(),
  cell: SheetCell,
});

export const NodeSchema = z.object({
  row: z.number().int().positive(),
  text: z.string().nullable(),
  deadline: DeadlineSchema.nullable(),
  status: z.string().nullable(),
  doneOn: IsoDate.optional().describe('Actual completion date, from a 实际完成时间 column'),
  impliedDue: IsoDate.optional().describe('The table has no deadline column: the node is due at the end of its plan year'),
  state: z.enum(['done', 'done_late', 'overdue', 'due_soon', 'pending', 'no_deadline']).optional(),
  score: z
    .object({
      basis: z.enum(['decided', 'open', 'unscorable']).describe('decided: done, done late or overdue; open: not yet due; unscorable: no deadline and no status'),
      share: z.number().describe("The node's share of its task's points"),
      earned: z.number().nullable().describe('What the node earned; null while it is open or unscorable'),
    })
    .optional(),
  ...LightFields,
});

export const ScoreSchema = z.object({
  earned: z.number().nullable().describe('Points earned; null when nothing is decided (no points, only the reason)'),
  max: z.number().describe('Full points: the weight, the declared total, or the equal share'),
  outOf: z.number().describe('The points the score is read against under the policy reading'),
  decided: z.number().describe('Points on nodes done, done late or overdue'),
  open: z.number().describe('Points on nodes not yet due'),
  unscorable: z.number().describe('Points on nodes with no deadline and no status'),
});

export const TaskSchema = z.object({
  rows: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  seq: z.string().nullable(),
  category: z.array(z.string()),
  title: z.string().nullable(),
  goal: z.string().nullable().optional(),
  lead: z.string().nullable().optional(),
  leader: z.string().nullable().optional(),
  owner: z.string().nullable().optional(),
  partner: z.string().nullable().optional(),
  weight: z.number().nullable().optional(),
  weightText: z.string().nullable().optional().describe('The weight cell as written, when it is not a plain number'),
  veto: z.boolean().optional(),
  nodes: z.array(NodeSchema),
  score: ScoreSchema.optional(),
  scoreFrom: z.literal('table').optional().describe("The task's points are the table's own 得分 cell, as written"),
  deduction: z.number().optional().describe('A 扣分制 item: its 扣分 cell as entered'),
  bonus: z.number().optional().describe('A 扣分制 item: its 加分 cell as entered'),
  ...LightFields,
});

export const ColumnSchema = z.object({
  column: z.string().regex(/^[A-Z]{1,3}$/),
  header: z.string().nullable(),
  role: z.enum(ROLES).nullable(),
  level: z.number().int().positive().optional(),
  confidence: z.number().min(0).max(1),
  why: z.string(),
});

export const CategorySchema = z.object({
  path: z.array(z.string()),
  label: z.string().describe('The category cell as written'),
  cell: SheetCell,
  declared: z.number().optional(),
  weightSum: z.number().optional(),
  tasks: z.number().int().nonnegative(),
  score: ScoreSchema.optional(),
});

export const TableSchema = z.object({
  range: z.string(),
  titleRows: z.array(z.number().int().positive()),
  headerRows: z.array(z.number().int().positive()),
  title: z.string().nullable(),
  year: z.number().int().nullable(),
  yearFrom: z.enum(['title', 'cells', 'settings']).optional(),
  /** Present when the user set the table's range (and header rows) in the mapping. */
  rangeFrom: z.enum(['settings']).optional(),
  confidence: z.number().min(0).max(1),
  columns: z.array(ColumnSchema),
  tasks: z.array(TaskSchema),
  categories: z.array(CategorySchema),
  score: ScoreSchema.optional(),
  /** How the scores are read (the policy's reading), when they are computed. */
  scoreReading: z.enum(['so-far', 'year-end']).optional(),
  /** The table has no weight column: every task got an equal share of the policy's total. */
  equalShares: z.literal(true).optional(),
  /** Why the table shows no points: nothing is decided. */
  noScore: z.enum(['not-yet-due', 'no-deadline-no-status', 'not-yet-due-or-no-deadline', 'no-deductions-yet']).optional(),
  /** Scoring rules the table states: a bonus cap in its 加分 header, a 扣分制 starting score in its title or preamble. */
  ownRules: z
    .object({
      bonusCap: z.number().optional().describe('A bonus cell counts for at most this (e.g. 加分（最高5分）)'),
      deductionBase: z.number().optional().describe('扣分制: the score a unit starts from (起评分), before deductions and bonuses'),
      itemDeductions: z.literal(true).optional().describe('扣分制 by item: each item scores its 分值 minus its 扣分, between 0 and its 分值, plus its bonus'),
    })
    .optional(),
  /** An as-of date stated in the title (截至10月31日, as at 31 March 2024): the default as-of when none is given. */
  asOfFromTitle: IsoDate.optional(),
  /** The date this table was scored as of, when it is its title's date rather than the report's. */
  asOf: IsoDate.optional(),
  /** Nodes per state as of the report's date. */
  states: z.record(z.enum(['done', 'done_late', 'overdue', 'due_soon', 'pending', 'no_deadline']), z.number().int().nonnegative()).optional(),
  /** A 一票否优 item is not done: not eligible for an excellent rating, whatever the points. */
  notEligibleForExcellence: z.boolean().optional(),
  /** 序时进度 lights, when a lights policy is given: the preset, the column read as progress, and nodes per light. */
  lights: z
    .object({
      preset: z.enum(LIGHT_PRESETS),
      progressColumn: z.string().regex(/^[A-Z]{1,3}$/).optional().describe('The column read as progress; absent: the status column apply adds'),
      counts: z.record(z.enum(LIGHTS), z.number().int().nonnegative()),
    })
    .optional(),
});

export const FixSchema = z.object({
  cell: SheetCell,
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
});

export const FindingSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  cell: SheetCell.optional(),
  sheet: z.string().optional(),
  found: z.string().optional(),
  expected: z.string().optional(),
  message: z.string(),
  fix: FixSchema.optional(),
});

export const SheetSchema = z.object({
  name: z.string(),
  hidden: z.boolean().optional(),
  tables: z.array(TableSchema),
});

export const FileReportSchema = z.object({
  file: z.string(),
  error: z.string().optional().describe('Set when the file could not be read; sheets is then empty'),
  sheets: z.array(SheetSchema),
  findings: z.array(FindingSchema),
});

export const ReportSchema = z.object({
  version: z.literal(1),
  asOf: IsoDate.optional(),
  lang: z.enum(['zh-CN', 'en-US']),
  files: z.array(FileReportSchema),
});

export type Deadline = z.infer<typeof DeadlineSchema>;
export type NodeReport = z.infer<typeof NodeSchema>;
export type TaskReport = z.infer<typeof TaskSchema>;
export type ColumnReport = z.infer<typeof ColumnSchema>;
export type CategoryReport = z.infer<typeof CategorySchema>;
export type TableReport = z.infer<typeof TableSchema>;
export type Finding = z.infer<typeof FindingSchema>;
export type Severity = Finding['severity'];
export type SheetReport = z.infer<typeof SheetSchema>;
export type FileReport = z.infer<typeof FileReportSchema>;
export type Report = z.infer<typeof ReportSchema>;

export function reportJsonSchema(): unknown {
  return z.toJSONSchema(ReportSchema, { target: 'draft-2020-12' });
}
