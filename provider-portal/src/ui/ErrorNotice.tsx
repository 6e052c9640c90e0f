import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context';
import { errorText, supportReference } from './errors';

/** The sentence for an error, and for a server fault the number support needs to find it. */
export function ErrorLines({ error, message }: { error?: unknown; message?: string }) {
  const i18n = useI18n();
  const reference = supportReference(error);
  return (
    <>
      <p>{message ?? errorText(i18n, error)}</p>
      {reference && <p className="notice-small">{i18n.t('common.requestId', { id: reference })}</p>}
    </>
  );
}

/** An error that stops a part of the page from showing, with what the user can do next. */
export function ErrorNotice({ error, message, children }: { error?: unknown; message?: string; children?: ReactNode }) {
  return (
    <div role="alert" className="notice notice-error">
      <ErrorLines error={error} message={message} />
      {children}
    </div>
  );
}

/**
 * A form's general message. The alert region stays in the page so that screen readers announce what
 * appears in it; `attempt` renews the content so a repeated message is announced again.
 */
export function FormAlert({ attempt, children }: { attempt: number; children?: ReactNode }) {
  return (
    <div role="alert" className="alert-region">
      {children ? (
        <div key={attempt} className="notice notice-error">
          {children}
        </div>
      ) : null}
    </div>
  );
}
