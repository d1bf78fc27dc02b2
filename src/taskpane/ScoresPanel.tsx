/**
 * Scores per task and per category, for each table, as of the date, each saying what it rests on
 * (decided, not yet due, unscorable points). A table with nothing decided shows no points, only the
 * reason; a task's score opens to its explanation: its weight, its nodes with their states, deadlines
 * and what each earned, and the policy's reading.
 */
import {
  Button,
  Caption1,
  Field,
  Select,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { t as coreText, type Lang } from '../core/i18n';
import type { TableReport, TaskReport } from '../core/contract';
import type { PlacedTable } from './report-view';
import { LIGHT_PRESETS, type LightPreset } from '../core/contract';
import { Section } from './Section';
import { ShowMore, usePage } from './ShowMore';
import { formatPoints, ui } from './strings';
import { Truncated } from './Truncated';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  table: { tableLayout: 'fixed', width: '100%' },
  seq: { width: '44px' },
  points: { width: '76px', textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  declared: { width: '56px', textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  caption: { color: tokens.colorNeutralForeground3 },
  veto: { color: tokens.colorPaletteRedForeground1 },
  head: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  total: { fontWeight: tokens.fontWeightSemibold },
  explain: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground2 },
  link: { minWidth: 0, padding: 0, height: 'auto', fontVariantNumeric: 'tabular-nums' },
});

type Score = NonNullable<TableReport['score']>;
type NodeState = NonNullable<TaskReport['nodes'][number]['state']>;

const STATE_KEY = {
  done: 'state.done',
  done_late: 'state.done_late',
  overdue: 'state.overdue',
  due_soon: 'state.due_soon',
  pending: 'state.pending',
  no_deadline: 'state.no_deadline',
} as const satisfies Record<NodeState, string>;

/** Earned read against the points the policy's reading counts; none when nothing is decided. */
function points(lang: Lang, score: Score | undefined): string {
  return score && score.earned !== null
    ? ui(lang, 'points.of', { earned: formatPoints(score.earned), max: formatPoints(score.outOf) })
    : ui(lang, 'scores.no-value');
}

function restsOn(lang: Lang, score: Score | undefined): string {
  return score
    ? ui(lang, 'scores.rests-on', { max: formatPoints(score.max), decided: formatPoints(score.decided), open: formatPoints(score.open), unscorable: formatPoints(score.unscorable) })
    : '';
}

/** A task's score, opened: its weight and where it came from, and what each node earned. */
function Explanation(p: { lang: Lang; table: TableReport; task: TaskReport }) {
  const s = useStyles();
  const { lang, task } = p;
  const share = task.nodes[0]?.score?.share ?? 0;
  if (p.table.ownRules?.itemDeductions) return <ItemExplanation {...p} />;
  return (
    <div className={s.explain} data-testid="score-explanation">
      <Caption1>
        {ui(lang, 'scores.explain-weight', {
          max: formatPoints(task.score?.max ?? 0),
          source: ui(lang, p.table.equalShares ? 'scores.weight-equal' : 'scores.weight-column'),
          nodes: task.nodes.length,
          share: formatPoints(share),
        })}
      </Caption1>
      {task.nodes.map((n) => {
        const sc = n.score;
        const earned = !sc
          ? ''
          : sc.basis === 'decided'
            ? ui(lang, 'scores.node-earned', { earned: formatPoints(sc.earned ?? 0), share: formatPoints(sc.share) })
            : ui(lang, sc.basis === 'open' ? 'scores.node-open' : 'scores.node-unscorable', { share: formatPoints(sc.share) });
        return (
          <Caption1 key={n.row} data-testid="score-explanation-node">
            {ui(lang, 'scores.explain-node', {
              row: n.row,
              deadline: n.deadline?.text ?? ui(lang, 'scores.no-deadline'),
              state: n.state ? ui(lang, STATE_KEY[n.state]) : '',
              earned,
            })}
            {n.light && n.elapsed !== undefined && n.progress !== undefined
              ? ` · ${ui(lang, 'scores.node-light', { elapsed: percent(n.elapsed), progress: percent(n.progress), light: coreText(lang, `light.${n.light}`) })}`
              : ''}
          </Caption1>
        );
      })}
      <Caption1>{restsOn(lang, task.score)}</Caption1>
      {p.table.scoreReading && <Caption1>{coreText(lang, `score.reading.${p.table.scoreReading}`)}</Caption1>}
    </div>
  );
}

