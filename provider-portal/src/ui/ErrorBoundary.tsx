import { Component, type ContextType, type ErrorInfo, type ReactNode } from 'react';
import { I18nContext } from '../i18n/context';
import { DEFAULT_LOCALE } from '../i18n/locales';
import { translate, type MessageKey } from '../i18n/translate';

interface State {
  failed: boolean;
}

/** A page that crashed while drawing shows a way out instead of an empty screen. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  static contextType = I18nContext;
  declare context: ContextType<typeof I18nContext>;
  state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('The portal failed to draw a page', error, info.componentStack);
  }

  render() {
    if (!this.state.failed) return this.props.children;
    const t = this.context?.t ?? ((key: MessageKey) => translate(DEFAULT_LOCALE, key));
    return (
      <div role="alert" className="notice notice-error">
        <h1>{t('crash.title')}</h1>
        <p>{t('crash.text')}</p>
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          {t('crash.reload')}
        </button>
      </div>
    );
  }
}
