import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n';
import { uiMessages } from '../i18n/ui';
import { Button } from './Button';

export interface ErrorBoundaryProps {
  children: ReactNode;
  /** When this changes (e.g. the route), a failed view gets another chance. */
  resetKey?: string;
  /** Wall variant: no buttons (nobody can click a wall), just a calm message. */
  variant?: 'operator' | 'wall';
}

interface State {
  error: Error | null;
  resetKey: string | undefined;
}

/**
 * Catches a view that throws and shows a readable Russian message with a reload action instead of
 * a white screen. The technical message is shown as plain text, never the stack.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { resetKey: props.resetKey, error: null };
    return null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // Kept in the console for diagnosis; the user sees the readable message below.
    console.warn('view failed:', error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null });

  override render() {
    if (this.state.error) {
      return <ErrorView error={this.state.error} onRetry={this.retry} variant={this.props.variant ?? 'operator'} />;
    }
    return this.props.children;
  }
}

function ErrorView({ error, onRetry, variant }: { error: Error; onRetry(): void; variant: 'operator' | 'wall' }) {
  const t = useT(uiMessages);
  return (
    <div className="error-view" role="alert" data-testid="error-view">
      <h2>{t('errorTitle')}</h2>
      <p>{t('errorBody')}</p>
      {error.message ? <p className="error-view__cause">{t('errorDetails', { message: error.message })}</p> : null}
      {variant === 'operator' ? (
        <p>
          <Button variant="primary" onClick={onRetry}>
            {t('errorRetry')}
          </Button>{' '}
          <Button onClick={() => location.reload()}>{t('errorReloadApp')}</Button>
        </p>
      ) : null}
    </div>
  );
}
