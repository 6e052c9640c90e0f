import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useAuth } from '../../auth/context';
import { useI18n } from '../../i18n/context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { fieldErrorTexts } from '../../ui/errors';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { TextField } from '../../ui/TextField';
import { addSpecialist, specialists as fetchSpecialists, type Specialist } from './api';

/** The provider's specialists; adding one with a registration number already known links the same person. */
export function SpecialistsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { user } = useAuth();
  const [rows, setRows] = useState<Specialist[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fullName, setFullName] = useState('');
  const [registrationNumber, setRegistrationNumber] = useState('');
  const [qualification, setQualification] = useState('');
  const [linked, setLinked] = useState(false);
  const load = useCallback(() => {
    if (user) fetchSpecialists(user.organisationId).then(setRows, setError);
  }, [user]);
  useEffect(load, [load]);
  const fields = fieldErrorTexts(i18n, error, ['fullName', 'registrationNumber', 'qualifications'] as const);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!user) return;
    setError(null);
    try {
      const s = await addSpecialist(user.organisationId, { fullName, registrationNumber, qualifications: qualification ? [qualification.trim()] : [] });
      setLinked((s as Specialist & { linkedExisting?: boolean }).linkedExisting === true);
      setFullName('');
      setRegistrationNumber('');
      load();
    } catch (err) {
      setError(err);
    }
  };
  if (!rows) return error ? <ErrorNotice error={error} /> : <Loading />;
  return (
    <>
      <PageHeading title={t('market.specialists.title')} />
      <p className="lead">{t('market.specialists.intro')}</p>
      {rows.length === 0 ? (
        <p>{t('market.specialists.none')}</p>
      ) : (
        <ul>
          {rows.map((s) => (
            <li key={s.id}>{`${s.fullName} (${s.registrationNumber})${s.qualifications.length ? ` — ${s.qualifications.join(', ')}` : ''}`}</li>
          ))}
        </ul>
      )}
      {user?.role === 'provider_admin' && (
        <form className="form card" onSubmit={submit} aria-label={t('market.specialists.add')}>
          <TextField id="sp-name" label={t('market.specialists.fullName')} value={fullName} onValueChange={setFullName} error={fields.fullName} required />
          <TextField id="sp-reg" label={t('market.specialists.registrationNumber')} value={registrationNumber} onValueChange={setRegistrationNumber} error={fields.registrationNumber} required />
          <TextField id="sp-qual" label={t('market.specialists.qualifications')} value={qualification} onValueChange={setQualification} error={fields.qualifications} />
          {error && !Object.keys(fields).length ? <ErrorNotice error={error} /> : null}
          {linked && <p role="status" className="notice notice-info">{t('market.specialists.linked')}</p>}
          <button type="submit" className="button button-primary">{t('market.specialists.add')}</button>
        </form>
      )}
    </>
  );
}
