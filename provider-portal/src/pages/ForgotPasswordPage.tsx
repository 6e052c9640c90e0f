import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { requestPasswordReset } from '../api/auth';
import { arrivalOf } from '../auth/arrival';
import { useI18n } from '../i18n/context';
import { ErrorLines, FormAlert } from '../ui/ErrorNotice';
import { fieldErrorTexts } from '../ui/errors';
import { PageHeading } from '../ui/PageHeading';
import { TextField } from '../ui/TextField';
import { looksLikeEmail } from '../ui/validation';

/**
 * Asks for a reset link. The answer is the same whether or not the account exists, so nobody can use
 * this form to find out who has an account.
 */
export function ForgotPasswordPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [email, setEmail] = useState(arrivalOf(useLocation().state).email ?? '');
  const [emailError, setEmailError] = useState<string | undefined>();
  const [problem, setProblem] = useState<{ error?: unknown; message?: string; attempt: number } | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const sentRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (sent) sentRef.current?.focus();
  }, [sent]);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const attempt = (problem?.attempt ?? 0) + 1;
    const local = !email.trim() ? t('validation.required') : !looksLikeEmail(email) ? t('validation.isEmail') : undefined;
    if (local) {
      setEmailError(local);
      setProblem({ message: t('errors.VALIDATION_FAILED'), attempt });
      emailRef.current?.focus();
      return;
    }
    setBusy(true);
    setEmailError(undefined);
    setProblem(null);
    try {
      await requestPasswordReset(email.trim());
      setSent(true);
    } catch (error) {
      const fields = fieldErrorTexts(i18n, error, ['email'] as const);
      setEmailError(fields.email);
      setProblem({ error, attempt });
      if (fields.email) emailRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <PageHeading title={t('forgot.title')} />
      {sent ? (
        <div ref={sentRef} tabIndex={-1} role="status" className="notice notice-success">
          <p>{t('forgot.sent')}</p>
        </div>
      ) : (
        <>
          <p className="lead">{t('forgot.intro')}</p>
          <FormAlert attempt={problem?.attempt ?? 0}>
            {problem && <ErrorLines error={problem.error} message={problem.message} />}
          </FormAlert>
          <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-busy={busy || undefined}>
            <TextField
              id="forgot-email"
              label={t('forgot.email')}
              type="email"
              inputMode="email"
              autoComplete="email"
              autoCapitalize="none"
              spellCheck={false}
              value={email}
              onValueChange={setEmail}
              error={emailError}
              inputRef={emailRef}
            />
            <button type="submit" className="button button-primary button-block" aria-disabled={busy || undefined}>
              {t('forgot.submit')}
            </button>
            <p role="status" className="visually-hidden">
              {busy ? t('common.pleaseWait') : ''}
            </p>
          </form>
        </>
      )}
      <p className="after-form">
        <Link to="/login">{t('common.backToLogin')}</Link>
      </p>
    </div>
  );
}
