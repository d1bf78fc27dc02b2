/** One recognized table: where it is, what it is, and how each column was read. */
import {
  Badge,
  Button,
  Dropdown,
  Option,
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
import { parseRange } from '../core/grid';
import type { Lang } from '../core/i18n';
import { LOW_CONFIDENCE } from '../core/recognize/recognize';
import type { Role } from '../core/contract';
import { ColumnRole } from './ColumnRole';
import type { AUTO } from './mapping-edit';
import type { PlacedTable } from './report-view';
import { headerRowsText } from './header-rows';
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
  placement: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  headerDropdown: { minWidth: 'unset', width: '132px' },
});

/** Header choices offered: starting near the current header, one to three rows, always leaving a row under them. */
const HEADER_STARTS = 3;
const HEADER_LENGTHS = 3;

/** The first header block's rows: the header rows that follow the first one without a gap. */
function firstHeader(rows: readonly number[]): number[] {
  const out: number[] = [];
  for (const r of rows) {
    if (out.length > 0 && r !== (out[out.length - 1] as number) + 1) break;
    out.push(r);
  }
  return out;
}

export function headerChoices(range: string, current: readonly number[]): number[][] {
  const area = parseRange(range);
  const out: number[][] = [];
  // Around the header read now: from the row above it (a title inside the range) to two rows lower.
  const first = Math.max(area.top, (current[0] ?? area.top) - 1);
  for (let from = first; from < first + HEADER_STARTS && from < area.bottom; from++) {
    for (let n = 1; n <= HEADER_LENGTHS && from + n - 1 < area.bottom; n++) out.push(Array.from({ length: n }, (_, i) => from + i));
  }
  const key = current.join('-');
  if (current.length > 0 && !out.some((c) => c.join('-') === key)) out.unshift([...current]);
  return out;
}

export interface TableCardProps {
  lang: Lang;
  placed: PlacedTable;
  disabled: boolean;
  /** Upper-case letters of the columns whose role the user set. */
  overridden: ReadonlySet<string>;
  onRoleChange(column: string, role: Role | null | typeof AUTO): void;
  onHeaderRows(rows: number[]): void;
  /** Hands a table the user placed back to the recognizer. */
  onAutomatic(): void;
}

export function TableCard(p: TableCardProps) {
  const s = useStyles();
  const { sheet, index, table } = p.placed;
  const nodes = table.tasks.reduce((n, task) => n + task.nodes.length, 0);
  const unsure = table.columns.filter((c) => c.confidence < LOW_CONFIDENCE).length;
  const title = table.title ?? ui(p.lang, 'tables.untitled');
  const placedByUser = table.rangeFrom === 'settings';
  const header = firstHeader(table.headerRows);
  const choices = headerChoices(table.range, header);
  const headerKey = header.join('-');
  return (
    <Card data-testid="table-card" data-sheet={sheet} data-table={index} data-range={table.range} data-placed={placedByUser || undefined} className={s.card} size="small">
      <CardHeader header={<Truncated className={s.title} text={title} />} />
      <Caption1 className={s.meta}>
        <span>{ui(p.lang, 'tables.range', { address: `${sheet}!${table.range}` })}</span>
        <span>{table.year !== null ? ui(p.lang, 'tables.year', { year: table.year }) : ui(p.lang, 'tables.year-none')}</span>
        <span className={table.confidence < LOW_CONFIDENCE ? s.unsure : undefined}>
          {ui(p.lang, 'tables.confidence', { value: formatConfidence(table.confidence) })}
        </span>
        <span>{ui(p.lang, 'tables.tasks', { tasks: table.tasks.length, nodes })}</span>
      </Caption1>
      <div className={s.placement}>
        <Caption1>{ui(p.lang, 'tables.header-rows')}</Caption1>
        <Dropdown
          data-testid={`header-rows-${sheet}-${index}`}
          className={s.headerDropdown}
          size="small"
          disabled={p.disabled}
          aria-label={ui(p.lang, 'tables.header-rows-label', { range: `${sheet}!${table.range}` })}
          value={header.length > 0 ? headerRowsText(p.lang, header) : ''}
          selectedOptions={[headerKey]}
          onOptionSelect={(_, d) => {
            const v = d.optionValue;
            if (v === undefined || v === headerKey) return;
            p.onHeaderRows(v.split('-').map(Number));
          }}
        >
          {choices.map((rows) => (
            <Option key={rows.join('-')} value={rows.join('-')} text={headerRowsText(p.lang, rows)}>
              {headerRowsText(p.lang, rows)}
            </Option>
          ))}
        </Dropdown>
        {placedByUser && (
          <>
            <Badge size="small" appearance="tint" color="informative" data-testid="table-placed">
              {ui(p.lang, 'tables.placed')}
            </Badge>
            <Button size="small" appearance="subtle" disabled={p.disabled} title={ui(p.lang, 'tables.placed-auto-title')} onClick={p.onAutomatic} data-testid={`table-auto-${sheet}-${index}`}>
              {ui(p.lang, 'tables.placed-auto')}
            </Button>
          </>
        )}
      </div>
      <Accordion collapsible defaultOpenItems={['columns']}>
        <AccordionItem value="columns">
          <AccordionHeader size="small">
            <Text size={200}>
              {ui(p.lang, 'tables.columns', { count: table.columns.length })}
              {unsure > 0 && <span className={s.unsure}>{ui(p.lang, 'tables.columns-unsure', { count: unsure })}</span>}
            </Text>
          </AccordionHeader>
          {/* No collapse motion: measuring the panel for it forces a layout of the whole page inside
              React's commit, the longest task of a large workbook's check. */}
          <AccordionPanel className={s.panel} collapseMotion={null}>
            <div className={s.columns}>
              {table.columns.map((c) => (
                <ColumnRole
                  key={c.column}
                  lang={p.lang}
                  sheet={sheet}
                  tableIndex={index}
                  column={c}
                  overridden={p.overridden.has(c.column)}
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
