/** What the pane derives from a check report: totals over all tables, findings by severity and by rule. */
import type { FileReport, Finding, Severity, TableReport } from '../core/contract';
import { RULES } from '../core/rules/catalogue';
import type { CellFix } from '../hosts/host';

export interface Totals {
  tables: number;
  tasks: number;
  nodes: number;
  overdue: number;
  dueSoon: number;
  /** Done on time or late: both are 已完成. */
  done: number;
  doneLate: number;
  pending: number;
  noDeadline: number;
  /** Over the tables with points: earned, read against outOf, of max full points. */
  score?: { earned: number; max: number; outOf: number };
  /** No table has points: why (the first table's reason). */
  noScore?: NonNullable<TableReport['noScore']>;
  notEligibleForExcellence: boolean;
}

export interface PlacedTable {
  sheet: string;
  /** 1-based position on its sheet, as a mapping names it. */
  index: number;
  table: TableReport;
}

export function placedTables(report: FileReport): PlacedTable[] {
  return report.sheets.flatMap((s) => s.tables.map((table, i) => ({ sheet: s.name, index: i + 1, table })));
}

export function totals(report: FileReport): Totals {
  const t: Totals = { tables: 0, tasks: 0, nodes: 0, overdue: 0, dueSoon: 0, done: 0, doneLate: 0, pending: 0, noDeadline: 0, notEligibleForExcellence: false };
  let earned = 0;
  let max = 0;
  let outOf = 0;
  let scored = false;
  let noScore: TableReport['noScore'];
  for (const { table } of placedTables(report)) {
    t.tables += 1;
    t.tasks += table.tasks.length;
    t.nodes += table.tasks.reduce((n, task) => n + task.nodes.length, 0);
    const st = table.states;
    if (st) {
      t.overdue += st.overdue ?? 0;
      t.dueSoon += st.due_soon ?? 0;
      t.done += (st.done ?? 0) + (st.done_late ?? 0);
      t.doneLate += st.done_late ?? 0;
      t.pending += st.pending ?? 0;
      t.noDeadline += st.no_deadline ?? 0;
    }
    if (table.score && table.score.earned !== null) {
      scored = true;
      earned += table.score.earned;
      max += table.score.max;
      outOf += table.score.outOf;
    } else if (table.noScore) noScore ??= table.noScore;
    if (table.notEligibleForExcellence) t.notEligibleForExcellence = true;
  }
  if (scored) t.score = { earned, max, outOf };
  else if (noScore) t.noScore = noScore;
  return t;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export function bySeverity(findings: readonly Finding[]): Record<Severity, Finding[]> {
  const out: Record<Severity, Finding[]> = { error: [], warning: [], info: [] };
  for (const f of findings) out[f.severity].push(f);
  return out;
}

/** A fix the host can write: one cell, a string or a number. */
export function writableFix(f: Finding): { cell: string; value: string | number } | null {
  const fix = f.fix;
  if (!fix || (typeof fix.value !== 'string' && typeof fix.value !== 'number')) return null;
  return { cell: fix.cell, value: fix.value };
}

/** The rules whose fix only tidies a cell's text (spaces, digit widths, a number kept as text): safe to apply to every cell at once. */
const SAFE_FIX_RULES: ReadonlySet<string> = new Set(RULES.filter((r) => r.fixable === true && r.family === 'hygiene').map((r) => r.id));

export function isSafeFixRule(rule: string): boolean {
  return SAFE_FIX_RULES.has(rule);
}

/** The findings of one rule, as the pane lists them: the rule's cells and, where safe, one fix for them all. */
export interface RuleGroup {
  rule: string;
  severity: Severity;
  findings: Finding[];
  /** Every writable fix of the group when the rule's fix is safe for all at once; empty otherwise. */
  fixes: CellFix[];
  /** The cells the group names, in the order found. */
  cells: string[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings grouped by rule, errors first, then the larger groups, then in the order the rules first occur. */
export function byRule(findings: readonly Finding[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const f of findings) {
    // One rule may speak at two severities (a host limit and a mapping note): each is its own group.
    const key = `${f.severity}\u0000${f.rule}`;
    let g = groups.get(key);
    if (!g) {
      g = { rule: f.rule, severity: f.severity, findings: [], fixes: [], cells: [] };
      groups.set(key, g);
    }
    g.findings.push(f);
    if (f.cell) g.cells.push(f.cell);
  }
  const out = [...groups.values()];
  for (const g of out) {
    if (!isSafeFixRule(g.rule)) continue;
    const fixes = g.findings.map(writableFix).filter((x): x is CellFix => x !== null);
    if (fixes.length > 0) g.fixes = fixes;
  }
  const first = new Map(out.map((g, i) => [g, i]));
  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.findings.length - a.findings.length || (first.get(a) as number) - (first.get(b) as number));
}

/** A piece of a proposal as shown: text that stays, or text the fix takes out or puts in. */
export interface ChangePart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Characters of unchanged text kept on each side of a change. */
const CONTEXT = 12;
/** Longest changed text shown whole. */
const LONG_CHANGE = 4 * CONTEXT;
/** Above this many character pairs the middle is shown as one change, not diffed character by character. */
const DIFF_CELLS = 40_000;
const VISIBLE_SPACE: Record<string, string> = { ' ': '␣', '\u3000': '␣', '\t': '⇥', '\n': '↵', '\r': '', '\u00a0': '␣' };

/** Spaces made visible: a removed space is otherwise nothing to look at. */
function visible(s: string): string {
  return s.replace(/[ \u3000\t\n\r\u00a0]/g, (c) => VISIBLE_SPACE[c] ?? c);
}

/** The changed middles as parts, character by character (a longest common subsequence). */
function diffMiddle(a: string[], b: string[]): ChangePart[] {
  if (a.length * b.length > DIFF_CELLS || a.length === 0 || b.length === 0) {
    return [...(a.length ? [{ kind: 'removed' as const, text: a.join('') }] : []), ...(b.length ? [{ kind: 'added' as const, text: b.join('') }] : [])];
  }
  const w = b.length + 1;
  const lcs = new Uint16Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i * w + j] = a[i] === b[j] ? (lcs[(i + 1) * w + j + 1] as number) + 1 : Math.max(lcs[(i + 1) * w + j] as number, lcs[i * w + j + 1] as number);
  // On a tie what goes out is shown before what comes in.
  const out: ChangePart[] = [];
  const push = (kind: ChangePart['kind'], ch: string) => {
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += ch;
    else out.push({ kind, text: ch });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push('same', a[i] as string);
      i++;
      j++;
    } else if (j < b.length && (i === a.length || (lcs[i * w + j + 1] as number) > (lcs[(i + 1) * w + j] as number))) push('added', b[j++] as string);
    else push('removed', a[i++] as string);
  }
  return out;
}

