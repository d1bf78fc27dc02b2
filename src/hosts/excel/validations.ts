/**
 * Data validations between Office.js (`Range.dataValidation`: a type, one rule kind, ignoreBlanks,
 * errorAlert, prompt) and the journal's format, which is ExcelJS's model of the file (`type`,
 * `operator`, `formulae`, `allowBlank`, `showErrorMessage`…): so a validation this host recorded is
 * put back by either host, and one the xlsx host recorded by this one. Every kind is kept: a user's
 * date rule over a whole column, or a decimal range, is there again after revert.
 *
 * Office.js returns operands "always as a string formula" (`=10`, `=A1`); the file keeps numbers
 * as numbers and, for dates, ExcelJS reads a date (JSON: its instant), so the journal does the same.
 */
import type { JournalDraft } from '../../core/plan/journal';
import { isoToSerial, serialToInstant } from '../../core/dates';

export type ValidationBefore = NonNullable<JournalDraft['validations'][number]['before']>;

/** What to load of a range's dataValidation to record it. */
export const VALIDATION_LOAD = 'type,rule,ignoreBlanks,errorAlert,prompt';

/** Office.js rule kinds and types, and the file's names for them. */
const KINDS = [
  { key: 'wholeNumber', type: 'WholeNumber', file: 'whole' },
  { key: 'decimal', type: 'Decimal', file: 'decimal' },
  { key: 'textLength', type: 'TextLength', file: 'textLength' },
  { key: 'date', type: 'Date', file: 'date' },
  { key: 'time', type: 'Time', file: 'time' },
  { key: 'list', type: 'List', file: 'list' },
  { key: 'custom', type: 'Custom', file: 'custom' },
] as const;

type Kind = (typeof KINDS)[number];

const OPERATORS: ReadonlyArray<readonly [string, string]> = [
  ['Between', 'between'],
  ['NotBetween', 'notBetween'],
  ['EqualTo', 'equal'],
  ['NotEqualTo', 'notEqual'],
  ['GreaterThan', 'greaterThan'],
  ['LessThan', 'lessThan'],
  ['GreaterThanOrEqualTo', 'greaterThanOrEqual'],
  ['LessThanOrEqualTo', 'lessThanOrEqual'],
];

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** An operand as the file keeps it: a number, a date's instant, or a formula's text without `=`. */
function fileOperand(v: unknown, kind: Kind): string | number {
  const text = typeof v === 'number' ? String(v) : String(v ?? '').replace(/^=/, '');
  if (!NUMBER.test(text)) return text;
  const n = Number(text);
  return kind.key === 'date' ? serialToInstant(n) : n;
}

/** An operand as Office.js takes it: a number, or a string formula (a date as its serial). */
function officeOperand(v: string | number, kind: Kind): string | number {
  if (typeof v === 'number') return v;
  if (kind.key === 'date' && /^\d{4}-\d{2}-\d{2}/.test(v)) return `=${isoToSerial(v)}`;
  return NUMBER.test(v) ? Number(v) : `=${v.replace(/^=/, '')}`;
}

/**
 * A loaded dataValidation (VALIDATION_LOAD) as the journal keeps it; null when the range has none.
 * The plan's dropdowns are single cells, whose rule is never Inconsistent or MixedCriteria.
 */
export function validationBefore(dv: Excel.DataValidation): ValidationBefore | null {
  const kind = KINDS.find((k) => k.type === dv.type);
  const rule = kind ? (dv.rule as unknown as Record<string, Record<string, unknown> | undefined>)[kind.key] : undefined;
  if (!kind || !rule) return null;
  let formulae: Array<string | number>;
  let operator: string | undefined;
  if (kind.key === 'list') {
    const source = String(rule.source ?? '');
    formulae = [source.startsWith('=') ? source.slice(1) : `"${source}"`];
  } else if (kind.key === 'custom') {
    formulae = [String(rule.formula ?? '').replace(/^=/, '')];
  } else {
    operator = OPERATORS.find(([o]) => o === rule.operator)?.[1] ?? 'between';
    formulae = [fileOperand(rule.formula1, kind), ...(rule.formula2 !== undefined && rule.formula2 !== null && rule.formula2 !== '' ? [fileOperand(rule.formula2, kind)] : [])];
  }
  const out: ValidationBefore = { type: kind.file, allowBlank: dv.ignoreBlanks, formulae };
  if (operator) out.operator = operator;
  // Only what differs from the file's defaults, as ExcelJS would read it.
  const alert = dv.errorAlert;
  if (alert?.showAlert) out.showErrorMessage = true;
  if (alert?.style && alert.style !== 'Stop') out.errorStyle = alert.style.toLowerCase();
  if (alert?.title) out.errorTitle = alert.title;
  if (alert?.message) out.error = alert.message;
  const prompt = dv.prompt;
  if (prompt?.showPrompt) out.showInputMessage = true;
  if (prompt?.title) out.promptTitle = prompt.title;
  if (prompt?.message) out.prompt = prompt.message;
  return out;
}

/** The Office.js rule of a journal's validation; null for a kind it has none for (`any`). */
export function officeRule(before: ValidationBefore): Excel.DataValidationRule | null {
  // A journal of an older version of this host kept Office's own rule.
  if (before.office) return before.office as Excel.DataValidationRule;
  const kind = KINDS.find((k) => k.file === before.type);
  if (!kind) return null;
  const f = before.formulae ?? [];
  if (kind.key === 'list') {
    const s = String(f[0] ?? '');
    return { list: { inCellDropDown: true, source: s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : `=${s}` } };
  }
  if (kind.key === 'custom') return { custom: { formula: `=${String(f[0] ?? '').replace(/^=/, '')}` } };
  const operator = (OPERATORS.find(([, file]) => file === (before.operator ?? 'between'))?.[0] ?? 'Between') as Excel.DataValidationOperator;
  const two = operator === 'Between' || operator === 'NotBetween';
  const basic = {
    operator,
    formula1: officeOperand(f[0] ?? '', kind),
    ...(two && f[1] !== undefined ? { formula2: officeOperand(f[1], kind) } : {}),
  };
  return { [kind.key]: basic } as Excel.DataValidationRule;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Queues putting a journal's validation back (null: none), over whatever the range has now. */
export function restoreValidation(dv: Excel.DataValidation, before: ValidationBefore | null): void {
  dv.clear();
  const rule = before ? officeRule(before) : null;
  if (!before || !rule) return;
  dv.rule = rule;
  dv.ignoreBlanks = before.allowBlank ?? false;
  dv.errorAlert = {
    showAlert: before.showErrorMessage ?? false,
    style: capital(before.errorStyle ?? 'stop') as Excel.DataValidationAlertStyle,
    title: before.errorTitle ?? '',
    message: before.error ?? '',
  };
  dv.prompt = { showPrompt: before.showInputMessage ?? false, title: before.promptTitle ?? '', message: before.prompt ?? '' };
}
