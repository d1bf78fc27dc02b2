/** Shown when the page is opened outside Excel (a browser tab, another Office program). */
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import type { Lang } from '../core/i18n';
import { ui } from './strings';

export function OutsideExcel(p: { lang: Lang }) {
  return (
    <FluentProvider theme={webLightTheme} lang={p.lang}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{ui(p.lang, 'app.name')}</MessageBarTitle>
          {ui(p.lang, 'office.outside-excel')}
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}
