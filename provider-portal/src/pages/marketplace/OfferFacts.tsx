import { useI18n } from '../../i18n/context';
import type { Offer } from './api';

export function serviceName(locale: string, s: { nameLv?: string; nameEn?: string; serviceNameLv?: string; serviceNameEn?: string }): string {
  return (locale === 'en' ? (s.nameEn ?? s.serviceNameEn) : (s.nameLv ?? s.serviceNameLv)) ?? '';
}

/** What a family needs to compare an offer: the price the child pays, when, where, in which language, with whom. */
export function OfferFacts({ offer: o }: { offer: Offer }) {
  const { t, money, date } = useI18n();
  const unit = o.unitMinutes ? t('market.offer.unit.minutes', { minutes: o.unitMinutes }) : t('market.offer.unit.item');
  return (
    <ul>
      <li>
        {t('market.offer.price', { price: money(o.priceCents), unit })}
        {o.groupSize > 1 ? ` (${t('market.offer.groupShare', { size: o.groupSize, share: money(o.childUnitPriceCents) })})` : ''}
      </li>
      <li>{t('market.offer.start', { date: date(o.earliestStart) })}</li>
      <li>{t('market.offer.places', { count: o.freeCapacity })}</li>
      {o.atOurLocation && o.locationAddress ? <li>{t('market.offer.atLocation', { address: o.locationAddress })}</li> : null}
      {o.municipalities.length > 0 ? <li>{t('market.offer.serves', { places: o.municipalities.join(', ') })}</li> : null}
      <li>{t('market.offer.languages', { languages: o.languages.join(', ') })}</li>
      {o.specialists.length > 0 ? <li>{t('market.offer.specialists', { names: o.specialists.map((s) => s.fullName).join(', ') })}</li> : null}
      {o.continuity ? <li><strong>{t('market.offer.continuity')}</strong></li> : null}
    </ul>
  );
}