/** A 扣分制 item scored on its own: its points, what was taken off and added — not its milestones. */
function ItemExplanation(p: { lang: Lang; table: TableReport; task: TaskReport }) {
  const s = useStyles();
  const { lang, task } = p;
  const max = formatPoints(task.score?.max ?? 0);
  const cap = p.table.ownRules?.bonusCap;
  const bonus = task.bonus === undefined ? undefined : cap === undefined ? task.bonus : Math.min(task.bonus, cap);
  const earned = task.score?.earned;
  return (
    <div className={s.explain} data-testid="score-explanation">
      <Caption1 data-testid="score-explanation-item">
        {earned === null || earned === undefined
          ? ui(lang, 'scores.explain-item-open', { max })
          : task.scoreFrom === 'table'
            ? ui(lang, 'scores.explain-own', { earned: formatPoints(earned) })
            : ui(lang, 'scores.explain-item', {
              max,
              deduction: formatPoints(task.deduction ?? 0),
              bonus: bonus === undefined ? '' : ui(lang, 'scores.explain-item-bonus', { bonus: formatPoints(bonus) }),
              earned: formatPoints(earned),
            })}
      </Caption1>
      <Caption1>{restsOn(lang, task.score)}</Caption1>
    </div>
  );
}

function TaskRows(p: { lang: Lang; table: TableReport; task: TaskReport }) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const { lang, task } = p;
  return (
    <>
      <TableRow data-testid="score-task" data-row={task.rows[0]}>
        <TableCell className={s.seq}>
          <Truncated text={task.seq ?? ''} />
        </TableCell>
        <TableCell>
          <Truncated
            text={task.title ?? ''}
            className={task.veto ? s.veto : undefined}
            title={task.veto ? ui(lang, 'scores.veto-title', { title: task.title ?? '' }) : (task.title ?? '')}
          />
        </TableCell>
        <TableCell className={s.points}>
          <Button
            appearance="transparent"
            size="small"
            className={s.link}
            aria-expanded={open}
            title={`${ui(lang, 'scores.explain')}: ${restsOn(lang, task.score)}`}
            onClick={() => setOpen(!open)}
            data-testid="score-task-points"
          >
            {points(lang, task.score)}
          </Button>
        </TableCell>
      </TableRow>
      {open && (
        <TableRow>
          <TableCell colSpan={3}>
            <Explanation lang={lang} table={p.table} task={task} />
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

function TableScores(p: { lang: Lang; sheet: string; table: TableReport; named: boolean }) {
  const s = useStyles();
  const { lang, table } = p;
  const page = usePage(table.tasks);
  return (
    <div className={s.root} data-range={table.range}>
      <div className={s.head}>
        <Caption1 className={s.caption}>{p.named ? ui(lang, 'scores.table', { sheet: p.sheet, range: table.range }) : ''}</Caption1>
        <Caption1 className={s.total} title={restsOn(lang, table.score)} data-testid="score-table-total">
          {ui(lang, 'scores.total', { points: points(lang, table.score) })}
        </Caption1>
      </div>
      {table.noScore && (
        <Caption1 className={s.caption} data-testid="score-table-none">
          {coreText(lang, `score.none.${table.noScore}`)}
        </Caption1>
      )}
      {table.score && <Caption1 className={s.caption}>{restsOn(lang, table.score)}</Caption1>}
      {table.asOf && table.asOf === table.asOfFromTitle && (
        <Caption1 className={s.caption} data-testid="score-as-of-title">
          {coreText(lang, 'score.as-of-title', { date: table.asOf })}
        </Caption1>
      )}
      {table.ownRules?.deductionBase !== undefined && (
        <Caption1 className={s.caption} data-testid="score-deduction-base">
          {coreText(lang, 'score.deduction-base', { base: formatPoints(table.ownRules.deductionBase) })}
        </Caption1>
      )}
      {table.ownRules?.itemDeductions && (
        <Caption1 className={s.caption} data-testid="score-item-deductions">
          {coreText(lang, 'score.item-deductions')}
        </Caption1>
      )}
      {table.ownRules?.bonusCap !== undefined && (
        <Caption1 className={s.caption} data-testid="score-bonus-cap">
          {coreText(lang, 'score.bonus-cap', { cap: formatPoints(table.ownRules.bonusCap) })}
        </Caption1>
      )}
      {table.lights && (
        <Caption1 className={s.caption} data-testid="score-lights">
          {coreText(lang, 'lights.count', table.lights.counts)}
        </Caption1>
      )}
      {table.equalShares && (
        <Caption1 className={s.caption} data-testid="score-equal-shares">
          {coreText(lang, 'score.equal-shares', {
            total: formatPoints(table.tasks.reduce((n, k) => n + (k.score?.max ?? 0), 0)),
            tasks: table.tasks.length,
            share: formatPoints(table.tasks[0]?.score?.max ?? 0),
          })}
        </Caption1>
      )}
      <Table size="extra-small" className={s.table} aria-label={ui(lang, 'scores.tasks')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={s.seq}>{ui(lang, 'scores.col-seq')}</TableHeaderCell>
            <TableHeaderCell>{ui(lang, 'scores.col-task')}</TableHeaderCell>
            <TableHeaderCell className={s.points}>{ui(lang, 'scores.col-score')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {page.shown.map((task) => (
            <TaskRows key={`${task.rows[0]}`} lang={lang} table={table} task={task} />
          ))}
        </TableBody>
      </Table>
      <ShowMore lang={lang} rest={page.rest} onMore={page.more} />
      {table.categories.length > 0 && (
        <Table size="extra-small" className={s.table} aria-label={ui(lang, 'scores.categories')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{ui(lang, 'scores.col-category')}</TableHeaderCell>
              <TableHeaderCell className={s.points}>{ui(lang, 'scores.col-score')}</TableHeaderCell>
              <TableHeaderCell className={s.declared}>{ui(lang, 'scores.col-declared')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {table.categories.map((c) => (
              <TableRow key={c.cell} data-testid="score-category">
                <TableCell>
                  <Truncated text={c.path.join(ui(lang, 'scores.path-separator'))} title={c.label} />
                </TableCell>
                <TableCell className={s.points} title={restsOn(lang, c.score)}>
                  {points(lang, c.score)}
                </TableCell>
                <TableCell className={s.declared}>{c.declared !== undefined ? formatPoints(c.declared) : ui(lang, 'scores.no-value')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}

function percent(x: number): string {
  return `${Number((x * 100).toFixed(1))}%`;
}

/** The lights preset in force: the one the check used (every table carries it), or none. */
function presetOf(tables: readonly PlacedTable[]): LightPreset | null {
  return tables.find((x) => x.table.lights)?.table.lights?.preset ?? null;
}


/** Each preset's name in the pane (a map, so that the strings catalogue sees every key used). */
const PRESET_LABEL = { yinchuan: 'scores.lights-yinchuan', suqian: 'scores.lights-suqian' } as const satisfies Record<LightPreset, string>;
export function ScoresPanel(p: { lang: Lang; tables: PlacedTable[]; disabled?: boolean; onLights?: (preset: LightPreset | null) => void }) {
  const s = useStyles();
  const preset = presetOf(p.tables);
  return (
    <Section title={ui(p.lang, 'scores.title')} testId="scores">
      {p.onLights && p.tables.length > 0 && (
        <Field label={ui(p.lang, 'scores.lights')} orientation="horizontal" size="small">
          <Select
            size="small"
            value={preset ?? ''}
            disabled={p.disabled}
            data-testid="lights-preset"
            onChange={(_e, d) => p.onLights?.(d.value === '' ? null : (d.value as LightPreset))}
          >
            <option value="">{ui(p.lang, 'scores.lights-none')}</option>
            {LIGHT_PRESETS.map((x) => (
              <option key={x} value={x}>
                {ui(p.lang, PRESET_LABEL[x])}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {p.tables.length === 0 ? (
        <Caption1 className={s.caption}>{ui(p.lang, 'scores.none')}</Caption1>
      ) : (
        p.tables.map((t) => (
          <TableScores key={`${t.sheet}\u0000${t.index}`} lang={p.lang} sheet={t.sheet} table={t.table} named={p.tables.length > 1} />
        ))
      )}
    </Section>
  );
}
