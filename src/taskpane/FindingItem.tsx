/**
 * One finding: the cell first (as staff look for it), then the message in plain words; the rule id
 * is on hover, for whoever reports a bug. Clicking anywhere on it selects the cell in the workbook;
 * the address is the keyboard's way to do the same. A proposed fix shows only what it changes,
 * however long the cell's text.
 */
import { Button, Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Lang } from '../core/i18n';
import type { Finding } from '../core/contract';
import type { CellFix } from '../hosts/host';
import { changeView, writableFix } from './report-view';
import { ui } from './strings';

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
  where: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, alignSelf: 'flex-start' },
  // Three lines at most: a message quoting a long cell is read whole on hover.
  message: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: 'anywhere',
    display: '-webkit-box',
    WebkitLineClamp: '3',
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  fix: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, marginTop: '2px' },
  proposal: {
    flexGrow: 1,
    minWidth: 0,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  removed: { backgroundColor: tokens.colorPaletteRedBackground2, textDecorationLine: 'line-through', color: tokens.colorPaletteRedForeground1 },
  added: { backgroundColor: tokens.colorPaletteGreenBackground2, color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface FindingItemProps {
  lang: Lang;
  finding: Finding;
  /** The rule's name in plain words, shown on hover with its id. */
  ruleTitle: string;
  disabled: boolean;
  onSelect(cell: string): void;
  onFix(fix: CellFix): void;
}

/** The proposal: the cell's text with the change marked, or the new value alone when the old text is not known. */
function Proposal(p: { lang: Lang; found: string | undefined; value: string | number; className: string; removed: string; added: string }) {
  const value = String(p.value);
  const label = ui(p.lang, 'findings.proposal');
  const whole = value === '' ? ui(p.lang, 'findings.fix-empty') : value;
  if (p.found === undefined) {
    return (
      <span className={p.className} title={whole} data-testid="fix-proposal">
        {label}
        {whole}
      </span>
    );
  }
  const parts = changeView(p.found, value);
  return (
    <span className={p.className} title={whole} data-testid="fix-proposal">
      {label}
      {parts.map((c, i) =>
        c.kind === 'removed' ? (
          <del key={i} className={p.removed} aria-label={`${ui(p.lang, 'findings.removed')} ${c.text}`}>
            {c.text}
          </del>
        ) : c.kind === 'added' ? (
          <ins key={i} className={p.added} aria-label={`${ui(p.lang, 'findings.added')} ${c.text}`}>
            {c.text}
          </ins>
        ) : (
          <span key={i}>{c.text}</span>
        ),
      )}
      {value === '' && ui(p.lang, 'findings.fix-empty')}
    </span>
  );
}

export function FindingItem(p: FindingItemProps) {
  const s = useStyles();
  const f = p.finding;
  const fix = writableFix(f);
  const where = f.cell ?? (f.sheet ? ui(p.lang, 'findings.whole-sheet', { sheet: f.sheet }) : ui(p.lang, 'findings.workbook'));
  const cell = f.cell;
  return (
    <li
      data-testid="finding"
      data-cell={f.cell}
      data-rule={f.rule}
      data-severity={f.severity}
      title={`${p.ruleTitle}\n${ui(p.lang, 'findings.rule-id', { rule: f.rule })}`}
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
      <span className={s.message} data-testid="finding-message">
        {f.message}
      </span>
      {fix && (
        <div className={s.fix}>
          <Proposal lang={p.lang} found={f.found} value={fix.value} className={s.proposal} removed={s.removed} added={s.added} />
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
