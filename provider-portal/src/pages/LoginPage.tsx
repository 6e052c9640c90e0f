import { useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { arrivalOf } from '../auth/arrival';
import { useAuth } from '../auth/context';
import { useI18n } from '../i18n/context';
import { ErrorLines, FormAlert } from '../ui/ErrorNotice';
import { fieldErrorTexts } from '../ui/errors';
import { PageHeading } from '../ui/PageHeading';
import { ShowPassword } from '../ui/ShowPassword';
import { TextField } from '../ui/TextField';
import { looksLikeEmail } from '../ui/validation';

type Field = 'email' | 'password';
const FIELDS: readonly Field[] = ['email', 'password'];
type FieldErrors = Partial<Record<Field, string>>;

/** What the alert under the heading says after a failed attempt. */
type Problem = { kind: 'invalid' } | { kind: 'admin-role' } | { kind: 'error'; error: unknown };

export function LoginPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { login } = useAuth();
  const arrival = arrivalOf(useLocation().state);

  const [email, setEmail] = useState(arrival.email ?? '');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  // a new node per attempt, so that the same message is announced again after a second failure
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const focusFirstInvalid = (errors: FieldErrors) => (errors.email ? emailRef : passwordRef).current?.focus();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);

    const local: FieldErrors = {};
    if (!email.trim()) local.email = t('validation.required');
    else if (!looksLikeEmail(email)) local.email = t('validation.isEmail');
    if (!password) local.password = t('validation.required');
    if (local.email || local.password) {
      setFieldErrors(local);
      setProblem({ kind: 'invalid' });
      focusFirstInvalid(local);
      return;
    }

    setBusy(true);
    setFieldErrors({});
    setProblem(null);
    try {
      // on success the signed-in state takes the user on (GuestOnly); only the admin case stays here
      if ((await login(email.trim(), password)) === 'admin-role') {
        setPassword('');
        setProblem({ kind: 'admin-role' });
      }
    } catch (error) {
      const fields = fieldErrorTexts(i18n, error, FIELDS);
      setFieldErrors(fields);
      setProblem({ kind: 'error', error });
      if (fields.email || fields.password) focusFirstInvalid(fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <PageHeading title={t('login.title')} />
      <p className="lead">{t('login.intro')}</p>

      {arrival.reason && !problem && (
        <p role="status" className="notice notice-info">
          {t(arrival.reason === 'expired' ? 'login.sessionExpired' : 'login.loggedOut')}
        </p>
      )}

      <FormAlert attempt={attempt}>
        {problem?.kind === 'admin-role' ? (
          <>
            <p>{t('login.adminRole')}</p>
            <p>
              <a href="/admin/">{t('login.adminLink')}</a>
            </p>
          </>
        ) : problem?.kind === 'invalid' ? (
          <p>{t('errors.VALIDATION_FAILED')}</p>
        ) : problem?.kind === 'error' ? (
          <ErrorLines error={problem.error} />
        ) : null}
      </FormAlert>

      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-busy={busy || undefined}>
        <TextField
          id="login-email"
          label={t('login.email')}
          type="email"
          inputMode="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={email}
          onValueChange={setEmail}
          error={fieldErrors.email}
          inputRef={emailRef}
        />
        <TextField
          id="login-password"
          label={t('login.password')}
          type={showPassword ? 'text' : 'password'}
          autoComplete="current-password"
          autoCapitalize="none"
          spellCheck={false}
          value={password}
          onValueChange={setPassword}
          error={fieldErrors.password}
          inputRef={passwordRef}
        />
        <ShowPassword controls="login-password" shown={showPassword} onChange={setShowPassword} />
        <button type="submit" className="button button-primary button-block" aria-disabled={busy || undefined}>
          {t('login.submit')}
        </button>
        <p role="status" className="visually-hidden">
          {busy ? t('common.pleaseWait') : ''}
        </p>
      </form>

      <p className="after-form">
        <Link to="/forgot-password" state={{ email }}>
          {t('login.forgot')}
        </Link>
      </p>
      <p className="after-form">
        <Link to="/benefits">{t('benefits.finder.title')}</Link>
      </p>
    </div>
  );
}
