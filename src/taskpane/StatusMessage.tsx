/** What the last action did, or why it did not. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Lang } from '../core/i18n';
import { DismissIcon } from './DismissIcon';
import { ui } from './strings';
import type { StatusSpec } from './useWorkbook';

export function StatusMessage(p: { lang: Lang; status: StatusSpec; onDismiss(): void }) {
  const params = { ...(p.status.params ?? {}) };
  // A host error without a message would otherwise read as "did not work: ".
  if (p.status.key === 'status.error' && !params.message) params.message = ui(p.lang, 'status.unknown-error');
  return (
    <MessageBar data-testid="status-message" data-intent={p.status.intent} intent={p.status.intent} layout="multiline">
      <MessageBarBody>
        {p.status.intent === 'error' && <MessageBarTitle>{ui(p.lang, 'status.error-title')}</MessageBarTitle>}
        {ui(p.lang, p.status.key, params)}
        {p.status.note && (p.lang === 'zh-CN' ? '' : ' ') + ui(p.lang, p.status.note)}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            size="small"
            appearance="transparent"
            icon={<DismissIcon />}
            aria-label={ui(p.lang, 'status.dismiss')}
            title={ui(p.lang, 'status.dismiss')}
            onClick={p.onDismiss}
          />
        }
      />
    </MessageBar>
  );
}
