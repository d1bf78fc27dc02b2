/**
 * 督办单 / 催办单 / 提醒单: one notice per unit with nodes to chase, graded by the most serious of
 * them — red (overdue) a 督办单, yellow (behind 序时进度) a 催办单, blue (due soon) a 提醒单, the
 * escalation supervision offices use (提醒 → 催办 → 督办). Each lists the matters in the table's own
 * words with the owner, phone, time limit and days overdue. Pure data; the command line lays it out.
 */
import type { Lang } from '../i18n';
import { GRADES, severer, type ChaseItem, type Grade, type Rollup } from './rollup';
import { rt } from './strings';

export interface NoticeRow {
  seq: string;
  task: string;
  node: string;
  owner: string;
  phone: string;
  deadline: string;
  /** 逾期天数, or how soon it falls due. */
  late: string;
  /** 亮灯 / what it is: 红灯 · 逾期未完成. */
  state: string;
  grade: Grade;
  cell: string;
  file: string;
}

export interface Notice {
  unit: string;
  grade: Grade;
  title: string;
  number: string;
  to: string;
  body: string;
  /** The people and phones named for the unit's items, once each. */
  contacts: string[];
  rows: NoticeRow[];
  signature: string;
  feedback: string;
  feedbackSign: string;
}

export interface NoticeOptions {
  /** Working days to answer a 督办单 or 催办单. */
  replyDays?: number;
}

function lateText(lang: Lang, item: ChaseItem): string {
  if (item.daysLate !== null) return rt(lang, 'notice.days-late', { days: item.daysLate });
  if (item.daysLeft === 0) return rt(lang, 'notice.due-today');
  if (item.daysLeft !== null) return rt(lang, 'notice.due-in', { days: item.daysLeft });
  return '';
}

function stateText(lang: Lang, item: ChaseItem): string {
  const kind = item.kind === 'overdue' ? 'state.overdue' : item.kind === 'behind' ? 'state.behind' : 'state.due-soon';
  return `${rt(lang, `light.${item.grade}`)} · ${rt(lang, kind)}`;
}

/** The notices of a batch, most serious first, then in the ranking's order. */
export function noticesOf(rollup: Rollup, lang: Lang, options: NoticeOptions = {}): Notice[] {
  const reply = options.replyDays ?? 5;
  const date = rollup.asOf ?? '';
  const byUnit = new Map<string, ChaseItem[]>();
  for (const item of rollup.items) byUnit.set(item.unit, [...(byUnit.get(item.unit) ?? []), item]);
  const rank = new Map(rollup.units.map((u) => [u.unit, u.rank]));
  const units = [...byUnit.entries()].map(([unit, items]) => ({ unit, items, grade: items.map((i) => i.grade).reduce(severer) }));
  units.sort((a, b) => GRADES.indexOf(b.grade) - GRADES.indexOf(a.grade) || (rank.get(a.unit) ?? 0) - (rank.get(b.unit) ?? 0));
  return units.map(({ unit, items, grade }, i) => {
    const tables = [...new Set(items.map((x) => x.table))];
    const table = tables.length === 1 ? (tables[0] as string) : rt(lang, 'notice.tables', { first: tables[0] as string, n: tables.length, more: tables.length - 1 });
    const contacts = [...new Set(items.map((x) => [x.owner, x.phone].filter((p) => p).join(' ')).filter((c) => c !== ''))];
    // The most serious first, then in the table's order.
    const ordered = [...items].sort((a, b) => GRADES.indexOf(b.grade) - GRADES.indexOf(a.grade));
    return {
      unit, grade,
      title: rt(lang, `notice.title.${grade}`),
      number: rt(lang, 'notice.number', { date: date.replace(/-/g, ''), n: String(i + 1).padStart(3, '0') }),
      to: rt(lang, 'notice.to', { unit }),
      body: rt(lang, `notice.body.${grade}`, { table, date, count: items.length, reply }),
      contacts,
      rows: ordered.map((x) => ({
        seq: x.seq ?? '', task: x.task ?? '', node: x.node, owner: x.owner ?? '', phone: x.phone ?? '', deadline: x.deadline ?? '',
        late: lateText(lang, x), state: stateText(lang, x), grade: x.grade, cell: x.cell, file: x.file,
      })),
      signature: rt(lang, 'notice.signature', { date }),
      feedback: rt(lang, 'notice.feedback'),
      feedbackSign: rt(lang, 'notice.feedback-sign'),
    };
  });
}
