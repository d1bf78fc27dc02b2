/** Scores per task and per category, for each table, as of the date. */
import {
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { Lang } from '../core/i18n';
import type { TableReport } from '../core/report';
import type { PlacedTable } from './report-view';
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
});

function points(lang: Lang, score: { earned: number; max: number } | undefined): string {
  return score ? ui(lang, 'points.of', { earned: formatPoints(score.earned), max: formatPoints(score.max) }) : ui(lang, 'scores.no-value');
}

function TableScores(p: { lang: Lang; sheet: string; table: TableReport; named: boolean }) {
  const s = useStyles();
  const { lang, table } = p;
  const page = usePage(table.tasks);
  return (
    <div className={s.root} data-range={table.range}>
      <div className={s.head}>
        <Caption1 className={s.caption}>{p.named ? ui(lang, 'scores.table', { sheet: p.sheet, range: table.range }) : ''}</Caption1>
        <Caption1 className={s.total}>{ui(lang, 'scores.total', { points: points(lang, table.score) })}</Caption1>
      </div>
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
            <TableRow key={`${task.rows[0]}`} data-testid="score-task" data-row={task.rows[0]}>
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
              <TableCell className={s.points}>{points(lang, task.score)}</TableCell>
            </TableRow>
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
                <TableCell className={s.points}>{points(lang, c.score)}</TableCell>
                <TableCell className={s.declared}>{c.declared !== undefined ? formatPoints(c.declared) : ui(lang, 'scores.no-value')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}

export function ScoresPanel(p: { lang: Lang; tables: PlacedTable[] }) {
  const s = useStyles();
  return (
    <Section title={ui(p.lang, 'scores.title')} testId="scores">
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
