/** One recognized table: where it is, what it is, and how each column was read. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  Card,
  CardHeader,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Lang } from '../core/i18n';
import { LOW_CONFIDENCE } from '../core/recognize/recognize';
import type { Role } from '../core/recognize/roles';
import { ColumnRole } from './ColumnRole';
import type { PlacedTable } from './report-view';
import { formatConfidence, ui } from './strings';
import { Truncated } from './Truncated';

const useStyles = makeStyles({
  card: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS, gap: tokens.spacingVerticalXS },
  title: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3, display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  unsure: { color: tokens.colorPaletteDarkOrangeForeground1 },
  columns: { display: 'flex', flexDirection: 'column', rowGap: '2px' },
  hint: { color: tokens.colorNeutralForeground3, marginTop: tokens.spacingVerticalXS },
  panel: { marginLeft: 0, marginRight: 0 },
});

export interface TableCardProps {
  lang: Lang;
  placed: PlacedTable;
  disabled: boolean;
  onRoleChange(column: string, role: Role | null): void;
}

export function TableCard(p: TableCardProps) {
  const s = useStyles();
  const { sheet, index, table } = p.placed;
  const nodes = table.tasks.reduce((n, task) => n + task.nodes.length, 0);
  const unsure = table.columns.filter((c) => c.confidence < LOW_CONFIDENCE).length;
  const title = table.title ?? ui(p.lang, 'tables.untitled');
  return (
    <Card data-testid="table-card" data-sheet={sheet} data-table={index} data-range={table.range} className={s.card} size="small">
      <CardHeader header={<Truncated className={s.title} text={title} />} />
      <Caption1 className={s.meta}>
        <span>{ui(p.lang, 'tables.range', { address: `${sheet}!${table.range}` })}</span>
        <span>{table.year !== null ? ui(p.lang, 'tables.year', { year: table.year }) : ui(p.lang, 'tables.year-none')}</span>
        <span className={table.confidence < LOW_CONFIDENCE ? s.unsure : undefined}>
          {ui(p.lang, 'tables.confidence', { value: formatConfidence(table.confidence) })}
        </span>
        <span>{ui(p.lang, 'tables.tasks', { tasks: table.tasks.length, nodes })}</span>
      </Caption1>
      <Accordion collapsible defaultOpenItems={['columns']}>
        <AccordionItem value="columns">
          <AccordionHeader size="small">
            <Text size={200}>
              {ui(p.lang, 'tables.columns', { count: table.columns.length })}
              {unsure > 0 && <span className={s.unsure}>{ui(p.lang, 'tables.columns-unsure', { count: unsure })}</span>}
            </Text>
          </AccordionHeader>
          <AccordionPanel className={s.panel}>
            <div className={s.columns}>
              {table.columns.map((c) => (
                <ColumnRole
                  key={c.column}
                  lang={p.lang}
                  sheet={sheet}
                  tableIndex={index}
                  column={c}
                  disabled={p.disabled}
                  onChange={(role) => p.onRoleChange(c.column, role)}
                />
              ))}
            </div>
            <Caption1 className={s.hint}>{ui(p.lang, 'tables.mapping-hint')}</Caption1>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </Card>
  );
}
