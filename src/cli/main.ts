/** `resptable check | apply | revert FILE…`, `resptable rules`, `resptable schema`. */
import * as fs from 'fs';
import * as path from 'path';
import { t, type Lang } from '../core/i18n';
import { ReportSchema, reportJsonSchema, type FileReport, type Report, type Severity } from '../core/report';
import { MappingSchema, type Mapping } from '../core/settings/mapping';
import { annotateWorkbook, loadWorkbookFile, readGridsFromFile, revertPlan, UnreadableWorkbookError } from '../hosts/xlsx';
import { GridWorkbookHost } from '../hosts/xlsx/grid-host';
import { checkWithHost } from '../hosts/workflow';
import { ArgsError, parseArgs, type CheckArgs } from './args';
import { rulesMarkdown, rulesTable } from './rules-doc';
import { formatReport } from './summary';
import { writeSummaryWorkbook } from './summary-workbook';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

function unreadable(lang: Lang, file: string, e: unknown): FileReport {
  let reason: string;
  if (e instanceof UnreadableWorkbookError) {
    reason = t(lang, `file.unreadable.${e.reason}`, { detail: e.detail });
  } else {
    reason = e instanceof Error ? e.message : String(e);
  }
  const message = t(lang, 'file.unreadable', { reason });
  return {
    file,
    error: message,
    sheets: [],
    findings: [{ rule: 'file.unreadable', severity: 'error', message }],
  };
}

function loadMapping(lang: Lang, file: string): Mapping {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(t(lang, 'cli.bad-mapping', { file, detail: e instanceof Error ? e.message : String(e) }));
  }
  const parsed = MappingSchema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(t(lang, 'cli.bad-mapping', { file, detail }));
  }
  return parsed.data;
}

/** Where a changed copy of `file` goes. */
function target(args: CheckArgs, file: string): string {
  if (args.inPlace || !args.out) return file;
  fs.mkdirSync(args.out, { recursive: true });
  return path.join(args.out, path.basename(file));
}

export async function runCheck(args: CheckArgs, io: Io = stdio): Promise<Report> {
  const mapping = args.mapping ? loadMapping(args.lang, args.mapping) : undefined;
  // Overdue is judged as of today unless the collector says otherwise.
  const asOf = args.asOf ?? today();
  const files: FileReport[] = [];
  const copies = new Map<string, string>();
  const progress = process.stderr.isTTY && args.files.length > 3;
  for (const [i, file] of args.files.entries()) {
    if (progress) io.err(`\r${t(args.lang, 'cli.progress', { n: i + 1, total: args.files.length, file: path.basename(file) })}`);
    try {
      if (args.command === 'check') {
        // Read as the task pane reads: an annotated copy is checked without the add-in's own cells,
        // with the column mapping its keeper saved in it unless --mapping says otherwise.
        const host = new GridWorkbookHost(await readGridsFromFile(file), file);
        const { report } = await checkWithHost(host, { lang: args.lang, today: asOf, asOf, ...(mapping ? { mapping } : {}) });
        files.push(report);
        continue;
      }
      const wb = await loadWorkbookFile(file);
      const out = target(args, file);
      if (args.command === 'apply') {
        const { report } = annotateWorkbook(wb, file, {
          lang: args.lang,
          today: today(),
          ...(args.asOf ? { asOf: args.asOf } : {}),
          ...(mapping ? { mapping } : {}),
        });
        await wb.xlsx.writeFile(out);
        files.push(report);
        copies.set(file, out);
        io.err(`${t(args.lang, 'cli.wrote', { file: out })}\n`);
      } else {
        const had = revertPlan(wb);
        if (had || out !== file) await wb.xlsx.writeFile(out);
        io.err(`${t(args.lang, had ? 'cli.reverted' : 'cli.nothing-to-revert', { file: out })}\n`);
        files.push({ file, sheets: [], findings: [] });
      }
    } catch (e) {
      files.push(unreadable(args.lang, file, e));
    }
  }
  if (progress) io.err('\n');
  const report: Report = { version: 1, asOf, lang: args.lang, files };
  // The contract is checked before anything is printed: a report that breaks it is a bug, not output.
  const valid = ReportSchema.parse(report);
  if (args.summary) await writeSummaryWorkbook(valid, args.summary, copies);
  return valid;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The report with only findings of `severity` or worse. */
export function filterSeverity(report: Report, severity: Severity): Report {
  return { ...report, files: report.files.map((f) => ({ ...f, findings: f.findings.filter((x) => RANK[x.severity] <= RANK[severity]) })) };
}

/** 1 when a file could not be read or, as linters do, when any finding is an error. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function exitCode(report: Report, exitZero = false): number {
  if (report.files.some((f) => f.error)) return 1;
  return !exitZero && report.files.some((f) => f.findings.some((x) => x.severity === 'error')) ? 1 : 0;
}

export async function main(argv: readonly string[], io: Io = stdio): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof ArgsError) {
      io.err(`${t(e.lang, e.key, e.params)}\n${t(e.lang, 'cli.usage')}\n`);
      return 2;
    }
    throw e;
  }
  if (args.command === 'schema') {
    io.out(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
    return 0;
  }
  if (args.command === 'rules') {
    io.out(`${args.markdown ? rulesMarkdown() : rulesTable(args.lang)}\n`);
    return 0;
  }
  if (args.command === 'help') {
    io.out(`${t(args.lang, 'cli.usage')}\n`);
    return 0;
  }
  let report: Report;
  try {
    report = await runCheck(args, io);
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const shown = filterSeverity(report, args.severity);
  // Revert says what it did on stderr; there is no table to show.
  if (args.json) io.out(`${JSON.stringify(shown, null, 2)}\n`);
  else if (args.command !== 'revert') io.out(formatReport(shown));
  return exitCode(report, args.exitZero);
}
