import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import i18n from '../i18n';

interface Props {
  readonly children: ReactNode;
  /** Changing this key clears the error (e.g. navigating to another page). */
  readonly resetKey?: string;
}
interface State {
  readonly error: Error | undefined;
  readonly resetKey: string | undefined;
}

/** Shows a useful message instead of a blank page when rendering fails. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey
      ? null
      : { error: undefined, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // eslint-disable-next-line no-console -- the console is the renderer's log until log forwarding exists.
    console.error('render failed', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    return (
      <section role="alert" className="error-panel" data-testid="error-boundary">
        <h2>{i18n.t('error.title')}</h2>
        <p>{i18n.t('error.body')}</p>
        {/* The engine's own words, a technical detail for the IT team: marked as English data. */}
        <pre className="error-details" lang="en" translate="no">
          {error.message}
        </pre>
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          {i18n.t('error.retry')}
        </button>
      </section>
    );
  }
}
