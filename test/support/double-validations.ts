/**
 * Data validations in the Excel API double, kept as Excel keeps them: rules over rectangular areas
 * (a whole column is one area, not a million cells), each with the shape Office.js's DataValidation
 * shows (https://learn.microsoft.com/javascript/api/excel/excel.datavalidation):
 * - `type`: WholeNumber, Decimal, List, Date, Time, TextLength, Custom; over a range read as one,
 *   `None` when no cell has a rule, `MixedCriteria` when some cells have one and others none,
 *   `Inconsistent` when the cells' rules differ (Excel.DataValidationType);
 * - `rule`: exactly one of `wholeNumber`, `decimal`, `textLength`, `date`, `time` (operator,
 *   formula1, formula2), `list` (source, inCellDropDown) or `custom` (formula); formulas "will always
 *   be returned as a string formula, for example: "=10", "=A1"" (Excel.BasicDataValidation), a date
 *   as its serial number; a rule with two kinds set is refused;
 * - `ignoreBlanks` (default true), `errorAlert` (showAlert default true, style Stop) and `prompt`.
 * Setting a rule on part of an area splits it; what is outside the range keeps its rule.
 */
import { cellAddress, columnNumber, parseRange, type RangeRef } from '../../src/core/grid';
import { dateToSerial } from '../../src/core/dates';

export type DvType = 'WholeNumber' | 'Decimal' | 'List' | 'Date' | 'Time' | 'TextLength' | 'Custom';

export interface DValidation {
  type: DvType;
  /** One key, as Office.js writes it: `{ decimal: { operator, formula1: '=0', formula2: '=100' } }`. */
  rule: Record<string, Record<string, unknown>>;
  ignoreBlanks: boolean;
  errorAlert: { message: string; showAlert: boolean; style: string; title: string };
  prompt: { message: string; showPrompt: boolean; title: string };
}

export interface DvArea {
  area: RangeRef;
  v: DValidation;
}

/** Office.js's rule keys and types, and ExcelJS's (the file's) names for them. */
const KINDS: ReadonlyArray<{ key: string; type: DvType; file: string }> = [
  { key: 'wholeNumber', type: 'WholeNumber', file: 'whole' },
  { key: 'decimal', type: 'Decimal', file: 'decimal' },
  { key: 'textLength', type: 'TextLength', file: 'textLength' },
  { key: 'date', type: 'Date', file: 'date' },
  { key: 'time', type: 'Time', file: 'time' },
  { key: 'list', type: 'List', file: 'list' },
  { key: 'custom', type: 'Custom', file: 'custom' },
];

const OPERATORS: ReadonlyArray<[string, string]> = [
  ['Between', 'between'],
  ['NotBetween', 'notBetween'],
  ['EqualTo', 'equal'],
  ['NotEqualTo', 'notEqual'],
  ['GreaterThan', 'greaterThan'],
  ['LessThan', 'lessThan'],
  ['GreaterThanOrEqualTo', 'greaterThanOrEqual'],
  ['LessThanOrEqualTo', 'lessThanOrEqual'],
];

export class DvError extends Error {}

const DEFAULT_ALERT = { message: '', showAlert: true, style: 'Stop', title: '' };
const DEFAULT_PROMPT = { message: '', showPrompt: false, title: '' };

/** A formula operand as Excel returns it: `=10`, `=A1`; a date (Date or ISO text) as `=serial`. */
function operand(v: unknown, date: boolean): string {
  if (v instanceof Date) return `=${dateToSerial(v)}`;
  if (typeof v === 'number') return `=${v}`;
  if (typeof v !== 'string') throw new DvError(`a formula operand of type ${typeof v}`);
  if (v.startsWith('=')) return v;
  if (date && /^\d{4}-\d{2}-\d{2}/.test(v)) return `=${dateToSerial(new Date(v.length === 10 ? `${v}T00:00:00Z` : v))}`;
  if (/^[+-]?\d+(\.\d+)?$/.test(v)) return `=${Number(v)}`;
  throw new DvError(`the operand "${v}" is neither a number nor a formula`);
}

