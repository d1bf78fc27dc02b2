/** The Name Box (go to a cell or range) and the formula bar (the selected cell's contents, editable). */
import type { Lang } from '../core/i18n';
import { DraftInput } from './DraftInput';
import { wt } from './strings';
import { useWorkbenchStyles } from './styles';

export function FormulaBar(p: { lang: Lang; address: string; input: string; onGo(text: string): void; onCommit(text: string): void }) {
  const s = useWorkbenchStyles();
  return (
    <div className={s.formulaBar}>
      <DraftInput
        className={s.nameBox}
        aria-label={wt(p.lang, 'namebox.label')}
        title={wt(p.lang, 'namebox.title')}
        data-testid="name-box"
        value={p.address}
        onFocus={(e) => e.target.select()}
        onCommit={p.onGo}
      />
      <span className={s.fx} aria-hidden="true">
        fx
      </span>
      <DraftInput className={s.formula} aria-label={wt(p.lang, 'formulabar.label')} title={wt(p.lang, 'formulabar.title')} data-testid="formula-bar" value={p.input} onCommit={p.onCommit} />
    </div>
  );
}
