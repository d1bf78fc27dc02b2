/**
 * A rendering error anywhere in the pane shows its message in an error bar instead of a blank pane;
 * "try again" renders the pane afresh (the workbook itself is untouched by a rendering error).
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';
import type { Lang } from '../core/i18n';
import { ui } from './strings';

interface Props {
  lang: Lang;
  children: ReactNode;
}

interface State {
  error: Error | null;
  attempt: number;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The console is where a developer opening the pane's F12 tools looks for the stack.
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    const { error, attempt } = this.state;
    if (!error) return <Fragment key={attempt}>{this.props.children}</Fragment>;
    const lang = this.props.lang;
    return (
      <MessageBar data-testid="status-message" data-intent="error" intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{ui(lang, 'boundary.title')}</MessageBarTitle>
          {error.message || ui(lang, 'status.unknown-error')}
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={() => this.setState({ error: null, attempt: attempt + 1 })}>
            {ui(lang, 'boundary.retry')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
