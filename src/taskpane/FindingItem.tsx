/**
 * One finding: the cell first (as staff look for it), then the message. Clicking anywhere on it
 * selects the cell in the workbook; the address is the keyboard's way to do the same.
 */
import { Button, Caption1, Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Lang } from '../core/i18n';
import type { Finding } from '../core/report';
import type { CellFix } from '../hosts/host';
import { writableFix } from './report-view';
import { ui } from './strings';
import { Truncated } from './Truncated';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderLeftWidth: '3px',
    borderLeftStyle: 'solid',
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorderActive },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  where: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  message: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: 'anywhere' },
  rule: { color: tokens.colorNeutralForeground4, fontFamily: tokens.fontFamilyMonospace },
  fix: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, marginTop: '2px' },
  proposal: { flexGrow: 1, minWidth: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export interface FindingItemProps {
  lang: Lang;
  finding: Finding;
  disabled: boolean;
  onSelect(cell: string): void;
  onFix(fix: CellFix): void;
}

export function FindingItem(p: FindingItemProps) {
  const s = useStyles();
  const f = p.finding;
  const fix = writableFix(f);
  const where = f.cell ?? (f.sheet ? ui(p.lang, 'findings.whole-sheet', { sheet: f.sheet }) : ui(p.lang, 'findings.workbook'));
  const cell = f.cell;
  const proposal = fix ? (String(fix.value) === '' ? ui(p.lang, 'findings.fix-empty') : String(fix.value)) : '';
  return (
    <li
      data-testid="finding"
      data-cell={f.cell}
      data-rule={f.rule}
      data-severity={f.severity}
      className={mergeClasses(s.root, s[f.severity], cell ? s.clickable : undefined)}
      onClick={cell ? () => p.onSelect(cell) : undefined}
    >
      {cell ? (
        <Link as="button" className={s.where} aria-label={ui(p.lang, 'findings.go-to', { cell })}>
          {where}
        </Link>
      ) : (
        <span className={s.where}>{where}</span>
      )}
      <span className={s.message}>{f.message}</span>
      <Caption1 className={s.rule}>{f.rule}</Caption1>
      {fix && (
        <div className={s.fix}>
          <Truncated className={s.proposal} text={ui(p.lang, 'findings.fix-proposal', { value: proposal })} />
          <Button
            data-testid="fix-button"
            size="small"
            disabled={p.disabled}
            onClick={(e) => {
              // The fix is its own action: it must not also select the cell through the item.
              e.stopPropagation();
              p.onFix(fix);
            }}
          >
            {ui(p.lang, 'findings.apply-fix')}
          </Button>
        </div>
      )}
    </li>
  );
}
