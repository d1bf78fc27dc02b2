/** A diff as text lines, and as the JSON document `resptable diff --json` prints. */
import { z } from 'zod';
import { fillTemplate, type Lang } from '../i18n';
import { CHANGE_KINDS, type Change } from './changes';
import { CHANGE_STRINGS, dt } from './strings';

/** Long cells cut for one line; the JSON keeps them whole. */
function short(s: string | null | undefined, lang: Lang, max = 40): string {
  if (s === null || s === undefined || s.trim() === '') return dt(lang, 'diff.blank');
  const one = s.replace(/\s+/g, ' ').trim();
  return [...one].length > max ? `${[...one].slice(0, max - 1).join('')}…` : one;
}

export function changeLine(c: Change, lang: Lang): string {
  const task = [c.seq, short(c.task, lang, 24)].filter((x) => x !== null && x !== '').join(' ');
  const text = fillTemplate(CHANGE_STRINGS[c.kind][lang], {
    task,
    node: short(c.node, lang, 24),
    from: short(c.from, lang),
    to: short(c.to, lang),
  });
  const where = c.cell ?? c.lastCell;
  return where ? `${where}  ${text}` : text;
}

export const ChangeSchema = z.object({
  kind: z.enum(CHANGE_KINDS),
  sheet: z.string(),
  seq: z.string().nullable(),
  task: z.string().nullable(),
  node: z.string().nullable().optional(),
  from: z.string().nullable().optional(),
  to: z.string().nullable().optional(),
  cell: z.string().optional(),
  lastCell: z.string().optional(),
  message: z.string(),
});

export const FileDiffSchema = z.object({
  /** The last round's file, or the issued template. */
  last: z.string(),
  file: z.string(),
  error: z.string().optional(),
  changes: z.array(ChangeSchema),
});

export const DiffReportSchema = z.object({
  version: z.literal(1),
  mode: z.enum(['rounds', 'template']),
  lang: z.enum(['zh-CN', 'en-US']),
  files: z.array(FileDiffSchema),
});

export type FileDiff = z.infer<typeof FileDiffSchema>;
export type DiffReport = z.infer<typeof DiffReportSchema>;

export function formatDiff(report: DiffReport): string {
  const lang = report.lang;
  const tpl = report.mode === 'template';
  const lines: string[] = [];
  for (const f of report.files) {
    lines.push(dt(lang, tpl ? 'diff.header-template' : 'diff.header', { last: f.last, file: f.file }));
    if (f.error) {
      lines.push(`  ${f.error}`);
      continue;
    }
    for (const c of f.changes) lines.push(`  ${c.message}`);
    lines.push(f.changes.length === 0 ? dt(lang, tpl ? 'diff.none-template' : 'diff.none') : dt(lang, tpl ? 'diff.count-template' : 'diff.count', { n: f.changes.length }));
  }
  return `${lines.join('\n')}\n`;
}
