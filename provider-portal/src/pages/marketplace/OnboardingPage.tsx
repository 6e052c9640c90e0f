import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/translate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { fieldErrorTexts } from '../../ui/errors';
import { PageHeading } from '../../ui/PageHeading';
import { TextField } from '../../ui/TextField';
import { onboard } from './api';

const FIELDS = ['organisationName', 'registrationNumber', 'kind', 'iban', 'adminFullName', 'adminEmail', 'password'] as const;
type Field = (typeof FIELDS)[number];

/** Self-service onboarding of a provider; the platform admin approves it in the back office. */
export function OnboardingPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [values, setValues] = useState<Record<Field, string>>({ organisationName: '', registrationNumber: '', kind: 'private', iban: '', adminFullName: '', adminEmail: '', password: '' });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const fields = fieldErrorTexts(i18n, error, FIELDS);
  const set = (f: Field) => (v: string) => setValues({ ...values, [f]: v });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await onboard(values);
      setDone(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="narrow">
      <PageHeading title={t('market.onboarding.title')} />
      <p className="lead">{t('market.onboarding.intro')}</p>
      {done ? (
        <p role="status" className="notice notice-success">
          {t('market.onboarding.done')} <Link to="/login">{t('layout.home')}</Link>
        </p>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <TextField id="ob-name" label={t('market.onboarding.organisationName')} value={values.organisationName} onValueChange={set('organisationName')} error={fields.organisationName} required />
          <TextField id="ob-reg" label={t('market.onboarding.registrationNumber')} value={values.registrationNumber} onValueChange={set('registrationNumber')} error={fields.registrationNumber} inputMode="numeric" required />
          <div className="field">
            <label htmlFor="ob-kind">{t('market.onboarding.kind')}</label>
            <select id="ob-kind" value={values.kind} onChange={(e) => set('kind')(e.target.value)}>
              {['municipal', 'state', 'private', 'ngo'].map((k) => (
                <option key={k} value={k}>{t(`market.onboarding.kind.${k}` as MessageKey)}</option>
              ))}
            </select>
          </div>
          <TextField id="ob-iban" label={t('market.onboarding.iban')} value={values.iban} onValueChange={set('iban')} error={fields.iban} required />
          <TextField id="ob-admin" label={t('market.onboarding.adminFullName')} value={values.adminFullName} onValueChange={set('adminFullName')} error={fields.adminFullName} required autoComplete="name" />
          <TextField id="ob-email" label={t('market.onboarding.adminEmail')} value={values.adminEmail} onValueChange={set('adminEmail')} error={fields.adminEmail} type="email" required autoComplete="email" />
          <TextField id="ob-password" label={t('market.onboarding.password')} value={values.password} onValueChange={set('password')} error={fields.password} type="password" required autoComplete="new-password" />
          {error && !Object.keys(fields).length ? <ErrorNotice error={error} /> : null}
          <button type="submit" className="button button-primary">{t('market.onboarding.submit')}</button>
        </form>
      )}
    </div>
  );
}
