import type { PortalUser } from '../../auth/context';
import { useI18n } from '../../i18n/context';
import { NotificationsSection } from '../../notifications/NotificationsSection';
import { FamilyBenefitsSection } from '../benefits/ChildBenefitsPage';
import { MyChildrenSection } from '../children/MyChildrenSection';
import { MarketplaceSection } from '../marketplace/MarketplaceSection';
import { PageHeading } from '../../ui/PageHeading';
import { Link } from 'react-router';

function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] || fullName;
}

/**
 * Home of a parent or guardian, or of a young person (18–25) acting for themself. Sections for the
 * basket, chosen providers, the child's QR code and visits are added here as those features arrive.
 */
export function FamilyHome({ user }: { user: PortalUser }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('home.family.greeting', { name: firstName(user.fullName) })} />
      <p className="lead">{t(user.role === 'participant' ? 'home.participant.welcome' : 'home.family.welcome')}</p>
      <p>{t('home.family.help')}</p>
      <section className="card" aria-labelledby="family-basket">
        <h2 id="family-basket">{t('basket.title')}</h2>
        <p>{t('basket.intro')}</p>
        <Link to="/basket">{t('basket.nav')}</Link>
      </section>
      <MarketplaceSection side="family" />
      <MyChildrenSection />
      <FamilyBenefitsSection />
      <NotificationsSection />
    </>
  );
}
