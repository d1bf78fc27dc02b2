/** The tables found in the workbook, one card each. */
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../core/i18n';
import type { ColumnChoice } from './mapping-edit';
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
  disabled: boolean;
  onRoleChange(choice: ColumnChoice): void;
}

export function TablesPanel(p: TablesPanelProps) {
  const s = useStyles();
  return (
    <Section title={ui(p.lang, 'tables.title')} count={p.tables.length} testId="tables">
      {p.tables.length === 0 ? (
        <Caption1 className={s.none}>{ui(p.lang, 'tables.none')}</Caption1>
      ) : (
        <div className={s.list}>
          {p.tables.map((t) => (
            <TableCard
              key={`${t.sheet}\u0000${t.index}`}
              lang={p.lang}
              placed={t}
              disabled={p.disabled}
              onRoleChange={(column, role) => p.onRoleChange({ sheet: t.sheet, table: t.index, column, role })}
            />
          ))}
        </div>
      )}
    </Section>
  );
}
