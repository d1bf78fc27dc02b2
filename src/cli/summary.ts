/** The readable output of `resptable check`: structure per file and sheet, findings with the cell first. */
import { RULE_MESSAGES, t, type Lang, type MessageKey } from '../core/i18n';
import type { ColumnReport, FileReport, Finding, Report, TableReport, TaskReport } from '../core/contract';
import { pushAll } from '../core/arrays';
import { ct, isCliKey } from './strings';

/**
 * A finding leads with its rule's title in the user's language; the rule id stays in --json (and
 * `resptable rules` pairs the two). A finding of no known kind shows its message alone, never an id.
 */
export function findingTitle(lang: Lang, rule: string): string | undefined {
  const own = RULE_MESSAGES[rule];
  if (own) return own.title[lang];
  const key = `finding.${rule}`;
  return isCliKey(key) ? ct(lang, key) : undefined;
}

function findingLine(lang: Lang, f: Finding): string {
  const cell = f.cell ?? f.sheet ?? '';
  const params = { where: cell ? `${cell}  ` : '', severity: t(lang, `cli.${f.severity}` as MessageKey), message: f.message };
  const title = findingTitle(lang, f.rule);
  return title === undefined ? ct(lang, 'check.finding-untitled', params) : ct(lang, 'check.finding', { ...params, title });
}

function roleName(lang: Lang, role: ColumnReport['role'], level: number | undefined): string {
  const name = t(lang, `role.${role ?? 'null'}` as MessageKey);
  return level ? ct(lang, 'check.role-level', { role: name, level }) : name;
}

function columnLine(lang: Lang, c: ColumnReport): string {
  const header = (c.header ?? '').replace(/\s+/g, ' ').trim();
  return ct(lang, 'check.column', {
    column: c.column,
    header: header ? ct(lang, 'check.column-header', { header }) : ct(lang, 'check.column-no-header'),
    role: roleName(lang, c.role, c.level),
    confidence: c.confidence.toFixed(2),
  });
}

/** `第 3–6 行 · 1 · 36. 加快… · 4 个节点`: where, the item number when there is one, the name, how many milestones. */
function taskLine(lang: Lang, task: TaskReport): string {
  const [first, last] = task.rows;
  const title = (task.title ?? '').replace(/\s+/g, ' ').trim();
  const parts = [
    title ? (title.length > 40 ? `${title.slice(0, 40)}…` : title) : ct(lang, 'check.task-untitled'),
    task.nodes.length === 1 ? ct(lang, 'check.task-node') : ct(lang, 'check.task-nodes', { nodes: task.nodes.length }),
  ];
  const seq = (task.seq ?? '').trim();
  if (seq) parts.unshift(seq);
  return ct(lang, 'check.task', {
    rows: first === last ? ct(lang, 'check.task-row', { first }) : ct(lang, 'check.task-rows', { first, last }),
    rest: parts.join(ct(lang, 'check.separator')),
  });
}

function fmt(n: number): string {
  return String(Number(n.toFixed(2)));
}

function rank(order: string[], sheet: string | undefined): number {
  const i = sheet === undefined ? -1 : order.indexOf(sheet);
  return i < 0 ? order.length : i;
}

/** What a table's score rests on; a table with nothing decided shows the reason, never points. */
function scoreLines(lang: Lang, table: TableReport): string[] {
  const s = table.score;
  if (!s) return [];
  const parts = { max: fmt(s.max), decided: fmt(s.decided), open: fmt(s.open), unscorable: fmt(s.unscorable) };
  const lines = [
    s.earned === null || table.noScore
      ? t(lang, 'cli.no-score', { reason: t(lang, `score.none.${table.noScore ?? 'not-yet-due-or-no-deadline'}`), ...parts })
      : t(lang, 'cli.score', { earned: fmt(s.earned), outOf: fmt(s.outOf), ...parts }),
  ];
  if (table.scoreReading) lines.push(t(lang, 'cli.reading', { reading: t(lang, `score.reading.${table.scoreReading}`) }));
  if (table.asOf && table.asOf === table.asOfFromTitle) lines.push(t(lang, 'cli.score-note', { text: t(lang, 'score.as-of-title', { date: table.asOf }) }));
  const rules = table.ownRules;
  if (rules?.deductionBase !== undefined) lines.push(t(lang, 'cli.score-note', { text: t(lang, 'score.deduction-base', { base: fmt(rules.deductionBase) }) }));
  if (rules?.itemDeductions) lines.push(t(lang, 'cli.score-note', { text: t(lang, 'score.item-deductions') }));
  if (rules?.bonusCap !== undefined) lines.push(t(lang, 'cli.score-note', { text: t(lang, 'score.bonus-cap', { cap: fmt(rules.bonusCap) }) }));
  if (table.equalShares) {
    const total = table.tasks.reduce((n, k) => n + (k.score?.max ?? 0), 0);
    const share = table.tasks.length > 0 ? total / table.tasks.length : 0;
    lines.push(t(lang, 'cli.equal-shares', { text: t(lang, 'score.equal-shares', { total: fmt(total), tasks: table.tasks.length, share: fmt(share) }) }));
  }
  if (table.lights) lines.push(t(lang, 'cli.lights', { text: t(lang, 'lights.count', table.lights.counts) }));
  return lines;
}

