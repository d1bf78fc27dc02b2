/**
 * The whole task pane: Fluent's light theme around the pane, an error boundary inside it. Self-
 * contained, so that the Office entry and the workbench render it as it is.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Lang } from '../core/i18n';
import type { WorkbookHost } from '../hosts/host';
import type { Workflow } from '../hosts/workflow';
import { ErrorBoundary } from './ErrorBoundary';
import { Pane } from './Pane';

export interface AppProps {
  host: WorkbookHost;
  lang: Lang;
  /** Today's date (ISO, local), from the caller's clock. */
  today: string;
  onLangChange?: (lang: Lang) => void;
  /** Where the check and the apply run (the workbench's worker); absent: beside the host, here. */
  workflow?: Workflow;
}

/**
 * The provider's classes are copied onto every portal (dropdown lists, popovers): a layout class
 * there would stretch each portal over the page. Its height goes inline, where portals do not look.
 */
const FILL = { height: '100%' } as const;

export function App(props: AppProps) {
  const [lang, setLang] = useState<Lang>(props.lang);
  // The caller may change the language too (the workbench has its own switch).
  useEffect(() => setLang(props.lang), [props.lang]);
  const changeLang = (l: Lang) => {
    setLang(l);
    props.onLangChange?.(l);
  };
  return (
    <FluentProvider theme={webLightTheme} style={FILL} lang={lang}>
      <ErrorBoundary lang={lang}>
        <Pane host={props.host} lang={lang} today={props.today} onLangChange={changeLang} {...(props.workflow ? { workflow: props.workflow } : {})} />
      </ErrorBoundary>
    </FluentProvider>
  );
}