/** A rule as given to `DataValidation.rule`, as Excel keeps it; throws as Excel does on a bad one. */
export function normalRule(rule: Record<string, unknown>): { type: DvType; rule: DValidation['rule'] } {
  const keys = Object.keys(rule).filter((k) => rule[k] !== undefined);
  if (keys.length !== 1) throw new DvError(`a rule with ${keys.length} kinds (${keys.join(', ')})`);
  const key = keys[0] as string;
  const kind = KINDS.find((k) => k.key === key);
  if (!kind) throw new DvError(`no rule kind "${key}"`);
  const r = rule[key] as Record<string, unknown>;
  if (key === 'list') {
    if (typeof r.source !== 'string') throw new DvError('a list without a source');
    return { type: kind.type, rule: { list: { source: r.source, inCellDropDown: r.inCellDropDown !== false } } };
  }
  if (key === 'custom') {
    if (typeof r.formula !== 'string') throw new DvError('a custom rule without a formula');
    return { type: kind.type, rule: { custom: { formula: r.formula.startsWith('=') ? r.formula : `=${r.formula}` } } };
  }
  const operator = String(r.operator);
  if (!OPERATORS.some(([o]) => o === operator)) throw new DvError(`no operator "${operator}"`);
  const date = key === 'date';
  const two = operator === 'Between' || operator === 'NotBetween';
  if (two && r.formula2 === undefined) throw new DvError(`${operator} without formula2`);
  return { type: kind.type, rule: { [key]: { operator, formula1: operand(r.formula1, date), ...(two ? { formula2: operand(r.formula2, date) } : {}) } } };
}

export function newValidation(rule: Record<string, unknown>, old?: DValidation): DValidation {
  const n = normalRule(rule);
  return { ...n, ignoreBlanks: old?.ignoreBlanks ?? true, errorAlert: { ...(old?.errorAlert ?? DEFAULT_ALERT) }, prompt: { ...(old?.prompt ?? DEFAULT_PROMPT) } };
}

/** ExcelJS's model of one validation (what a file holds), as Excel shows it once opened. */
export interface FileValidation {
  type?: string;
  operator?: string;
  allowBlank?: boolean;
  formulae?: unknown[];
  showErrorMessage?: boolean;
  errorStyle?: string;
  errorTitle?: string;
  error?: string;
  showInputMessage?: boolean;
  promptTitle?: string;
  prompt?: string;
}

