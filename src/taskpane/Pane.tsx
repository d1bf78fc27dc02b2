/**
 * The task pane's content, top to bottom: after the counts, the findings (what needs doing), then the
 * tables and their column roles, then the scores; the Apply / Revert bar and the status stay in view below.
 */
import { Divider, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../core/i18n';
import type { WorkbookHost } from '../hosts/host';
import type { Workflow } from '../hosts/workflow';
import { ActionsBar } from './ActionsBar';
import { CheckBar } from './CheckBar';
import { FindingsPanel } from './FindingsPanel';
import { Header } from './Header';
import { placedTables, totals } from './report-view';
import { ScoresPanel } from './ScoresPanel';
import { StatusMessage } from './StatusMessage';
import { Summary } from './Summary';
import { TablesPanel } from './TablesPanel';
import { asOfText, isIsoDate, TODAY, useWorkbook } from './useWorkbook';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    height: '100%',
    minHeight: 0,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  scroll: {
    flexGrow: 1,
    minHeight: 0,
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
  },
  footer: {
    flexShrink: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    borderTopWidth: tokens.strokeWidthThin,
    borderTopStyle: 'solid',
    borderTopColor: tokens.colorNeutralStroke2,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export interface PaneProps {
  host: WorkbookHost;
  lang: Lang;
  today: string;
  onLangChange(lang: Lang): void;
  /** Where the check and the apply run (the workbench's worker); absent: here. */
  workflow?: Workflow;
}

export function Pane(p: PaneProps) {
  const s = useStyles();
  const [state, act] = useWorkbook(p.host, p.lang, p.today, p.workflow);
  const busy = state.busy !== null;
  const report = state.report;
  const tables = report ? placedTables(report) : [];
  const shownAs = isIsoDate(state.asOf) && state.asOf !== p.today ? state.asOf : TODAY;
  const otherDate =
    state.applied && state.appliedAsOf !== null && state.appliedAsOf !== shownAs
      ? { applied: asOfText(p.lang, state.appliedAsOf), date: asOfText(p.lang, shownAs) }
      : undefined;
  return (
    <div className={s.root} lang={p.lang} data-testid="taskpane">
      <div className={s.scroll}>
        <Header
          lang={p.lang}
          asOf={state.asOf}
          asOfTitle={state.asOfTitle && state.asOfTitle.date === state.asOf ? state.asOfTitle.title : undefined}
          disabled={busy}
          onLangChange={p.onLangChange}
          onAsOfChange={act.setAsOf}
        />
        <CheckBar lang={p.lang} busy={state.busy} progress={state.progress} checked={report !== null} onCheck={() => void act.check()} />
        {report && (
          <>
            <Summary lang={p.lang} totals={totals(report)} />
            <Divider />
            <FindingsPanel
              lang={p.lang}
              findings={report.findings}
              fixesLogged={state.fixesLogged}
              disabled={busy}
              onSelect={(cell) => void act.select(cell)}
              onFix={(fix) => void act.applyFix(fix)}
              onFixAll={(rule, fixes) => void act.applyFixes(rule, fixes)}
              onSelectCells={(rule, cells) => void act.selectCells(rule, cells)}
              onUndoFixes={() => void act.undoFixes()}
            />
            <TablesPanel
              lang={p.lang}
              tables={tables}
              mapping={state.mapping}
              disabled={busy}
              onRoleChange={(c) => void act.setRole(c)}
              onUseSelection={() => void act.useSelectionAsTable()}
              onHeaderRows={(t, rows) => void act.setHeaderRows(t, rows)}
              onAutomatic={(t) => void act.recognizeAutomatically(t)}
            />
            <ScoresPanel lang={p.lang} tables={tables} disabled={busy} onLights={(preset) => void act.setLights(preset)} />
          </>
        )}
      </div>
      <div className={s.footer}>
        <ActionsBar
          lang={p.lang}
          canApply={report === null || tables.length > 0}
          applied={state.applied}
          {...(otherDate ? { otherDate } : {})}
          busy={busy}
          onApply={() => void act.apply()}
          onRevert={() => void act.revert()}
        />
        {state.status && <StatusMessage lang={p.lang} status={state.status} onDismiss={act.dismissStatus} />}
      </div>
    </div>
  );
}
