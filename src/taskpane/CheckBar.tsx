/** The one primary action, and the progress of whatever work runs. */
import { Button, Caption1, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import type { Lang } from '../core/i18n';
import { ui, type UiKey } from './strings';
import type { Busy, WorkbookState } from './useWorkbook';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  button: { alignSelf: 'stretch' },
  note: { color: tokens.colorNeutralForeground3 },
});

const BUSY_TEXT: Record<Busy, UiKey> = {
  load: 'progress.load',
  check: 'progress.check',
  apply: 'progress.apply',
  revert: 'progress.revert',
  fix: 'progress.fix',
  mapping: 'progress.mapping',
};

export interface CheckBarProps {
  lang: Lang;
  busy: Busy | null;
  progress: WorkbookState['progress'];
  checked: boolean;
  onCheck(): void;
}

export function CheckBar(p: CheckBarProps) {
  const s = useStyles();
  const fraction = p.progress && p.progress.total > 0 ? Math.min(1, p.progress.done / p.progress.total) : undefined;
  return (
    <div className={s.root}>
      <Button data-testid="check-button" className={s.button} appearance="primary" disabled={p.busy !== null} onClick={p.onCheck}>
        {ui(p.lang, p.checked ? 'check.again' : 'check.button')}
      </Button>
      {p.busy !== null && (
        <div role="status" aria-live="polite">
          {/* Without a count yet (the host has not reported), the bar runs indeterminate. */}
          <ProgressBar data-testid="progress" thickness="medium" {...(fraction !== undefined ? { value: fraction } : {})} />
          <Caption1 className={s.note}>
            {p.progress && p.progress.total > 0
              ? ui(p.lang, 'progress.step', { done: p.progress.done, total: p.progress.total })
              : ui(p.lang, BUSY_TEXT[p.busy])}
          </Caption1>
        </div>
      )}
      {!p.checked && p.busy === null && <Caption1 className={s.note}>{ui(p.lang, 'check.intro')}</Caption1>}
    </div>
  );
}
