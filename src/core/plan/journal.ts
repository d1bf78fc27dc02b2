/**
 * The journal of an applied plan: what every touched thing was before, so that the host can put it
 * back exactly, and the settings (scoring policy, the user's column mapping) the plan was made with.
 * It lives inside the workbook (a very hidden sheet of JSON text), in one format every host reads.
 *
 * A journal is read from a workbook that anyone may have written, so it is verified before anything
 * is done with it (../plan/journal-verify): its schema is strict and bounded, and it carries a digest
 * over itself and over what apply wrote. Reading one never throws a zod dump or a JSON error at the
 * user: every problem is a JournalError with a message in both languages.
 */
import { z } from 'zod';
import { t, type Lang, type MessageKey } from '../i18n';
import { MappingSchema } from '../settings/mapping';
import { ScoringPolicySchema } from '../settings/scoring-policy';
import { LightsPolicySchema } from '../settings/lights-policy';
import { canonicalSha256 } from './digest';
import { EditPlanSchema, type EditPlan } from './plan';
import { ANCHOR_COLUMN, ANCHOR_ROWS } from './anchors';
import { columnLetters } from '../grid';

export const JOURNAL_SHEET = '_resptable_journal';
/** Cell text limit of Excel is 32767 characters; chunks stay well under it. */
export const JOURNAL_CHUNK = 30000;
/**
 * The mark of an apply under way: written into the journal sheet with the journal, before the
 * first edit, and cleared after the last. A journal sheet that still holds it belongs to an apply
 * that stopped half-way (a closed pane, a dropped session, a refused write), and is repaired on the
 * next open. It sits below the anchors' rows and beside the text column, as a plain text that no
 * reader of the journal's text or anchors takes in; a journal without it (every older one) is complete.
 */
export const JOURNAL_PENDING = { cell: `${columnLetters(ANCHOR_COLUMN)}${ANCHOR_ROWS + 1}`, mark: 'pending' } as const;
/** The journal format this version writes and reads. Version 1 had no digest. */
export const JOURNAL_VERSION = 2;

/** How much a journal may hold: well above what the largest real plan writes, far below harm. */
export const JOURNAL_LIMITS = {
  /** Characters of journal text (1,500 chunks). */
  text: 45_000_000,
  /** Edits of the plan: the bench's 100k node rows make about 230k. */
  edits: 600_000,
  /** Before-images of cells on the user's sheets. */
  cells: 400_000,
  /** Columns given a width, dropdown ranges, coloured sheets, names, sheets added. */
  widths: 3_000,
  validations: 400_000,
  highlights: 1_000,
  names: 16,
  sheetsAdded: 4,
  /** A rule group count before apply, per sheet. */
  countBefore: 100_000,
  /** Excel's own limits: column width in characters, text in a cell, a number format. */
  width: 255,
  text32k: 32_767,
  numFmt: 255,
} as const;

/** A problem with a journal, said in either language. */
export class JournalError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(t('en-US', key, params));
  }

  format(lang: Lang): string {
    return t(lang, this.key, this.params);
  }
}

const L = JOURNAL_LIMITS;
const A1 = /^\$?[A-Z]{1,3}\$?[1-9]\d{0,6}$/;
const Text = z.string().max(L.text32k);
const SheetName = z.string().min(1).max(31).regex(/^[^\\/?*[\]:]+$/);
const Cell = z.string().regex(A1);
const Column = z.string().regex(/^[A-Z]{1,3}$/);
const Range = z.string().regex(/^\$?[A-Z]{1,3}\$?[1-9]\d{0,6}(?::\$?[A-Z]{1,3}\$?[1-9]\d{0,6})?$/);

/** Parts of a style in the OOXML shape of ExcelJS; their own insides are data a host only copies. */
const StylePart = z.record(z.string(), z.unknown());
export const StyleSchema = z
  .object({
    numFmt: z.string().max(L.numFmt).optional(),
    font: StylePart.optional(),
    fill: StylePart.optional(),
    border: StylePart.optional(),
    alignment: StylePart.optional(),
    protection: StylePart.optional(),
  })
  .strict();

