/** Milestones overdue / due soon / done / pending as of the date, and the score. */
import { Caption1, makeStyles, mergeClasses, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { t as coreText, type Lang } from '../core/i18n';
import { formatPoints, ui, type UiKey } from './strings';
import type { Totals } from './report-view';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  tiles: { display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: tokens.spacingHorizontalXS },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  number: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  dueSoon: { color: tokens.colorPaletteDarkOrangeForeground1 },
  done: { color: tokens.colorPaletteGreenForeground1 },
  pending: { color: tokens.colorNeutralForeground2 },
  label: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  scoreLine: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  score: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Tone = 'overdue' | 'dueSoon' | 'done' | 'pending';

export function Summary(p: { lang: Lang; totals: Totals }) {
  const s = useStyles();
  const t = p.totals;
  const tile = (testId: string, label: UiKey, value: number, tone: Tone, title?: string) => (
    <div className={s.tile} title={title}>
      <span data-testid={testId} className={mergeClasses(s.number, s[tone])}>
        {value}
      </span>
      <Caption1 className={s.label}>{ui(p.lang, label)}</Caption1>
    </div>
  );
  return (
    <section className={s.root} aria-label={ui(p.lang, 'summary.title')}>
      <Caption1 className={s.muted}>{ui(p.lang, 'summary.tables', { tables: t.tables, tasks: t.tasks, nodes: t.nodes })}</Caption1>
      <div className={s.tiles}>
        {tile('count-overdue', 'summary.overdue', t.overdue, 'overdue')}
        {tile('count-due-soon', 'summary.due-soon', t.dueSoon, 'dueSoon')}
        {tile('count-done', 'summary.done', t.done, 'done', t.doneLate > 0 ? ui(p.lang, 'summary.done-late', { count: t.doneLate }) : undefined)}
        {tile('count-pending', 'summary.pending', t.pending, 'pending')}
      </div>
      {t.noDeadline > 0 && (
        <Caption1 className={s.muted}>
          {ui(p.lang, 'summary.no-deadline')} <span data-testid="count-no-deadline">{t.noDeadline}</span>
        </Caption1>
      )}
      <div className={s.scoreLine}>
        <Text>{ui(p.lang, 'summary.score')}</Text>
        <span className={s.score} data-testid="score-total">
          {t.score
            ? ui(p.lang, 'points.of', { earned: formatPoints(t.score.earned), max: formatPoints(t.score.outOf) })
            : ui(p.lang, 'scores.no-value')}
        </span>
      </div>
      {t.noScore && (
        <Caption1 className={s.muted} data-testid="score-none">
          {coreText(p.lang, `score.none.${t.noScore}`)}
        </Caption1>
      )}
      {t.notEligibleForExcellence && (
        <MessageBar intent="warning">
          <MessageBarBody>{ui(p.lang, 'summary.not-eligible')}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
