/**
 * The findings as work to get through: counts by severity that filter the list, then one group per
 * rule (its name in plain words, how many cells), each with "select these cells" and, where the fix
 * only tidies text, one "fix all" that a single Undo fixes takes back. Long groups show a page at a time.
 */
import { Button, Caption1, makeStyles, mergeClasses, ToggleButton, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Lang } from '../core/i18n';
import type { Finding, Severity } from '../core/contract';
import type { CellFix } from '../hosts/host';
import { FindingItem } from './FindingItem';
import { byRule, bySeverity, SEVERITIES, type RuleGroup } from './report-view';
import { ruleTitle } from './rule-title';
import { Section } from './Section';
import { PAGE, ShowMore, usePage } from './ShowMore';
import { ui, type UiKey } from './strings';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  groups: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    borderLeftWidth: '3px',
    borderLeftStyle: 'solid',
    paddingLeft: tokens.spacingHorizontalS,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorderActive },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  head: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  toggle: { flexGrow: 1, justifyContent: 'flex-start', minWidth: 0, textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingLeft: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, marginLeft: 'auto' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  none: { color: tokens.colorNeutralForeground3 },
});

const FILTER_TITLE: Record<Severity, UiKey> = { error: 'findings.filter-error', warning: 'findings.filter-warning', info: 'findings.filter-info' };

export interface FindingsPanelProps {
  lang: Lang;
  findings: readonly Finding[];
  fixesLogged: number;
  disabled: boolean;
  onSelect(cell: string): void;
  onFix(fix: CellFix): void;
  /** Every fix of one rule at once: one batch, one undo. */
  onFixAll(rule: string, fixes: CellFix[]): void;
  onSelectCells(rule: string, cells: string[]): void;
  onUndoFixes(): void;
}

type Filter = Severity | 'all';

/** Findings a group among several shows before "more": the other rules stay in view. */
const GROUP_FIRST = 5;

function Group(p: FindingsPanelProps & { group: RuleGroup; open: boolean; alone: boolean; onToggle(): void }) {
  const s = useStyles();
  const g = p.group;
  const title = ruleTitle(p.lang, g.rule);
  const page = usePage(g.findings, p.alone ? PAGE : GROUP_FIRST);
  return (
    <div className={mergeClasses(s.group, s[g.severity])} data-testid="finding-group" data-rule={g.rule} data-severity={g.severity} data-count={g.findings.length}>
      <div className={s.head}>
        <Button
          className={s.toggle}
          appearance="transparent"
          size="small"
          aria-expanded={p.open}
          aria-label={ui(p.lang, 'findings.group-toggle', { title })}
          title={ui(p.lang, 'findings.rule-id', { rule: g.rule })}
          data-testid="finding-group-toggle"
          onClick={p.onToggle}
        >
          {p.open ? '▾' : '▸'} {ui(p.lang, 'findings.group-title', { title, count: g.findings.length })}
        </Button>
        <div className={s.actions}>
          {g.cells.length > 1 && (
            <Button
              data-testid="select-all-button"
              size="small"
              appearance="subtle"
              disabled={p.disabled}
              title={ui(p.lang, 'findings.select-all-title', { count: g.cells.length })}
              onClick={() => p.onSelectCells(g.rule, g.cells)}
            >
              {ui(p.lang, 'findings.select-all')}
            </Button>
          )}
          {g.fixes.length > 1 && (
            <Button
              data-testid="fix-all-button"
              size="small"
              appearance="primary"
              disabled={p.disabled}
              title={ui(p.lang, 'findings.fix-all-title', { count: g.fixes.length })}
              onClick={() => p.onFixAll(g.rule, g.fixes)}
            >
              {ui(p.lang, 'findings.fix-all', { count: g.fixes.length })}
            </Button>
          )}
        </div>
      </div>
      {p.open && (
        <>
          <ul className={s.list}>
            {page.shown.map((f, i) => (
              <FindingItem
                key={`${f.rule}\u0000${f.cell ?? f.sheet ?? ''}\u0000${i}`}
                lang={p.lang}
                finding={f}
                ruleTitle={title}
                disabled={p.disabled}
                onSelect={p.onSelect}
                onFix={p.onFix}
              />
            ))}
          </ul>
          <ShowMore lang={p.lang} rest={page.rest} onMore={page.more} />
        </>
      )}
    </div>
  );
}

export function FindingsPanel(p: FindingsPanelProps) {
  const s = useStyles();
  const [filter, setFilter] = useState<Filter>('all');
  // Groups the user closed or opened again; every group starts open, showing its first few findings.
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  const counts = bySeverity(p.findings);
  const present = SEVERITIES.filter((sev) => counts[sev].length > 0);
  // A filter whose findings are all gone (fixed) falls back to all, rather than an empty list.
  const active: Filter = filter !== 'all' && counts[filter].length === 0 ? 'all' : filter;
  const groups = byRule(active === 'all' ? p.findings : counts[active]);
  const keyOf = (g: RuleGroup) => `${g.severity}:${g.rule}`;
  const isOpen = (g: RuleGroup) => toggled[keyOf(g)] ?? true;
  const undo =
    p.fixesLogged > 0 ? (
      <Button data-testid="undo-fixes-button" size="small" appearance="subtle" disabled={p.disabled} onClick={p.onUndoFixes}>
        {ui(p.lang, 'findings.undo-fixes', { count: p.fixesLogged })}
      </Button>
    ) : undefined;
  return (
    <Section title={ui(p.lang, 'findings.title')} count={p.findings.length} testId="findings" actions={undo}>
      {present.length === 0 ? (
        <Caption1 className={s.none}>{ui(p.lang, 'findings.none')}</Caption1>
      ) : (
        <>
          <div className={s.filters} role="group" aria-label={ui(p.lang, 'findings.filter-label')}>
            <ToggleButton size="small" shape="circular" data-testid="filter-all" checked={active === 'all'} onClick={() => setFilter('all')}>
              {ui(p.lang, 'findings.filter-all', { count: p.findings.length })}
            </ToggleButton>
            {present.map((sev) => (
              <ToggleButton key={sev} size="small" shape="circular" data-testid={`filter-${sev}`} checked={active === sev} onClick={() => setFilter(active === sev ? 'all' : sev)}>
                {ui(p.lang, FILTER_TITLE[sev], { count: counts[sev].length })}
              </ToggleButton>
            ))}
          </div>
          <div className={s.groups}>
            {groups.map((g) => (
              <Group key={keyOf(g)} {...p} group={g} open={isOpen(g)} alone={groups.length === 1} onToggle={() => setToggled({ ...toggled, [keyOf(g)]: !isOpen(g) })} />
            ))}
          </div>
        </>
      )}
    </Section>
  );
}
