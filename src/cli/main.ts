/** `resptable check FILE… [--json] [--as-of DATE] [--mapping FILE] [--lang zh-CN|en-US]` and `resptable schema`. */
import * as fs from 'fs';
import { t, type Lang } from '../core/i18n';
import { checkWorkbook, ReportSchema, reportJsonSchema, type FileReport, type Report, type Severity } from '../core/report';
import { MappingSchema, type Mapping } from '../core/settings/mapping';
import { readGridsFromFile, UnreadableWorkbookError } from '../hosts/xlsx';
import { ArgsError, parseArgs, type CheckArgs } from './args';
import { rulesMarkdown, rulesTable } from './rules-doc';
import { formatReport } from './summary';

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

export async function runCheck(args: CheckArgs): Promise<Report> {
  const mapping = args.mapping ? loadMapping(args.lang, args.mapping) : undefined;
  // Overdue is judged as of today unless the collector says otherwise.
  const asOf = args.asOf ?? today();
  const files: FileReport[] = [];
  for (const file of args.files) {
    try {
      const grids = await readGridsFromFile(file);
      files.push(checkWorkbook(file, grids, { lang: args.lang, asOf, ...(mapping ? { mapping } : {}) }));
    } catch (e) {
      files.push(unreadable(args.lang, file, e));
    }
  }
  const report: Report = { version: 1, asOf, lang: args.lang, files };
  // The contract is checked before anything is printed: a report that breaks it is a bug, not output.
  return ReportSchema.parse(report);
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
    report = await runCheck(args);
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const shown = filterSeverity(report, args.severity);
  io.out(args.json ? `${JSON.stringify(shown, null, 2)}\n` : formatReport(shown));
  return exitCode(report, args.exitZero);
}
