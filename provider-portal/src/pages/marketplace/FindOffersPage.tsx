import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/translate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { fieldErrorTexts } from '../../ui/errors';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { TextField } from '../../ui/TextField';
import { fetchMyChildren, type MyChild } from '../children/api';
import { catalogue, eurosToCents, proposeContract, searchOffers, type CatalogueService, type Offer } from './api';
import { OfferFacts, serviceName } from './OfferFacts';

const SORTS: Record<string, [string, 'ASC' | 'DESC']> = { price: ['priceCents', 'ASC'], start: ['earliestStart', 'ASC'], continuity: ['continuity', 'ASC'] };

/** A family searches offers for the child's services, compares them side by side and requests one. */
export function FindOffersPage() {
  const i18n = useI18n();
  const { t, money } = i18n;
  const [children, setChildren] = useState<MyChild[] | null>(null);
  const [services, setServices] = useState<CatalogueService[]>([]);
  const [childId, setChildId] = useState('');
  const [serviceCode, setServiceCode] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [language, setLanguage] = useState('');
  const [maxPrice, setMaxPrice] = useState('');
  const [startBy, setStartBy] = useState('');
  const [sort, setSort] = useState('price');
  const [inPlan, setInPlan] = useState(false);
  const [offers, setOffers] = useState<Offer[] | null>(null);
  const [compare, setCompare] = useState<string[]>([]);
  const [chosen, setChosen] = useState<Offer | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    fetchMyChildren().then((c) => {
      setChildren(c);
      if (c[0]) {
        setChildId(c[0].id);
        setMunicipality(c[0].municipalityCode);
      }
    }, setError);
    catalogue().then(setServices, setError);
  }, []);

  const search = async (e?: FormEvent) => {
    e?.preventDefault();
    setError(null);
    const filter: Record<string, unknown> = { available: true };
    if (childId) filter.childId = childId;
    if (childId && inPlan) filter.inPlan = true;
    if (serviceCode) filter.serviceCode = serviceCode;
    if (municipality) filter.municipality = municipality;
    if (language) filter.language = language;
    if (maxPrice && Number.isFinite(eurosToCents(maxPrice))) filter.maxPriceCents = eurosToCents(maxPrice);
    if (startBy) filter.startBy = startBy;
    try {
      setOffers(await searchOffers(filter, SORTS[sort]));
      setCompare([]);
    } catch (err) {
      setError(err);
    }
  };

  if (!children) return error ? <ErrorNotice error={error} /> : <Loading />;
  const compared = (offers ?? []).filter((o) => compare.includes(o.id));
  return (
    <>
      <PageHeading title={t('market.find.title')} />
      <p className="lead">{t('market.find.intro')}</p>
      <form className="form card" onSubmit={search} aria-label={t('market.find.title')}>
        <div className="field">
          <label htmlFor="find-child">{t('market.find.child')}</label>
          <select id="find-child" value={childId} onChange={(e) => setChildId(e.target.value)}>
            {children.map((c) => (
              <option key={c.id} value={c.id}>{`${c.firstName} ${c.lastName}`}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="find-service">{t('market.find.service')}</label>
          <select id="find-service" value={serviceCode} onChange={(e) => setServiceCode(e.target.value)}>
            <option value="">{t('market.find.anyService')}</option>
            {services.map((s) => (
              <option key={s.code} value={s.code}>{serviceName(i18n.locale, s)}</option>
            ))}
          </select>
        </div>
        <label>
          <input type="checkbox" checked={inPlan} onChange={(e) => setInPlan(e.target.checked)} /> {t('market.find.inPlan')}
        </label>
        <TextField id="find-municipality" label={t('market.find.municipality')} value={municipality} onValueChange={(v) => setMunicipality(v.toUpperCase())} />
        <div className="field">
          <label htmlFor="find-language">{t('market.find.language')}</label>
          <select id="find-language" value={language} onChange={(e) => setLanguage(e.target.value)}>
            <option value="">{t('market.find.anyLanguage')}</option>
            {['lv', 'ru', 'en'].map((l) => (
              <option key={l} value={l}>{l}</option>
            ))}
          </select>
        </div>
        <TextField id="find-max" label={t('market.find.maxPrice')} value={maxPrice} onValueChange={setMaxPrice} inputMode="decimal" />
        <TextField id="find-start" label={t('market.find.startBy')} value={startBy} onValueChange={setStartBy} type="date" />
        <div className="field">
          <label htmlFor="find-sort">{t('market.find.sort')}</label>
          <select id="find-sort" value={sort} onChange={(e) => setSort(e.target.value)}>
            {Object.keys(SORTS).map((s) => (
              <option key={s} value={s}>{t(`market.find.sort.${s}` as MessageKey)}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary">{t('market.find.search')}</button>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
      {offers && (
        <section aria-labelledby="find-results">
          <h2 id="find-results">{t('market.find.results', { count: offers.length })}</h2>
          {offers.length === 0 && <p>{t('market.find.none')}</p>}
          <ul className="offer-list" style={{ listStyle: 'none', padding: 0 }}>
            {offers.map((o) => (
              <li key={o.id} className="card" data-testid="offer">
                <h3>{`${serviceName(i18n.locale, o)} — ${o.providerName}`}</h3>
                <OfferFacts offer={o} />
                <label>
                  <input type="checkbox" checked={compare.includes(o.id)} onChange={(e) => setCompare(e.target.checked ? [...compare, o.id] : compare.filter((x) => x !== o.id))} /> {t('market.find.compare')}
                </label>{' '}
                <button type="button" className="button button-primary" onClick={() => setChosen(o)}>
                  {t('market.find.choose')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {compared.length >= 2 && (
        <section className="card" aria-labelledby="compare-title">
          <h2 id="compare-title">{t('market.find.compareTitle')}</h2>
          <table>
            <thead>
              <tr>
                <td />
                {compared.map((o) => (
                  <th key={o.id} scope="col">{o.providerName}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('market.find.sort.price')}</th>
                {compared.map((o) => <td key={o.id}>{money(o.childUnitPriceCents)}</td>)}
              </tr>
              <tr>
                <th scope="row">{t('market.find.sort.start')}</th>
                {compared.map((o) => <td key={o.id}>{i18n.date(o.earliestStart)}</td>)}
              </tr>
              <tr>
                <th scope="row">{t('market.find.language')}</th>
                {compared.map((o) => <td key={o.id}>{o.languages.join(', ')}</td>)}
              </tr>
              <tr>
                <th scope="row">{t('market.find.sort.continuity')}</th>
                {compared.map((o) => <td key={o.id}>{o.continuity ? '✓' : '—'}</td>)}
              </tr>
            </tbody>
          </table>
        </section>
      )}
      {chosen && childId && <ProposeForm offer={chosen} childId={childId} />}
    </>
  );
}

function nextMonthStart(): string {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}

function ProposeForm({ offer, childId }: { offer: Offer; childId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [units, setUnits] = useState(String(offer.planUnitsPerMonth ?? 4));
  const [from, setFrom] = useState(offer.earliestStart > nextMonthStart() ? offer.earliestStart : nextMonthStart());
  const [to, setTo] = useState(`${Number(nextMonthStart().slice(0, 4)) + (nextMonthStart().slice(5, 7) > '06' ? 1 : 0)}-06-30`);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const fields = fieldErrorTexts(i18n, error, ['unitsPerMonth', 'validFrom', 'validTo'] as const);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await proposeContract({ offerId: offer.id, childId, unitsPerMonth: Number(units), validFrom: from, validTo: to });
      setSent(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card" aria-labelledby="propose-title">
      <h2 id="propose-title">{t('market.propose.title', { service: serviceName(i18n.locale, offer), provider: offer.providerName })}</h2>
      {sent ? (
        <p role="status" className="notice notice-success">
          {t('market.propose.sent')} <Link to="/contracts">{t('market.nav.contracts')}</Link>
        </p>
      ) : (
        <form className="form" onSubmit={submit}>
          <TextField id="propose-units" label={t('market.propose.units')} value={units} onValueChange={setUnits} inputMode="numeric" error={fields.unitsPerMonth} />
          <TextField id="propose-from" label={t('market.propose.from')} value={from} onValueChange={setFrom} type="date" error={fields.validFrom} />
          <TextField id="propose-to" label={t('market.propose.to')} value={to} onValueChange={setTo} type="date" error={fields.validTo} />
          {error && !Object.keys(fields).length ? <ErrorNotice error={error} /> : null}
          <button type="submit" className="button button-primary">{t('market.propose.send')}</button>
        </form>
      )}
    </section>
  );
}
