/** A titled part of the pane, with an optional count beside its title. */
import { CounterBadge, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '24px' },
  actions: { marginLeft: 'auto' },
});

export function Section(p: { title: string; count?: number; testId?: string; actions?: ReactNode; children: ReactNode }) {
  const s = useStyles();
  return (
    <section className={s.root} data-testid={p.testId} aria-label={p.title}>
      <div className={s.head}>
        <Subtitle2 as="h2">{p.title}</Subtitle2>
        {p.count !== undefined && <CounterBadge count={p.count} showZero size="small" appearance="ghost" color="informative" />}
        {p.actions && <div className={s.actions}>{p.actions}</div>}
      </div>
      {p.children}
    </section>
  );
}
