import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { confirmPasswordReset } from '../api/auth';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/context';
import { ErrorLines, FormAlert } from '../ui/ErrorNotice';
import { fieldErrorTexts } from '../ui/errors';
import { PageHeading } from '../ui/PageHeading';
import { ShowPassword } from '../ui/ShowPassword';
import { TextField } from '../ui/TextField';
import { PASSWORD_MIN_LENGTH } from '../ui/validation';

type Field = 'password' | 'confirm';
type FieldErrors = Partial<Record<Field, string>>;

/** A link that is spent, expired or damaged: the only way on is a new link. */
function isDeadLink(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'AUTH_RESET_INVALID' || 'token' in error.fieldErrors);
}

/** Opened from the e-mailed link (/portal/reset-password?token=…): sets a new password. */
export function ResetPasswordPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [params] = useSearchParams();
  const token = params.get('token');

  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<{ error?: unknown; message?: string; deadLink?: boolean } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const tooShort = t('validation.passwordMinLength', { min: PASSWORD_MIN_LENGTH });
  const focusFirstInvalid = (errors: FieldErrors) => (errors.password ? passwordRef : confirmRef).current?.focus();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy || !token) return;
    setAttempt((n) => n + 1);

    const local: FieldErrors = {};
    if (!password) local.password = t('validation.required');
    else if (password.length < PASSWORD_MIN_LENGTH) local.password = tooShort;
    if (!confirm) local.confirm = t('validation.required');
    else if (password && confirm !== password) local.confirm = t('validation.passwordsDiffer');
    if (local.password || local.confirm) {
      setFieldErrors(local);
      setProblem({ message: t('errors.VALIDATION_FAILED') });
      focusFirstInvalid(local);
      return;
    }

    setBusy(true);
    setFieldErrors({});
    setProblem(null);
    try {
      await confirmPasswordReset(token, password);
      setDone(true);
    } catch (error) {
      if (isDeadLink(error)) {
        setProblem({ message: t('errors.AUTH_RESET_INVALID'), deadLink: true });
        return;
      }
      const fields = fieldErrorTexts(i18n, error, ['password'] as const, { password: { minLength: tooShort } });
      setFieldErrors(fields);
      setProblem({ error });
      if (fields.password) focusFirstInvalid(fields);
    } finally {
      setBusy(false);
    }
  }

  if (!token) {
    return (
      <div className="narrow">
        <PageHeading title={t('reset.title')} />
        <div className="notice notice-error">
          <p>{t('reset.missingToken')}</p>
        </div>
        <p className="after-form">
          <Link to="/forgot-password">{t('reset.requestNew')}</Link>
        </p>
      </div>
    );
  }

  if (done) {
    return (
      <div className="narrow">
        <PageHeading title={t('reset.title')} />
        <div ref={doneRef} tabIndex={-1} role="status" className="notice notice-success">
          <p>{t('reset.done')}</p>
        </div>
        <p className="after-form">
          <Link to="/login" className="button button-primary button-block">
            {t('reset.loginLink')}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="narrow">
      <PageHeading title={t('reset.title')} />
      <p className="lead">{t('reset.intro')}</p>
      <FormAlert attempt={attempt}>
        {problem && (
          <>
            <ErrorLines error={problem.error} message={problem.message} />
            {problem.deadLink && (
              <p>
                <Link to="/forgot-password">{t('reset.requestNew')}</Link>
              </p>
            )}
          </>
        )}
      </FormAlert>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-busy={busy || undefined}>
        <TextField
          id="reset-password"
          label={t('reset.password')}
          hint={t('reset.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          type={showPassword ? 'text' : 'password'}
          autoComplete="new-password"
          autoCapitalize="none"
          spellCheck={false}
          value={password}
          onValueChange={setPassword}
          error={fieldErrors.password}
          inputRef={passwordRef}
        />
        <TextField
          id="reset-confirm"
          label={t('reset.confirm')}
          type={showPassword ? 'text' : 'password'}
          autoComplete="new-password"
          autoCapitalize="none"
          spellCheck={false}
          value={confirm}
          onValueChange={setConfirm}
          error={fieldErrors.confirm}
          inputRef={confirmRef}
        />
        <ShowPassword controls="reset-password reset-confirm" shown={showPassword} onChange={setShowPassword} />
        <button type="submit" className="button button-primary button-block" aria-disabled={busy || undefined}>
          {t('reset.submit')}
        </button>
        <p role="status" className="visually-hidden">
          {busy ? t('common.pleaseWait') : ''}
        </p>
      </form>
      <p className="after-form">
        <Link to="/login">{t('common.backToLogin')}</Link>
      </p>
    </div>
  );
}
