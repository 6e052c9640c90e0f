import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { apiRequest } from '../../api/client';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/translate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { fetchChildEntitlements, fetchChildTransitions, type ChildEntitlements, type Transition } from './api';
import { BenefitCard } from './BenefitCard';
import './benefits.css';

/**
 * A family's view of its own child: what the child is entitled to, filled in from the child's record,
 * with what the child already receives marked, and what changes at 18 and 25.
 */
export function ChildBenefitsPage() {
  const { id = '' } = useParams();
  const { t, locale, date } = useI18n();
  const [data, setData] = useState<ChildEntitlements | null>(null);
  const [transitions, setTransitions] = useState<Transition[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    fetchChildEntitlements(id).then(
      (d) => live && setData(d),
      (e: unknown) => live && setError(e),
    );
    fetchChildTransitions(id).then(
      (d) => live && setTransitions(d.transitions),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [id]);

  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Loading />;
  const eligible = data.results.filter((r) => r.eligibility === 'eligible' || r.received);
  const maybe = data.results.filter((r) => r.eligibility === 'maybe' && !r.received);
  return (
    <div className="narrow">
      <PageHeading title={t('benefits.child.title', { name: data.child.firstName })} />
      <p className="lead">{t('benefits.child.intro')}</p>
      <h2>{t('benefits.results.eligible', { count: eligible.length })}</h2>
      <ul className="benefit-list">
        {eligible.map((b) => (
          <li key={b.code}>
            <BenefitCard benefit={b} mark={b.received ? 'received' : 'missing'} />
          </li>
        ))}
      </ul>
      {maybe.length > 0 && (
        <>
          <h2>{t('benefits.results.maybe', { count: maybe.length })}</h2>
          <ul className="benefit-list">
            {maybe.map((b) => (
              <li key={b.code}>
                <BenefitCard benefit={b} />
              </li>
            ))}
          </ul>
        </>
      )}
      {transitions && (
        <section className="card" aria-labelledby="child-transitions">
          <h2 id="child-transitions">{t('benefits.transitions.title')}</h2>
          {transitions
            .filter((tr) => !tr.past)
            .map((tr) => (
              <div key={tr.age}>
                <h3>{t('benefits.transitions.at', { age: tr.age, date: date(tr.birthday) })}</h3>
                <p className="muted">{t('benefits.transitions.review', { date: date(tr.reviewFrom) })}</p>
                {tr.changes.length === 0 ? (
                  <p>{t('benefits.transitions.none')}</p>
                ) : (
                  <ul className="transition-list">
                    {tr.changes.map((c) => (
                      <li key={c.code}>
                        <strong>{t(`benefits.change.${c.change}` as MessageKey)}:</strong> {locale === 'en' ? c.nameEn : c.nameLv}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
        </section>
      )}
    </div>
  );
}

interface ChildGap {
  id: string;
  firstName: string;
  missingCount: number;
}

/** On a family's home page: each of their children, with a link to what the child can get. */
export function FamilyBenefitsSection() {
  const { t } = useI18n();
  const [children, setChildren] = useState<ChildGap[] | null>(null);
  useEffect(() => {
    let live = true;
    apiRequest<ChildGap[]>('/api/benefit-gaps').then(
      (rows) => live && setChildren(rows),
      () => live && setChildren([]),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <section className="card" aria-labelledby="family-benefits">
      <h2 id="family-benefits">{t('benefits.nav')}</h2>
      <ul className="benefit-list">
        {(children ?? []).map((c) => (
          <li key={c.id}>
            <Link to={`/benefits/child/${c.id}`}>{t('benefits.child.title', { name: c.firstName })}</Link>
          </li>
        ))}
        <li>
          <Link to="/benefits">{t('benefits.finder.title')}</Link>
        </li>
      </ul>
    </section>
  );
}
