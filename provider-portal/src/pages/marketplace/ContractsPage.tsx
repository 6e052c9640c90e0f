import { useCallback, useEffect, useState } from 'react';
import { useAuth } from '../../auth/context';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/translate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { contractAction, contracts as fetchContracts, specialists as fetchSpecialists, type Contract, type Specialist } from './api';
import { serviceName } from './OfferFacts';

/** Contracts of both sides: a family's requests and contracts; a provider's incoming requests (accept naming specialists) and contracts. */
export function ContractsPage() {
  const { user } = useAuth();
  const { t } = useI18n();
  const [rows, setRows] = useState<Contract[] | null>(null);
  const [team, setTeam] = useState<Specialist[]>([]);
  const [error, setError] = useState<unknown>(null);
  const provider = user?.role === 'provider_admin' || user?.role === 'specialist';
  const load = useCallback(() => {
    fetchContracts().then(setRows, setError);
    if (user && user.role === 'provider_admin') fetchSpecialists(user.organisationId).then((s) => setTeam(s.filter((x) => x.active)), setError);
  }, [user]);
  useEffect(load, [load]);
  if (!rows) return error ? <ErrorNotice error={error} /> : <Loading />;
  const incoming = provider ? rows.filter((c) => c.status === 'proposed') : [];
  const rest = rows.filter((c) => !incoming.includes(c));
  return (
    <>
      <PageHeading title={t('market.contracts.title')} />
      {error ? <ErrorNotice error={error} /> : null}
      {provider && (
        <section aria-labelledby="incoming">
          <h2 id="incoming">{t('market.contracts.incoming')}</h2>
          {incoming.length === 0 ? <p>{t('market.contracts.none')}</p> : incoming.map((c) => <ContractCard key={c.id} c={c} team={user?.role === 'provider_admin' ? team : []} onChange={load} />)}
        </section>
      )}
      <section aria-labelledby="all-contracts">
        <h2 id="all-contracts">{t('market.contracts.other')}</h2>
        {rest.length === 0 ? <p>{t('market.contracts.none')}</p> : rest.map((c) => <ContractCard key={c.id} c={c} team={[]} onChange={load} />)}
      </section>
    </>
  );
}

function ContractCard({ c, team, onChange }: { c: Contract; team: Specialist[]; onChange: () => void }) {
  const i18n = useI18n();
  const { t, money, date } = i18n;
  const { user } = useAuth();
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const act = async (action: 'accept' | 'cancel', body: Record<string, unknown> = {}) => {
    setPending(true);
    setError(null);
    try {
      await contractAction(c.id, action, body);
      onChange();
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };
  const family = user?.role === 'family' || user?.role === 'participant';
  const canWithdraw = (family && ['proposed', 'accepted'].includes(c.status)) || (user?.role === 'provider_admin' && c.status === 'proposed');
  return (
    <article className="card" data-testid="contract" aria-labelledby={`contract-${c.id}`}>
      <h3 id={`contract-${c.id}`}>{t('market.contracts.line', { service: serviceName(i18n.locale, c), child: `${c.child.firstName} ${c.child.lastName}`, provider: c.providerName })}</h3>
      <p data-testid="contract-status">{t(`market.status.${c.status}` as MessageKey, { date: date(c.validFrom) })}</p>
      <p>{t('market.contracts.terms', { units: c.unitsPerMonth, from: date(c.validFrom), to: date(c.validTo), price: money(c.unitPriceCents), value: money(c.valueCents) })}</p>
      {c.specialists.length > 0 && <p>{t('market.contracts.specialists', { names: c.specialists.map((s) => s.fullName).join(', ') })}</p>}
      {error ? <ErrorNotice error={error} /> : null}
      {team.length > 0 && c.status === 'proposed' && (
        <fieldset>
          <legend>{t('market.contracts.chooseSpecialists')}</legend>
          {team.map((s) => (
            <label key={s.id} style={{ display: 'block' }}>
              <input type="checkbox" checked={chosen.includes(s.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, s.id] : chosen.filter((x) => x !== s.id))} /> {s.fullName}
            </label>
          ))}
          <button type="button" className="button button-primary" disabled={pending || chosen.length === 0} onClick={() => void act('accept', { specialistIds: chosen })}>
            {t('market.contracts.accept')}
          </button>
        </fieldset>
      )}
      {canWithdraw && (
        <button type="button" className="button button-secondary" disabled={pending} onClick={() => void act('cancel')}>
          {t(family ? 'market.contracts.cancel' : 'market.contracts.decline')}
        </button>
      )}
      {['approved', 'active'].includes(c.status) && (
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('market.contracts.print')}
        </button>
      )}
    </article>
  );
}
