/**
 * One column of a recognized table: its letter, header, its role as a dropdown (with 自动 to take the
 * user's choice away), and why the recognizer chose that role, beside it.
 */
import { Badge, Dropdown, makeStyles, Option, tokens } from '@fluentui/react-components';
import { t, type Lang, type MessageKey } from '../core/i18n';
import { LOW_CONFIDENCE } from '../core/recognize/recognize';
import { isRole, ROLES, type Role } from '../core/contract';
import type { ColumnReport } from '../core/contract';
import { AUTO } from './mapping-edit';
import { formatConfidence, ui } from './strings';
import { Truncated } from './Truncated';

const NONE = 'none';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: '28px minmax(0, 1fr) auto 148px',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    minHeight: '28px',
  },
  letter: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  header: { fontSize: tokens.fontSizeBase200 },
  dropdown: { minWidth: 'unset', width: '148px' },
  // Why the recognizer chose this role, beside the choice: under the header, in small print.
  why: { gridColumnStart: 2, gridColumnEnd: 5, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, color: tokens.colorNeutralForeground3, marginTop: '-2px' },
  buttonText: { textAlign: 'start' },
});

export function roleName(lang: Lang, role: Role | null): string {
  return t(lang, `role.${role ?? 'null'}` as MessageKey);
}

export interface ColumnRoleProps {
  lang: Lang;
  sheet: string;
  tableIndex: number;
  column: ColumnReport;
  /** The user set this column's role (it is in the kept mapping): "automatic" takes it away. */
  overridden?: boolean;
  disabled: boolean;
  onChange(role: Role | null | typeof AUTO): void;
}

export function ColumnRole(p: ColumnRoleProps) {
  const s = useStyles();
  const c = p.column;
  const header = c.header ?? ui(p.lang, 'tables.column-header-none');
  const unsure = c.confidence < LOW_CONFIDENCE;
  const current = c.role ?? NONE;
  const label = (v: string) => (isRole(v) ? roleName(p.lang, v) : v === AUTO ? ui(p.lang, 'tables.role-auto') : ui(p.lang, 'tables.role-none'));
  return (
    <div className={s.row} data-column={c.column} data-unsure={unsure || undefined} data-overridden={p.overridden === true || undefined}>
      <span className={s.letter}>{c.column}</span>
      <Truncated className={s.header} text={header} title={c.why ? `${header}\n${c.why}` : header} />
      {p.overridden ? (
        <Badge size="small" appearance="tint" color="informative" title={ui(p.lang, 'tables.role-set-title')}>
          {ui(p.lang, 'tables.role-set')}
        </Badge>
      ) : unsure ? (
        <Badge size="small" appearance="tint" color="warning" title={ui(p.lang, 'tables.low-confidence-title', { confidence: formatConfidence(c.confidence) })}>
          {ui(p.lang, 'tables.low-confidence')}
        </Badge>
      ) : (
        <span />
      )}
      <Dropdown
        data-testid={`role-${p.sheet}-${p.tableIndex}-${c.column}`}
        className={s.dropdown}
        // A long role name stays on one line in the narrow pane; the list shows it whole.
        button={{ children: <Truncated className={s.buttonText} text={label(current)} /> }}
        size="small"
        disabled={p.disabled}
        aria-label={ui(p.lang, 'tables.column-label', { column: c.column, header })}
        value={label(current)}
        selectedOptions={[current]}
        onOptionSelect={(_, d) => {
          const v = d.optionValue;
          if (v === undefined || v === current) return;
          // Automatic on a column the recognizer already reads changes nothing.
          if (v === AUTO) {
            if (p.overridden) p.onChange(AUTO);
            return;
          }
          p.onChange(isRole(v) ? v : null);
        }}
      >
        {[AUTO, ...ROLES, NONE].map((r) => (
          <Option key={r} value={r} text={label(r)}>
            {label(r)}
          </Option>
        ))}
      </Dropdown>
      {!p.overridden && c.why && <Truncated className={s.why} text={ui(p.lang, 'tables.why-auto', { why: c.why })} />}
    </div>
  );
}
