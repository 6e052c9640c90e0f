import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useAuth } from '../../auth/context';
import { useI18n } from '../../i18n/context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { fieldErrorTexts } from '../../ui/errors';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { TextField } from '../../ui/TextField';
import { catalogue, createOffer, eurosToCents, myOffers, myProvider, updateOffer, type CatalogueService, type Offer } from './api';
import { OfferFacts, serviceName } from './OfferFacts';

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

/** A provider's own offers (visible or not to families) and a form for a new one. */
export function OffersPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { user } = useAuth();
  const [offers, setOffers] = useState<Offer[] | null>(null);
  const [services, setServices] = useState<CatalogueService[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    myOffers().then(setOffers, setError);
  }, []);
  useEffect(() => {
    load();
    catalogue().then(setServices, setError);
    if (user) myProvider(user.organisationId).then((p) => setStatus(p.status), () => setStatus(null));
  }, [load, user]);
  if (!offers) return error ? <ErrorNotice error={error} /> : <Loading />;
  return (
    <>
      <PageHeading title={t('market.offers.title')} />
      {status === 'pending' && <p className="notice notice-info">{t('market.onboarding.pending')}</p>}
      {offers.length === 0 && <p>{t('market.offers.none')}</p>}
      {offers.map((o) => (
        <article key={o.id} className="card" data-testid="my-offer">
          <h2>{serviceName(i18n.locale, o)}</h2>
          <OfferFacts offer={o} />
          {!o.visible && <p className="muted">{t('market.offer.hidden')}</p>}
          <button type="button" className="button button-secondary" onClick={() => void updateOffer(o.id, { active: !o.active }).then(load, setError)}>
            {t(o.active ? 'market.offers.deactivate' : 'market.offers.activate')}
          </button>
        </article>
      ))}
      {user?.role === 'provider_admin' && <NewOffer services={services} onSaved={load} />}
    </>
  );
}

const FIELDS = ['serviceCode', 'priceCents', 'groupSize', 'municipalities', 'languages', 'earliestStart', 'freeCapacity', 'deliveryMode'] as const;

function NewOffer({ services, onSaved }: { services: CatalogueService[]; onSaved: () => void }) {
  const i18n = useI18n();
  const { t, money } = i18n;
  const [serviceCode, setServiceCode] = useState('');
  const [price, setPrice] = useState('');
  const [mode, setMode] = useState<'individual' | 'group'>('individual');
  const [groupSize, setGroupSize] = useState('4');
  const [municipalities, setMunicipalities] = useState('');
  const [atOurLocation, setAtOurLocation] = useState(false);
  const [address, setAddress] = useState('');
  const [languages, setLanguages] = useState('lv');
  const [earliestStart, setEarliestStart] = useState(new Date().toISOString().slice(0, 10));
  const [capacity, setCapacity] = useState('3');
  const [error, setError] = useState<unknown>(null);
  const fields = fieldErrorTexts(i18n, error, FIELDS);
  const service = services.find((s) => s.code === serviceCode);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await createOffer({
        serviceCode, priceCents: eurosToCents(price), deliveryMode: mode, groupSize: mode === 'group' ? Number(groupSize) : undefined, municipalities: list(municipalities).map((m) => m.toUpperCase()),
        atOurLocation, locationAddress: address || undefined, languages: list(languages).map((l) => l.toLowerCase()), earliestStart, freeCapacity: Number(capacity),
      });
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card" aria-labelledby="new-offer">
      <h2 id="new-offer">{t('market.offers.new')}</h2>
      <form className="form" onSubmit={submit}>
        <div className={`field${fields.serviceCode ? ' field-invalid' : ''}`}>
          <label htmlFor="offer-service">{t('market.find.service')}</label>
          <select id="offer-service" value={serviceCode} onChange={(e) => setServiceCode(e.target.value)} required>
            <option value="" />
            {services.map((s) => (
              <option key={s.code} value={s.code}>{serviceName(i18n.locale, s)}</option>
            ))}
          </select>
        </div>
        <TextField id="offer-price" label={t('market.offers.price')} value={price} onValueChange={setPrice} inputMode="decimal" hint={service?.currentPrice ? t('market.offers.maxHint', { max: money(service.currentPrice.maxPriceCents) }) : undefined} error={fields.priceCents} />
        <div className="field">
          <label htmlFor="offer-mode">{t('market.offers.delivery')}</label>
          <select id="offer-mode" value={mode} onChange={(e) => setMode(e.target.value as 'individual' | 'group')}>
            <option value="individual">{t('market.offers.delivery.individual')}</option>
            <option value="group">{t('market.offers.delivery.group')}</option>
          </select>
        </div>
        {mode === 'group' && <TextField id="offer-group" label={t('market.offers.groupSize')} value={groupSize} onValueChange={setGroupSize} inputMode="numeric" error={fields.groupSize} />}
        <TextField id="offer-municipalities" label={t('market.offers.municipalities')} value={municipalities} onValueChange={setMunicipalities} error={fields.municipalities} />
        <label>
          <input type="checkbox" checked={atOurLocation} onChange={(e) => setAtOurLocation(e.target.checked)} /> {t('market.offers.atOurLocation')}
        </label>
        {atOurLocation && <TextField id="offer-address" label={t('market.offers.address')} value={address} onValueChange={setAddress} />}
        <TextField id="offer-languages" label={t('market.offers.languages')} value={languages} onValueChange={setLanguages} error={fields.languages} />
        <TextField id="offer-start" label={t('market.offers.earliestStart')} value={earliestStart} onValueChange={setEarliestStart} type="date" error={fields.earliestStart} />
        <TextField id="offer-capacity" label={t('market.offers.capacity')} value={capacity} onValueChange={setCapacity} inputMode="numeric" error={fields.freeCapacity} />
        {error && !Object.keys(fields).length ? <ErrorNotice error={error} /> : null}
        <button type="submit" className="button button-primary">{t('market.offers.save')}</button>
      </form>
    </section>
  );
}
