/** Product name, language switch and the as-of date. */
import { Button, Caption1, Field, Input, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { Lang } from '../core/i18n';
import { ui } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  top: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
  date: { maxWidth: '180px' },
  note: { color: tokens.colorBrandForeground1 },
});

export interface HeaderProps {
  lang: Lang;
  asOf: string;
  disabled: boolean;
  onLangChange(lang: Lang): void;
  onAsOfChange(date: string): void;
  /** The title the shown date was read from (截至6月底), while the user has chosen no other. */
  asOfTitle?: string | undefined;
}

export function Header(p: HeaderProps) {
  const s = useStyles();
  const other: Lang = p.lang === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <header className={s.root}>
      <div className={s.top}>
        <div className={s.titles}>
          <Subtitle2 as="h1">{ui(p.lang, 'app.name')}</Subtitle2>
          <Caption1 className={s.subtitle}>{ui(p.lang, 'app.subtitle')}</Caption1>
        </div>
        <Button
          data-testid="lang-switch"
          size="small"
          appearance="subtle"
          lang={other}
          title={ui(p.lang, 'lang.switch-title')}
          aria-label={ui(p.lang, 'lang.switch-title')}
          onClick={() => p.onLangChange(other)}
        >
          {ui(p.lang, 'lang.switch-to')}
        </Button>
      </div>
      <Field label={ui(p.lang, 'asof.label')} hint={ui(p.lang, 'asof.hint')} size="small">
        <Input
          className={s.date}
          data-testid="asof-input"
          type="date"
          size="small"
          value={p.asOf}
          disabled={p.disabled}
          onChange={(_, d) => p.onAsOfChange(d.value)}
        />
      </Field>
      {p.asOfTitle !== undefined && (
        <Caption1 className={s.note} data-testid="asof-from-title">
          {ui(p.lang, 'asof.from-title', { title: p.asOfTitle })}
        </Caption1>
      )}
    </header>
  );
}
