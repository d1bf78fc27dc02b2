/** Findings grouped by severity, errors first; long groups show a page at a time. */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../core/i18n';
import type { Finding, Severity } from '../core/report';
import type { CellFix } from '../hosts/host';
import { FindingItem } from './FindingItem';
import { bySeverity, SEVERITIES } from './report-view';
import { Section } from './Section';
import { ShowMore, usePage } from './ShowMore';
import { ui, type UiKey } from './strings';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  none: { color: tokens.colorNeutralForeground3 },
  panel: { marginLeft: 0, marginRight: 0 },
});

const GROUP_TITLE: Record<Severity, UiKey> = { error: 'findings.error', warning: 'findings.warning', info: 'findings.info' };

export interface FindingsPanelProps {
  lang: Lang;
  findings: readonly Finding[];
  fixesLogged: number;
  disabled: boolean;
  onSelect(cell: string): void;
  onFix(fix: CellFix): void;
  onUndoFixes(): void;
}

function Group(p: FindingsPanelProps & { items: Finding[] }) {
  const s = useStyles();
  const page = usePage(p.items);
  return (
    <>
      <ul className={s.list}>
        {page.shown.map((f, i) => (
          <FindingItem
            key={`${f.rule}\u0000${f.cell ?? f.sheet ?? ''}\u0000${i}`}
            lang={p.lang}
            finding={f}
            disabled={p.disabled}
            onSelect={p.onSelect}
            onFix={p.onFix}
          />
        ))}
      </ul>
      <ShowMore lang={p.lang} rest={page.rest} onMore={page.more} />
    </>
  );
}

export function FindingsPanel(p: FindingsPanelProps) {
  const s = useStyles();
  const groups = bySeverity(p.findings);
  const present = SEVERITIES.filter((sev) => groups[sev].length > 0);
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
        <Accordion multiple collapsible defaultOpenItems={[...SEVERITIES]}>
          {present.map((sev) => (
            <AccordionItem key={sev} value={sev} data-testid={`findings-${sev}`}>
              <AccordionHeader size="small">{ui(p.lang, GROUP_TITLE[sev], { count: groups[sev].length })}</AccordionHeader>
              <AccordionPanel className={s.panel}>
                <Group {...p} items={groups[sev]} />
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </Section>
  );
}
