/** The tables found in the workbook, one card each, and the way to say where a table is by hand. */
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../core/i18n';
import type { Mapping } from '../core/settings/mapping';
import { overriddenColumns, type ColumnChoice } from './mapping-edit';
import type { PlacedTable } from './report-view';
import { Section } from './Section';
import { TableCard } from './TableCard';
import { ui } from './strings';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  none: { color: tokens.colorNeutralForeground3 },
});

export interface TablesPanelProps {
  lang: Lang;
  tables: PlacedTable[];
  /** The mapping kept in the workbook: which columns the user set. */
  mapping: Mapping | null;
  disabled: boolean;
  onRoleChange(choice: ColumnChoice): void;
  onUseSelection(): void;
  onHeaderRows(table: PlacedTable, rows: number[]): void;
  onAutomatic(table: PlacedTable): void;
}

export function TablesPanel(p: TablesPanelProps) {
  const s = useStyles();
  const useSelection = (
    <Button size="small" appearance="secondary" disabled={p.disabled} title={ui(p.lang, 'tables.use-selection-title')} onClick={p.onUseSelection} data-testid="use-selection">
      {ui(p.lang, 'tables.use-selection')}
    </Button>
  );
  return (
    <Section title={ui(p.lang, 'tables.title')} count={p.tables.length} testId="tables" actions={useSelection}>
      {p.tables.length === 0 ? (
        <Caption1 className={s.none}>{ui(p.lang, 'tables.none')}</Caption1>
      ) : (
        <div className={s.list}>
          {p.tables.map((t) => {
            // A table the user placed is named by its range; one the recognizer found, by its position.
            const ref = { sheet: t.sheet, table: t.index, ...(t.table.rangeFrom === 'settings' ? { range: t.table.range } : {}) };
            return (
              <TableCard
                key={`${t.sheet}\u0000${t.index}`}
                lang={p.lang}
                placed={t}
                disabled={p.disabled}
                overridden={overriddenColumns(p.mapping, ref)}
                onRoleChange={(column, role) => p.onRoleChange({ ...ref, column, role })}
                onHeaderRows={(rows) => p.onHeaderRows(t, rows)}
                onAutomatic={() => p.onAutomatic(t)}
              />
            );
          })}
        </div>
      )}
    </Section>
  );
}
