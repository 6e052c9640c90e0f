import { Link } from 'react-router';
import { useI18n } from '../../i18n/context';

/** On the home pages: where a family chooses providers, or where a provider manages offers and contracts. */
export function MarketplaceSection({ side }: { side: 'family' | 'provider' }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="market-home">
      <h2 id="market-home">{t(side === 'family' ? 'market.home.family.title' : 'market.home.provider.title')}</h2>
      <p>{t(side === 'family' ? 'market.home.family.intro' : 'market.home.provider.intro')}</p>
      <ul>
        {side === 'family' ? (
          <li>
            <Link to="/find">{t('market.nav.find')}</Link>
          </li>
        ) : (
          <>
            <li>
              <Link to="/offers">{t('market.nav.offers')}</Link>
            </li>
            <li>
              <Link to="/specialists">{t('market.nav.specialists')}</Link>
            </li>
          </>
        )}
        <li>
          <Link to="/contracts">{t('market.nav.contracts')}</Link>
        </li>
      </ul>
    </section>
  );
}