const ERRORS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!'] as const;
const Plain = z.union([z.null(), z.number().finite(), z.boolean(), Text]);
const DateValue = z.object({ $date: z.string().max(40).refine((s) => Number.isFinite(Date.parse(s)), 'a date') }).strict();
const ErrorValue = z.object({ error: z.enum(ERRORS) }).strict();
const RichText = z.object({ richText: z.array(z.object({ text: Text, font: StylePart.optional() }).strict()).max(1000) }).strict();
/** A formula's text is checked for what it reaches (./formula-reach) once the journal has parsed. */
const FormulaValue = z
  .object({
    formula: Text,
    result: z.union([Plain, ErrorValue, DateValue, z.string().max(40)]).optional(),
    shareType: z.literal('array').optional(),
    ref: Range.optional(),
  })
  .strict();

/**
 * What a cell held: its value as JSON (a date as `{ $date }`, a formula as `{ formula, result }`, rich
 * text as `{ richText }`) and its style. No hyperlinks and no shared formulas (whose text lives in
 * another cell): apply never writes over such a cell, so no true journal holds one.
 */
export const JournalBeforeImageSchema = z
  .object({
    value: z.union([Plain, DateValue, ErrorValue, RichText, FormulaValue]),
    style: StyleSchema.default({}),
    /** Set by a host that cannot see a whole style (Office.js): only number format, bold and fill count. */
    partial: z.boolean().optional(),
  })
  .strict();

