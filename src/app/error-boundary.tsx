import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What to show instead of a blank page; gets the error and a reset. */
  fallback: (error: Error, reset: () => void) => ReactNode;
  /** Changing it clears a caught error (e.g. the report or range changed). */
  resetKey?: string;
  children: ReactNode;
}

/** Keeps one broken report from blanking the whole page. */
export class ErrorBoundary extends Component<Props, { error: Error | null; key?: string }> {
  override state: { error: Error | null; key?: string } = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error: Error | null; key?: string }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Report view failed', error, info.componentStack);
  }

  override render() {
    if (this.state.error)
      return this.props.fallback(this.state.error, () => this.setState({ error: null }));
    return this.props.children;
  }
}
