/**
 * What the page and the document worker say to each other: the page calls a method by name with its
 * arguments (one message), the worker answers once (a result or an error), and may send progress
 * and events (the workbook changed, the host selected a cell) before. A sheet's view crosses as its
 * head (columns, each row's number and height, the first rows) and then the rows the grid is about to
 * draw, a block at a time: a 20k-row view sent whole is a million objects for the page to take in
 * and collect, seconds of blocked page. The methods and their argument shapes are data (ARGS), checked by zod on arrival; values
 * coming back are checked as envelopes only, since a report or a view is large and is the worker's
 * own output.
 */
import { z } from 'zod';
import type { FileReport } from '../core/contract';
import type { Journal, EditPlan } from '../core/plan';
import type { StoredSettings } from '../core/settings/stored';
import type { CellFix, RevertOutcome } from '../hosts/host';
import type { AppliedSummary, WorkflowOptions } from '../hosts/workflow';
import type { RowView, SheetView, TabView } from './render-model';
import type { CfState } from './overlay';

/** The workbook as the page needs it besides the grid: its tabs, every sheet's name, the status bar's counts. */
export interface DocInfo {
  tabs: TabView[];
  /** Every sheet, hidden ones too (the Name Box may go to them). */
  sheets: string[];
  counts: Record<CfState, number> | null;
}

/** The workflow's options as they cross: everything but the progress callback (progress comes as messages). */
export type RemoteWorkflowOptions = Omit<WorkflowOptions, 'onProgress'>;

/** Each method: its arguments and what it answers. */
export interface DocumentApi {
  open(file: string, bytes: ArrayBuffer, today: string): DocInfo;
  /** The sheet's view as its head (null: no such sheet), and the info. */
  view(sheet: string): { view: ViewHead | null; info: DocInfo };
  /** Rows start..end-1 of the view `version` built; null when that view is no longer the latest (a change came). */
  rows(sheet: string, version: number, start: number, end: number): RowView[] | null;
  choices(sheet: string, row: number, col: number): string[] | null;
  displayedCell(sheet: string, a1: string): { row: number; col: number } | null;
  save(): ArrayBuffer;
  check(o: RemoteWorkflowOptions): { report: FileReport };
  applyWorkflow(o: RemoteWorkflowOptions): AppliedSummary;
  isApplied(): boolean;
  apply(plan: EditPlan, settings: NonNullable<Journal['settings']>): Journal;
  revert(): RevertOutcome | null;
  loadSettings(): StoredSettings | null;
  saveSettings(settings: StoredSettings): void;
  applyFixes(fixes: readonly CellFix[]): void;
  undoFixes(): number;
  select(address: string): void;
  selectCells(cells: readonly string[]): number;
  editCell(address: string, text: string): void;
}

export type Method = keyof DocumentApi;

const LANG = z.enum(['zh-CN', 'en-US']);
/** The workflow options' plain fields are checked; the mapping, policy and settings are the core's own (checked where they are read). */
const OPTIONS = z.looseObject({ lang: LANG, today: z.string(), asOf: z.string().optional(), asOfFromTitle: z.boolean().optional() });
const none = z.tuple([]);

/** The arguments each method takes, as checked when a call arrives. */
export const ARGS: Record<Method, z.ZodType<unknown[]>> = {
  open: z.tuple([z.string(), z.instanceof(ArrayBuffer), z.string()]),
  view: z.tuple([z.string()]),
  rows: z.tuple([z.string(), z.number().int(), z.number().int().nonnegative(), z.number().int().nonnegative()]),
  choices: z.tuple([z.string(), z.number().int().positive(), z.number().int().positive()]),
  displayedCell: z.tuple([z.string(), z.string()]),
  save: none,
  check: z.tuple([OPTIONS]),
  applyWorkflow: z.tuple([OPTIONS]),
  isApplied: none,
  apply: z.tuple([z.looseObject({ edits: z.array(z.unknown()) }), z.looseObject({ lang: LANG })]),
  revert: none,
  loadSettings: none,
  saveSettings: z.tuple([z.looseObject({})]),
  applyFixes: z.tuple([z.array(z.object({ cell: z.string(), value: z.union([z.string(), z.number()]) }))]),
  undoFixes: none,
  select: z.tuple([z.string()]),
  selectCells: z.tuple([z.array(z.string())]),
  editCell: z.tuple([z.string(), z.string()]),
};

export const METHODS = Object.keys(ARGS) as Method[];

export const CallSchema = z.object({
  kind: z.literal('call'),
  id: z.number().int(),
  method: z.enum(METHODS as [Method, ...Method[]]),
  args: z.array(z.unknown()),
});
export type Call = z.infer<typeof CallSchema>;

/**
 * A view without its rows: each row's number and explicit height (NaN: as tall as its text), and the
 * first rows, which are all of them for a sheet of up to HEAD_ROWS rows.
 */
export interface ViewHead extends Omit<SheetView, 'rows'> {
  /** Which build of the view this is: rows are asked for by it. */
  version: number;
  rowNumbers: Int32Array;
  heights: Float64Array;
  first: RowView[];
}

/** Rows sent with the head: a sheet up to this size arrives whole, in one message. */
export const HEAD_ROWS = 600;
/** Rows asked for at a time as the grid's window moves. */
export const ROWS_PER_BLOCK = 200;

const ErrorSchema = z.object({ name: z.string(), message: z.string(), reason: z.string().optional() });
export type WireError = z.infer<typeof ErrorSchema>;

export const ReplySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('result'), id: z.number().int(), value: z.unknown() }),
  z.object({ kind: z.literal('error'), id: z.number().int(), error: ErrorSchema }),
  z.object({ kind: z.literal('progress'), id: z.number().int(), done: z.number(), total: z.number() }),
  /** A slice of a long array cut out of the answer to call `id` (./parts): sent before the answer. */
  z.object({ kind: z.literal('part'), id: z.number().int(), ref: z.number().int().nonnegative(), items: z.array(z.unknown()), nested: z.boolean() }),
  /** The host changed the workbook (an edit, apply, revert, a fix): the page reads its view again. */
  z.object({ kind: z.literal('changed') }),
  /** The view changed without a change to the workbook (a check's findings to mark): drawn again, not an unsaved edit. */
  z.object({ kind: z.literal('redraw') }),
  /** The host selected a cell or a range for the pane (`select`, `selectCells`). */
  z.object({ kind: z.literal('select'), sheet: z.string(), cell: z.string() }),
]);
export type Reply = z.infer<typeof ReplySchema>;