/** A dropdown (or other data validation) as a host recorded it. */
export const ValidationBeforeSchema = z
  .object({
    type: z.enum(['list', 'whole', 'decimal', 'date', 'time', 'textLength', 'custom', 'any']),
    allowBlank: z.boolean().optional(),
    operator: z.string().max(40).optional(),
    showInputMessage: z.boolean().optional(),
    showErrorMessage: z.boolean().optional(),
    errorStyle: z.string().max(40).optional(),
    errorTitle: z.string().max(255).optional(),
    error: z.string().max(255).optional(),
    promptTitle: z.string().max(255).optional(),
    prompt: z.string().max(255).optional(),
    formulae: z.array(z.union([z.string().max(L.numFmt * 4), z.number().finite()])).max(2).optional(),
    /** What Office.js told of a kind it cannot put back; only that host reads it. */
    office: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/** A defined name's reference: a cell or range of one sheet of this workbook, or `#REF!`. */
export const NAME_REFERENCE = /^(?:(?:'(?:[^'[\]\\/?*:]|'')+'|[A-Za-z_\u00a0-\uffff][A-Za-z0-9_.\u00a0-\uffff]*)!(?:\$?[A-Z]{1,3}\$?[1-9]\d{0,6}(?::\$?[A-Z]{1,3}\$?[1-9]\d{0,6})?|#REF!)|#REF!)$/;

/** The names the add-in writes, and so the only ones a journal may take away or put back. */
export const OWN_NAME = /^resptable_[a-z0-9_]{1,40}$/;

const SettingsSchema = z.object({ policy: ScoringPolicySchema, mapping: MappingSchema.optional(), lang: z.enum(['zh-CN', 'en-US']), lights: LightsPolicySchema.optional() }).strict();

const JournalBody = {
  plan: EditPlanSchema,
  cells: z.array(z.object({ sheet: SheetName, cell: Cell, before: JournalBeforeImageSchema }).strict()).max(L.cells),
  widths: z.array(z.object({ sheet: SheetName, column: Column, before: z.number().min(0).max(L.width).nullable() }).strict()).max(L.widths),
  validations: z.array(z.object({ sheet: SheetName, range: Range, before: ValidationBeforeSchema.nullable() }).strict()).max(L.validations),
  highlights: z.array(z.object({ sheet: SheetName, countBefore: z.number().int().nonnegative().max(L.countBefore) }).strict()).max(L.highlights),
  names: z.array(z.object({ name: z.string().regex(OWN_NAME), before: z.array(z.string().max(300).regex(NAME_REFERENCE)).max(8) }).strict()).max(L.names),
  sheetsAdded: z.array(SheetName).max(L.sheetsAdded),
  /** The settings the plan was made with: the next apply, in any host, starts from them. */
  settings: SettingsSchema.optional(),
};

export const JournalSchema = z
  .object({
    version: z.literal(JOURNAL_VERSION),
    ...JournalBody,
    /** SHA-256 over the rest of the journal and what apply wrote (see `journalDigest`). */
    digest: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

export type Journal = z.infer<typeof JournalSchema>;
/** A journal as apply builds it, before it is sealed with its digest. */
export type JournalDraft = Omit<Journal, 'digest' | 'version'> & { version?: number };

type CellEdit = Extract<EditPlan['edits'][number], { kind: 'cell' }>;

/**
 * What apply wrote, from the plan, in the order a host writes it: each cell's final value or formula,
 * the sheets added and the names, with where they point. The digest covers it, and revert compares
 * the workbook with it (../plan/journal-verify).
 */
export function writtenByPlan(plan: EditPlan): {
  cells: Map<string, { sheet: string; cell: string; value?: CellEdit['value']; formula?: string; numFmt?: string }>;
  sheets: string[];
  names: Map<string, { sheet: string; cell: string }>;
} {
  const cells = new Map<string, { sheet: string; cell: string; value?: CellEdit['value']; formula?: string; numFmt?: string }>();
  const sheets: string[] = [];
  const names = new Map<string, { sheet: string; cell: string }>();
  for (const e of plan.edits) {
    if (e.kind === 'sheet') sheets.push(e.sheet);
    else if (e.kind === 'name') names.set(e.name, { sheet: e.sheet, cell: e.cell });
    else if (e.kind === 'cell') {
      const k = `${e.sheet}!${e.cell.replace(/\$/g, '')}`;
      const w = cells.get(k) ?? { sheet: e.sheet, cell: e.cell.replace(/\$/g, '') };
      if (e.formula !== undefined) {
        w.formula = e.formula;
        delete w.value;
      } else if (e.value !== undefined) {
        w.value = e.value;
        delete w.formula;
      }
      if (e.numFmt) w.numFmt = e.numFmt;
      cells.set(k, w);
    }
  }
  return { cells, sheets, names };
}

export function journalDigest(j: JournalDraft): string {
  const { cells, sheets, names } = writtenByPlan(j.plan);
  const body = { ...j, version: JOURNAL_VERSION, digest: undefined };
  return canonicalSha256({ journal: body, written: { cells: [...cells.values()], sheets, names: [...names] } });
}

/** The journal as kept: its version and digest set. */
export function sealJournal(j: JournalDraft): Journal {
  const { version: _v, ...rest } = j;
  return { version: JOURNAL_VERSION, ...rest, digest: journalDigest(j) };
}

export function journalChunks(j: Journal): string[] {
  const text = JSON.stringify(j);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += JOURNAL_CHUNK) out.push(text.slice(i, i + JOURNAL_CHUNK));
  return out;
}

function issuePath(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? issue.path.join('.') || '(top)' : '(top)';
}

/**
 * A journal from its text chunks, its schema and digest checked; a JournalError says what is wrong.
 * That it matches the workbook and stays within what the add-in writes is ../plan/journal-verify's.
 */
export function parseJournal(chunks: readonly string[]): Journal {
  const length = chunks.reduce((n, c) => n + c.length, 0);
  if (length > L.text) throw new JournalError('journal.too-large', { what: 'text', count: length, max: L.text });
  let raw: unknown;
  try {
    raw = JSON.parse(chunks.join(''));
  } catch {
    throw new JournalError('journal.damaged');
  }
  const version = typeof raw === 'object' && raw !== null ? (raw as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && version > JOURNAL_VERSION) throw new JournalError('journal.newer', { version, supported: JOURNAL_VERSION });
  if (version === 1) throw new JournalError('journal.unsealed');
  const parsed = JournalSchema.safeParse(raw);
  if (!parsed.success) {
    const path = issuePath(parsed.error);
    const tooMany = parsed.error.issues.find((i) => i.code === 'too_big' && i.path.length === 1);
    if (tooMany && tooMany.code === 'too_big') {
      const what = String(tooMany.path[0]);
      const count = Array.isArray((raw as Record<string, unknown>)[what]) ? ((raw as Record<string, unknown[]>)[what] as unknown[]).length : 0;
      throw new JournalError('journal.too-large', { what, count, max: Number(tooMany.maximum) });
    }
    throw new JournalError('journal.malformed', { path });
  }
  if (parsed.data.digest !== journalDigest(parsed.data)) throw new JournalError('journal.digest');
  return parsed.data;
}

/** What a host tells of the workbook before a plan is applied, for the journal to record. */
export interface BeforeState {
  /** Undefined when the host could not see the cell: no before-image is kept for it. */
  cell(sheet: string, cell: string): Journal['cells'][number]['before'] | undefined;
  /** A column's width in characters; null when it has none of its own. */
  width(sheet: string, column: string): number | null;
  validation(sheet: string, range: string): Journal['validations'][number]['before'];
  /** How many conditional formats the sheet has. */
  highlightCount(sheet: string): number;
  /** A workbook-wide name's references (`'Sheet 1'!$B$2`), none when it does not exist. */
  nameRanges(name: string): string[];
}

/**
 * The journal of applying `plan` to a workbook in the state `before` tells, as every host keeps it:
 * one before-image per cell, width, dropdown and name the plan touches on the user's sheets (the
 * first time it touches it: what the workbook held before apply), the conditional-format count of
 * each sheet it colours, the sheets it adds. The bookkeeping is here once, so that a journal fix
 * holds for the Office.js host, the workbench and the command line alike.
 */
export function draftJournal(plan: EditPlan, settings: Journal['settings'] | undefined, before: BeforeState): JournalDraft {
  const added = new Set<string>();
  for (const e of plan.edits) if (e.kind === 'sheet') added.add(e.sheet);
  const j: JournalDraft = { plan, cells: [], widths: [], validations: [], highlights: [], names: [], sheetsAdded: [...added] };
  if (settings) j.settings = settings;
  const seen = new Set<string>();
  const first = (key: string) => !seen.has(key) && Boolean(seen.add(key));
  for (const e of plan.edits) {
    switch (e.kind) {
      case 'cell':
        if (!added.has(e.sheet) && first(`${e.sheet}!${e.cell}`)) {
          const b = before.cell(e.sheet, e.cell);
          if (b) j.cells.push({ sheet: e.sheet, cell: e.cell, before: b });
        }
        break;
      case 'width':
        if (!added.has(e.sheet) && first(`${e.sheet}!${e.column}:width`)) j.widths.push({ sheet: e.sheet, column: e.column, before: before.width(e.sheet, e.column) });
        break;
      case 'choices':
        if (!added.has(e.sheet) && first(`${e.sheet}!${e.range}:validation`)) j.validations.push({ sheet: e.sheet, range: e.range, before: before.validation(e.sheet, e.range) });
        break;
      case 'highlight':
        if (!added.has(e.sheet) && first(`${e.sheet}:highlights`)) j.highlights.push({ sheet: e.sheet, countBefore: before.highlightCount(e.sheet) });
        break;
      case 'name':
        if (first(`name:${e.name}`)) j.names.push({ name: e.name, before: before.nameRanges(e.name) });
        break;
      case 'sheet':
        break;
    }
  }
  return j;
}
