import type { PortalUser } from '../../auth/context';
import { useI18n } from '../../i18n/context';
import { NotificationsSection } from '../../notifications/NotificationsSection';
import { ROLE_NAME_KEY } from '../../roles';
import { PageHeading } from '../../ui/PageHeading';
import { MarketplaceSection } from '../marketplace/MarketplaceSection';
import { IntegritySection } from '../visits/IntegritySection';
import { Link } from 'react-router';

/**
 * Home of a provider administrator or a specialist. Sections for offers, contracts, visit scanning and
 * payments are added here as those features arrive, each as its own <section> with an <h2>.
 */
export function ProviderHome({ user }: { user: PortalUser }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={user.organisationName} />
      <p className="lead">{t('home.provider.intro')}</p>
      <dl className="facts">
        <div>
          <dt>{t('home.signedInAs')}</dt>
          <dd>{user.fullName}</dd>
        </div>
        <div>
          <dt>{t('home.role')}</dt>
          <dd>{t(ROLE_NAME_KEY[user.role])}</dd>
        </div>
      </dl>
      <MarketplaceSection side="provider" />
      {user.role === 'provider_admin' && <IntegritySection providerId={user.organisationId} />}
      {user.role === 'provider_admin' && (
        <section className="card" aria-labelledby="payments-home">
          <h2 id="payments-home">{t('payments.nav')}</h2>
          <p>{t('payments.home.intro')}</p>
          <Link to="/payments">{t('payments.nav')}</Link>
        </section>
      )}
      <NotificationsSection />
    </>
  );
}
