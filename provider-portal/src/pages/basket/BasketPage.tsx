import { useCallback, useEffect, useState } from 'react';
import { apiRequest } from '../../api/client';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/translate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';

interface Line {
  id: string;
  category: string;
  fundingSource: string;
  indicativeCents: number;
  plannedCents: number;
  allocatedCents: number;
  committedCents: number;
  spentCents: number;
  availableCents: number;
  reason: string | null;
}
interface Basket {
  id: string;
  status: string;
  periodStart: string;
  periodEnd: string;
  lines: Line[];
  totals: { allocatedCents: number; spentCents: number; committedCents: number; availableCents: number };
  plan: { goals: { text: string }[]; services: { serviceCode: string; proposedUnitsPerMonth: number; unitsPerMonth: number; reason: string | null }[] } | null;
}
interface Assessment {
  id: string;
  validFrom: string;
  validTo: string;
  domains: Record<string, { level: number; note: string | null }>;
  missingSignoffs: string[];
}

const DOMAINS = ['mobility', 'self_care', 'communication', 'vision', 'hearing', 'learning', 'behaviour_mental_health', 'social_participation', 'education', 'work_readiness', 'family_situation'];

/** An assessment waiting for the family's signature: the levels in plain words, and the sign button. */
function AssessmentToSign({ a, onSigned }: { a: Assessment; onSigned: () => void }) {
  const { t, date } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const sign = async () => {
    setPending(true);
    try {
      await apiRequest(`/api/assessments/${a.id}/sign`, { method: 'POST', body: {} });
      onSigned();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  return (
    <section className="card" aria-labelledby={`assessment-${a.id}`}>
      <h2 id={`assessment-${a.id}`}>{t('assessment.title')}</h2>
      <p>{t('assessment.toSign')}</p>
      <p className="muted">{t('assessment.valid', { from: date(a.validFrom), to: date(a.validTo) })}</p>
      <dl>
        {DOMAINS.filter((d) => a.domains[d]).map((d) => (
          <div key={d}>
            <dt>{t(`assessment.domain.${d}` as MessageKey)}</dt>
            <dd>
              {t(`assessment.level.${a.domains[d].level}` as MessageKey)}
              {a.domains[d].note ? ` — ${a.domains[d].note}` : ''}
            </dd>
          </div>
        ))}
      </dl>
      {a.missingSignoffs.length > 0 && <p>{t('assessment.waiting', { who: a.missingSignoffs.map((w) => t(`assessment.who.${w}` as MessageKey)).join(', ') })}</p>}
      {error ? <ErrorNotice error={error} /> : null}
      {a.missingSignoffs.includes('family') && (
        <button type="button" className="button button-primary" onClick={sign} disabled={pending}>
          {t('assessment.sign')}
        </button>
      )}
    </section>
  );
}

function BasketCard({ b }: { b: Basket }) {
  const { t, money, date } = useI18n();
  const category = (c: string) => t(`basket.category.${c}` as MessageKey);
  return (
    <section className="card" aria-labelledby={`basket-${b.id}`}>
      <h2 id={`basket-${b.id}`}>{t('basket.period', { from: date(b.periodStart), to: date(b.periodEnd) })}</h2>
      <p className="muted">{t('basket.statusLabel', { status: t(`basket.status.${b.status}` as MessageKey) })}</p>
      <ul className="basket-lines" data-testid="basket-lines">
        {b.lines
          .filter((l) => l.allocatedCents > 0)
          .map((l) => (
            <li key={l.id}>
              <p>
                {t('basket.line', {
                  category: category(l.category),
                  payer: t(`basket.payer.${l.fundingSource}` as MessageKey),
                  amount: money(l.allocatedCents),
                  used: money(l.spentCents),
                  left: money(l.allocatedCents - l.spentCents),
                })}
              </p>
              {l.committedCents > 0 && <p className="muted">{t('basket.reserved', { reserved: money(l.committedCents) })}</p>}
              <progress max={l.allocatedCents} value={l.spentCents} aria-label={category(l.category)} />
            </li>
          ))}
      </ul>
      <p>
        <strong>{t('basket.total', { amount: money(b.totals.allocatedCents), used: money(b.totals.spentCents), left: money(b.totals.allocatedCents - b.totals.spentCents) })}</strong>
      </p>
      <h3>{t('basket.why.title')}</h3>
      <ul>
        {b.lines.map((l) => (
          <li key={l.id}>
            <strong>{category(l.category)}</strong>:{' '}
            {l.plannedCents === l.indicativeCents ? t('basket.why.same') : t('basket.why.indicative', { indicative: money(l.indicativeCents), final: money(l.plannedCents) })}
            {l.reason ? ` ${t('basket.why.reason', { reason: l.reason })}` : ''}
          </li>
        ))}
      </ul>
      {b.plan && b.plan.goals.length > 0 && (
        <>
          <h3>{t('basket.goals.title')}</h3>
          <ul>
            {b.plan.goals.map((g, i) => (
              <li key={i}>{g.text}</li>
            ))}
          </ul>
          <ul>
            {b.plan.services.map((s) => (
              <li key={s.serviceCode}>
                {t('basket.services.line', { service: s.serviceCode, units: s.unitsPerMonth, proposed: s.proposedUnitsPerMonth })}
                {s.reason ? ` ${t('basket.services.reason', { reason: s.reason })}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The family's (or the young person's) basket in plain words, and any assessment waiting for their signature. */
export function BasketPage() {
  const { t } = useI18n();
  const [baskets, setBaskets] = useState<Basket[] | null>(null);
  const [toSign, setToSign] = useState<Assessment[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [signed, setSigned] = useState(false);

  const load = useCallback(async () => {
    try {
      const list = await apiRequest<{ id: string; status: string }[]>(`/api/baskets?filter=${encodeURIComponent(JSON.stringify({ status: ['approved', 'active', 'submitted'] }))}`);
      setBaskets(await Promise.all(list.map((b) => apiRequest<Basket>(`/api/baskets/${b.id}`))));
      setToSign(await apiRequest<Assessment[]>(`/api/assessments?filter=${encodeURIComponent(JSON.stringify({ status: 'awaiting_signatures' }))}`));
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <ErrorNotice error={error} />;
  if (!baskets) return <Loading />;
  return (
    <div className="narrow">
      <PageHeading title={t('basket.title')} />
      <p className="lead">{t('basket.intro')}</p>
      {signed && <p role="status">{t('assessment.signed')}</p>}
      {toSign.map((a) => (
        <AssessmentToSign
          key={a.id}
          a={a}
          onSigned={() => {
            setSigned(true);
            void load();
          }}
        />
      ))}
      {baskets.length === 0 ? <p>{t('basket.none')}</p> : baskets.map((b) => <BasketCard key={b.id} b={b} />)}
    </div>
  );
}
