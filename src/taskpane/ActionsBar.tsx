/** Apply writes the annotations into the workbook; Revert takes them out again. */
import { Button, Caption1, makeStyles, tokens, Tooltip } from '@fluentui/react-components';
import type { Lang } from '../core/i18n';
import { ui } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  buttons: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground3 },
});

export interface ActionsBarProps {
  lang: Lang;
  canApply: boolean;
  applied: boolean;
  busy: boolean;
  onApply(): void;
  onRevert(): void;
}

export function ActionsBar(p: ActionsBarProps) {
  const s = useStyles();
  return (
    <div className={s.root}>
      <div className={s.buttons}>
        <Tooltip content={ui(p.lang, 'apply.title')} relationship="description" withArrow>
          <Button data-testid="apply-button" disabled={p.busy || !p.canApply} onClick={p.onApply}>
            {ui(p.lang, 'apply.button')}
          </Button>
        </Tooltip>
        <Tooltip content={ui(p.lang, 'revert.title')} relationship="description" withArrow>
          <Button data-testid="revert-button" disabled={p.busy || !p.applied} onClick={p.onRevert}>
            {ui(p.lang, 'revert.button')}
          </Button>
        </Tooltip>
      </div>
      {p.applied && <Caption1 className={s.note}>{ui(p.lang, 'actions.applied')}</Caption1>}
    </div>
  );
}
