/** The sheet tabs under the grid: one per visible sheet, in the workbook's order and tab colours. */
import type { Lang } from '../core/i18n';
import type { TabView } from './render-model';
import { wt } from './strings';
import { useWorkbenchStyles } from './styles';

export function SheetTabs(p: { lang: Lang; tabs: readonly TabView[]; active: string | null; onShow(name: string): void }) {
  const s = useWorkbenchStyles();
  return (
    <div className={s.tabsBar} role="tablist" aria-label={wt(p.lang, 'tabs.label')} data-testid="sheet-tabs">
      <span className={s.tabNav} aria-hidden="true">
        <span>◀</span>
        <span>▶</span>
      </span>
      {p.tabs.map((t) => (
        <button
          key={t.name}
          role="tab"
          aria-selected={t.name === p.active}
          className={`${s.tab} ${t.name === p.active ? s.tabActive : ''}`}
          style={t.color ? { borderBottom: `3px solid ${t.color}` } : undefined}
          onClick={() => {
            if (t.name !== p.active) p.onShow(t.name);
          }}
          data-testid="sheet-tab"
          data-sheet={t.name}
        >
          {t.name}
        </button>
      ))}
      <span className={s.tabAdd} aria-hidden="true">
        ⊕
      </span>
    </div>
  );
}
