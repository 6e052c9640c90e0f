import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/translate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { CONSENT_PURPOSES, fetchMyChild, setConsent, type ConsentPurpose, type MyChildDetail } from './api';

/** A family's own child: consents to give or withdraw, and the disability decisions on file. */
export function MyChildPage() {
  const { id = '' } = useParams();
  const { t, date } = useI18n();
  const [child, setChild] = useState<MyChildDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<ConsentPurpose | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    let live = true;
    fetchMyChild(id).then((c) => live && setChild(c), (e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [id]);

  const toggle = async (purpose: ConsentPurpose, granted: boolean) => {
    if (!child) return;
    setBusy(purpose);
    setStatus('');
    try {
      const consents = await setConsent(child.id, purpose, granted);
      setChild({ ...child, consents });
      setStatus(t('children.consents.saved'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  if (error) return <ErrorNotice error={error} />;
  if (!child) return <Loading />;
  return (
    <div className="narrow">
      <PageHeading title={t('children.page.title', { name: `${child.firstName} ${child.lastName}` })} />
      <p className="lead">{t('children.page.intro')}</p>
      <section className="card" aria-labelledby="consents">
        <h2 id="consents">{t('children.consents.title')}</h2>
        <ul className="consent-list">
          {CONSENT_PURPOSES.map((p) => {
            const given = child.consents[p];
            return (
              <li key={p} data-testid={`consent-${p}`}>
                <h3>{t(`children.purpose.${p}` as MessageKey)}</h3>
                <p className="muted">{t(`children.purpose.${p}.help` as MessageKey)}</p>
                <p>
                  <strong>{t(given ? 'children.consents.given' : 'children.consents.notGiven')}</strong>
                </p>
                <button type="button" className={`button ${given ? 'button-secondary' : 'button-primary'}`} aria-disabled={busy !== null || undefined} onClick={() => busy === null && void toggle(p, !given)}>
                  {t(given ? 'children.consents.withdraw' : 'children.consents.give')}
                </button>
              </li>
            );
          })}
        </ul>
        <p className="status-text" role="status">
          {status}
        </p>
      </section>
      <section className="card" aria-labelledby="decisions">
        <h2 id="decisions">{t('children.decisions.title')}</h2>
        {child.decisions.length === 0 ? (
          <p>{t('children.decisions.none')}</p>
        ) : (
          <ul>
            {child.decisions.map((d) => (
              <li key={d.id}>
                {t('children.decisions.item', { number: d.number, date: date(d.decisionDate), until: d.validTo ? t('children.decisions.until', { date: date(d.validTo) }) : t('children.decisions.lifelong') })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <Link to="/">{t('children.back')}</Link>
      </p>
    </div>
  );
}