export function formatFile(lang: Lang, file: FileReport, verbose = true): string[] {
  const out: string[] = [t(lang, 'cli.file', { file: file.file })];
  for (const sheet of file.sheets) {
    out.push(t(lang, 'cli.sheet', { sheet: sheet.name }) + (sheet.hidden ? t(lang, 'cli.sheet-hidden') : ''));
    if (sheet.tables.length === 0) out.push(t(lang, 'cli.no-table'));
    for (const table of sheet.tables) {
      out.push(
        t(lang, 'cli.table', {
          range: table.range,
          title: table.title ?? '',
          year: table.year ?? t(lang, 'cli.none'),
          confidence: table.confidence.toFixed(2),
        }),
      );
      out.push(ct(lang, 'check.header-rows', { rows: table.headerRows.join(ct(lang, 'check.list-separator')) }));
      for (const c of table.columns) out.push(columnLine(lang, c));
      const nodes = table.tasks.reduce((n, task) => n + task.nodes.length, 0);
      out.push(t(lang, 'cli.tasks', { tasks: table.tasks.length, nodes }));
      if (table.states) {
        const s = table.states;
        out.push(
          t(lang, 'cli.states', {
            overdue: s.overdue ?? 0,
            dueSoon: s.due_soon ?? 0,
            done: (s.done ?? 0) + (s.done_late ?? 0),
            pending: s.pending ?? 0,
            none: s.no_deadline ?? 0,
          }),
        );
      }
      pushAll(out, scoreLines(lang, table));
      if (verbose) for (const task of table.tasks) out.push(taskLine(lang, task));
      for (const c of table.categories) {
        const declared =
          c.declared !== undefined ? t(lang, 'cli.category-declared', { declared: c.declared, sum: c.weightSum ?? 0 }) : '';
        out.push(t(lang, 'cli.category', { path: c.path.join(' / '), tasks: c.tasks, declared }));
      }
    }
  }
  out.push(file.findings.length === 0 ? t(lang, 'cli.no-findings') : t(lang, 'cli.findings', { count: file.findings.length }));
  // Grouped by sheet, in the sheets' order; each line starts with the cell.
  const order = file.sheets.map((x) => x.name);
  const grouped = [...file.findings].sort((a, b) => rank(order, a.sheet) - rank(order, b.sheet));
  let sheet: string | undefined;
  for (const f of grouped) {
    if (f.sheet !== sheet && f.sheet !== undefined && file.sheets.length > 1) out.push(t(lang, 'cli.sheet', { sheet: f.sheet }));
    sheet = f.sheet;
    out.push(findingLine(lang, f));
  }
  return out;
}

export function formatReport(report: Report): string {
  const lang = report.lang;
  const lines: string[] = [];
  for (const f of report.files) {
    pushAll(lines, formatFile(lang, f));
    lines.push('');
  }
  const tables = report.files.flatMap((f) => f.sheets.flatMap((s) => s.tables));
  lines.push(
    t(lang, 'cli.summary', {
      files: report.files.length,
      tables: tables.length,
      tasks: tables.reduce((n, x) => n + x.tasks.length, 0),
      nodes: tables.reduce((n, x) => n + x.tasks.reduce((m, task) => m + task.nodes.length, 0), 0),
      unreadable: report.files.filter((f) => f.error).length,
    }),
  );
  return `${lines.join('\n')}\n`;
}