/**
 * What a fix changes in a cell's text, as parts to show: each change in full (itself cut when very
 * long, spaces made visible), a few characters of what stays around it, the rest cut with `…`.
 */
export function changeView(found: string, proposed: string): ChangePart[] {
  const a = [...found];
  const b = [...proposed];
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const parts: ChangePart[] = [
    { kind: 'same', text: a.slice(0, p).join('') },
    ...diffMiddle(a.slice(p, a.length - s), b.slice(p, b.length - s)),
    { kind: 'same', text: a.slice(a.length - s).join('') },
  ];
  const out: ChangePart[] = [];
  parts.forEach((part, i) => {
    const chars = [...part.text];
    if (chars.length === 0) return;
    if (part.kind !== 'same') {
      out.push({ kind: part.kind, text: visible(chars.length > LONG_CHANGE ? `${chars.slice(0, LONG_CHANGE).join('')}…` : part.text) });
      return;
    }
    const first = i === 0;
    const last = i === parts.length - 1;
    let text = part.text;
    if (first && chars.length > CONTEXT) text = `…${chars.slice(-CONTEXT).join('')}`;
    else if (last && chars.length > CONTEXT) text = `${chars.slice(0, CONTEXT).join('')}…`;
    else if (!first && !last && chars.length > 2 * CONTEXT) text = `${chars.slice(0, CONTEXT).join('')}…${chars.slice(-CONTEXT).join('')}`;
    out.push({ kind: 'same', text });
  });
  return out;
}
