/** The status bar: ready or opening, unsaved changes, and the rows per colour the grid shows. */
import type { Lang } from '../core/i18n';
import { CF_LOOK, type Overlay } from './overlay';
import { wt } from './strings';
import { useWorkbenchStyles } from './styles';

export function StatusBar(p: { lang: Lang; loading: string | null; dirty: boolean; counts: Overlay['counts'] | undefined }) {
  const s = useWorkbenchStyles();
  return (
    <footer className={s.statusBar} data-testid="status-bar">
      <span>{p.loading ? wt(p.lang, 'status.loading', { file: p.loading }) : wt(p.lang, 'status.ready')}</span>
      {p.dirty && <span data-testid="unsaved">{wt(p.lang, 'status.unsaved')}</span>}
      <span className={s.statusGrow} />
      {p.counts && (
        <span data-testid="view-counts">
          <span className={s.swatch} style={{ backgroundColor: CF_LOOK.overdue.fill }} />
          <span className={s.swatch} style={{ backgroundColor: CF_LOOK.due_soon.fill }} />
          <span className={s.swatch} style={{ backgroundColor: CF_LOOK.done.fill }} />
          {wt(p.lang, 'status.counts', { overdue: p.counts.overdue, dueSoon: p.counts.due_soon, done: p.counts.done })}
        </span>
      )}
      <span>100%</span>
    </footer>
  );
}
