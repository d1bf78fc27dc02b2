/**
 * Apply writes the annotations into the workbook; Revert takes them out again. While the workbook's
 * annotations are for another as-of date than the pane's, the bar says so (one truth on screen).
 */
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../core/i18n';
import { ui } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  buttons: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground3 },
  stale: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface ActionsBarProps {
  lang: Lang;
  canApply: boolean;
  applied: boolean;
  /** The workbook's annotations are for another as-of date than the pane shows: both, as a message says them. */
  otherDate?: { applied: string; date: string };
  busy: boolean;
  onApply(): void;
  onRevert(): void;
}

export function ActionsBar(p: ActionsBarProps) {
  const s = useStyles();
  return (
    <div className={s.root}>
      <div className={s.buttons}>
        {/* Native tooltips: Fluent's Tooltip keeps a portal in the page that a host page may not expect. */}
        <Button data-testid="apply-button" title={ui(p.lang, 'apply.title')} disabled={p.busy || !p.canApply} onClick={p.onApply}>
          {ui(p.lang, 'apply.button')}
        </Button>
        <Button data-testid="revert-button" title={ui(p.lang, 'revert.title')} disabled={p.busy || !p.applied} onClick={p.onRevert}>
          {ui(p.lang, 'revert.button')}
        </Button>
      </div>
      {p.applied && p.otherDate ? (
        <Caption1 className={s.stale} data-testid="applied-other-date">
          {ui(p.lang, 'actions.applied-other-date', p.otherDate)}
        </Caption1>
      ) : (
        p.applied && <Caption1 className={s.note}>{ui(p.lang, 'actions.applied')}</Caption1>
      )}
    </div>
  );
}