export function fromFile(m: FileValidation): DValidation | null {
  const kind = KINDS.find((k) => k.file === m.type);
  if (!kind) return null;
  const f = m.formulae ?? [];
  const text = (x: unknown) => (x instanceof Date ? `=${dateToSerial(x)}` : typeof x === 'number' ? `=${x}` : `=${String(x)}`);
  let rule: DValidation['rule'];
  if (kind.key === 'list') {
    const s = String(f[0] ?? '');
    rule = { list: { source: s.startsWith('"') ? s.slice(1, -1) : `=${s}`, inCellDropDown: true } };
  } else if (kind.key === 'custom') rule = { custom: { formula: text(f[0]) } };
  else {
    const operator = OPERATORS.find(([, file]) => file === (m.operator ?? 'between'))?.[0] ?? 'Between';
    const two = operator === 'Between' || operator === 'NotBetween';
    rule = { [kind.key]: { operator, formula1: text(f[0]), ...(two ? { formula2: text(f[1]) } : {}) } };
  }
  return {
    type: kind.type,
    rule,
    ignoreBlanks: m.allowBlank ?? false,
    errorAlert: { message: m.error ?? '', showAlert: m.showErrorMessage ?? false, style: cap(m.errorStyle ?? 'stop'), title: m.errorTitle ?? '' },
    prompt: { message: m.prompt ?? '', showPrompt: m.showInputMessage ?? false, title: m.promptTitle ?? '' },
  };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A validation as ExcelJS writes it into a file. */
export function toFile(v: DValidation): FileValidation {
  const kind = KINDS.find((k) => k.type === v.type) as (typeof KINDS)[number];
  const r = v.rule[kind.key] as Record<string, unknown>;
  const bare = (x: unknown) => String(x).replace(/^=/, '');
  let formulae: unknown[];
  if (kind.key === 'list') {
    const s = String(r.source);
    formulae = [s.startsWith('=') ? s.slice(1) : `"${s}"`];
  } else if (kind.key === 'custom') formulae = [bare(r.formula)];
  else {
    const num = (x: unknown) => (/^[+-]?\d+(\.\d+)?$/.test(bare(x)) ? Number(bare(x)) : bare(x));
    // ExcelJS writes a date operand through `new Date(…)`: it is given as an instant.
    const date = (x: unknown) => new Date(Math.round((Number(bare(x)) - 25569) * 86_400_000)).toISOString();
    formulae = [r.formula1, ...(r.formula2 !== undefined ? [r.formula2] : [])].map((x) => (kind.key === 'date' ? date(x) : num(x)));
  }
  const out: FileValidation = { type: kind.file, allowBlank: v.ignoreBlanks, formulae };
  if (r.operator) out.operator = OPERATORS.find(([o]) => o === r.operator)?.[1] as string;
  if (v.errorAlert.showAlert) out.showErrorMessage = true;
  if (v.errorAlert.style !== 'Stop') out.errorStyle = v.errorAlert.style.toLowerCase();
  if (v.errorAlert.title) out.errorTitle = v.errorAlert.title;
  if (v.errorAlert.message) out.error = v.errorAlert.message;
  if (v.prompt.showPrompt) out.showInputMessage = true;
  if (v.prompt.title) out.promptTitle = v.prompt.title;
  if (v.prompt.message) out.prompt = v.prompt.message;
  return out;
}

/** What the comparable snapshot shows of a validation, the same from a file and from the double. */
export interface ComparableValidation {
  type: string;
  formula: string;
  formula2?: string;
  operator?: string;
  allowBlank: boolean;
  alert?: string;
  prompt?: string;
}

export function comparableOf(m: FileValidation): ComparableValidation {
  const text = (x: unknown) => (x instanceof Date ? String(dateToSerial(x)) : m.type === 'date' && typeof x === 'string' && /^\d{4}-/.test(x) ? String(dateToSerial(new Date(x))) : String(x));
  const f = m.formulae ?? [];
  const out: ComparableValidation = { type: String(m.type), formula: text(f[0] ?? ''), allowBlank: m.allowBlank ?? false };
  if (f[1] !== undefined) out.formula2 = text(f[1]);
  if (m.operator && m.type !== 'list' && m.type !== 'custom') out.operator = m.operator;
  if (m.showErrorMessage || m.error || m.errorTitle) out.alert = [m.showErrorMessage ? 'shown' : 'hidden', m.errorStyle ?? 'stop', m.errorTitle ?? '', m.error ?? ''].join('|');
  if (m.showInputMessage || m.prompt || m.promptTitle) out.prompt = [m.showInputMessage ? 'shown' : 'hidden', m.promptTitle ?? '', m.prompt ?? ''].join('|');
  return out;
}

/**
 * Validations by the runs of rows they cover in each column (`K3:K56`, `K1:K1048576`), maximal:
 * however a host split or joined its areas, the same cells with the same rules read the same.
 */
export function comparableRuns(pieces: Iterable<{ col: number; top: number; bottom: number; v: ComparableValidation }>): Record<string, ComparableValidation> {
  const list = [...pieces].map((p) => ({ ...p, key: JSON.stringify(p.v) })).sort((a, b) => a.col - b.col || a.top - b.top);
  const runs: typeof list = [];
  for (const p of list) {
    const last = runs[runs.length - 1];
    if (last && last.col === p.col && last.key === p.key && last.bottom + 1 >= p.top) last.bottom = Math.max(last.bottom, p.bottom);
    else runs.push({ ...p });
  }
  const out: Record<string, ComparableValidation> = {};
  for (const r of runs) out[r.top === r.bottom ? cellAddress(r.top, r.col) : `${cellAddress(r.top, r.col)}:${cellAddress(r.bottom, r.col)}`] = r.v;
  return out;
}

/** The cell ranges of an ExcelJS validation key (`K5`, `A1:B2`, `range:K1:K9`, `K:K`). */
export function areasOfKey(key: string): RangeRef[] {
  return key
    .replace(/^range:/, '')
    .split(/[ ,]+/)
    .filter(Boolean)
    .map((part) => {
      const a = part.replace(/\$/g, '');
      const col = /^([A-Z]+):([A-Z]+)$/i.exec(a);
      if (col) return { top: 1, bottom: 1_048_576, left: columnNumber(col[1] as string), right: columnNumber(col[2] as string) };
      return parseRange(a);
    });
}

// ---- areas ------------------------------------------------------------------------------------

const overlaps = (a: RangeRef, b: RangeRef) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
const intersect = (a: RangeRef, b: RangeRef): RangeRef => ({ top: Math.max(a.top, b.top), bottom: Math.min(a.bottom, b.bottom), left: Math.max(a.left, b.left), right: Math.min(a.right, b.right) });
const cellsIn = (a: RangeRef) => (a.bottom - a.top + 1) * (a.right - a.left + 1);

/** `a` without `b`: up to four rectangles. */
function subtract(a: RangeRef, b: RangeRef): RangeRef[] {
  if (!overlaps(a, b)) return [a];
  const i = intersect(a, b);
  const out: RangeRef[] = [];
  if (a.top < i.top) out.push({ ...a, bottom: i.top - 1 });
  if (i.bottom < a.bottom) out.push({ ...a, top: i.bottom + 1 });
  if (a.left < i.left) out.push({ top: i.top, bottom: i.bottom, left: a.left, right: i.left - 1 });
  if (i.right < a.right) out.push({ top: i.top, bottom: i.bottom, left: i.right + 1, right: a.right });
  return out;
}

/**
 * The list after changing every cell of `targets`: `change` gets a cell's rule (undefined for none)
 * and gives its new one (undefined to clear it). Areas stay disjoint; neighbours with the same rule
 * in the same columns are joined again.
 */
export function changeAreas(list: DvArea[], targets: readonly RangeRef[], change: (old: DValidation | undefined) => DValidation | undefined): DvArea[] {
  let cur = list;
  for (const t of targets) {
    const next: DvArea[] = [];
    let uncovered: RangeRef[] = [t];
    for (const e of cur) {
      if (!overlaps(e.area, t)) {
        next.push(e);
        continue;
      }
      for (const piece of subtract(e.area, t)) next.push({ area: piece, v: e.v });
      const i = intersect(e.area, t);
      const nv = change(e.v);
      if (nv) next.push({ area: i, v: nv });
      uncovered = uncovered.flatMap((p) => subtract(p, i));
    }
    for (const p of uncovered) {
      const nv = change(undefined);
      if (nv) next.push({ area: p, v: nv });
    }
    cur = next;
  }
  return joined(cur);
}

function joined(list: DvArea[]): DvArea[] {
  const sorted = list.map((e) => ({ e, key: JSON.stringify(e.v) })).sort((a, b) => a.e.area.left - b.e.area.left || a.e.area.right - b.e.area.right || a.e.area.top - b.e.area.top);
  const out: Array<{ e: DvArea; key: string }> = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && last.key === x.key && last.e.area.left === x.e.area.left && last.e.area.right === x.e.area.right && last.e.area.bottom + 1 === x.e.area.top) {
      last.e = { area: { ...last.e.area, bottom: x.e.area.bottom }, v: last.e.v };
    } else out.push({ e: { area: { ...x.e.area }, v: x.e.v }, key: x.key });
  }
  return out.map((x) => x.e);
}

/** What Office.js reads of `targets` taken together: one rule, or none, MixedCriteria or Inconsistent. */
export function readAreas(list: readonly DvArea[], targets: readonly RangeRef[]): { type: string; v: DValidation | null } {
  let covered = 0;
  const total = targets.reduce((n, t) => n + cellsIn(t), 0);
  const keys = new Set<string>();
  let v: DValidation | null = null;
  for (const t of targets) {
    for (const e of list) {
      if (!overlaps(e.area, t)) continue;
      covered += cellsIn(intersect(e.area, t));
      keys.add(JSON.stringify(e.v));
      v = e.v;
    }
  }
  if (covered === 0) return { type: 'None', v: null };
  if (keys.size > 1) return { type: 'Inconsistent', v: null };
  if (covered < total) return { type: 'MixedCriteria', v: null };
  return { type: (v as DValidation).type, v };
}
