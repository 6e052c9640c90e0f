import { Link } from 'react-router';
import { useI18n } from '../i18n/context';
import { PageHeading } from '../ui/PageHeading';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="narrow">
      <PageHeading title={t('notFound.title')} />
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/" className="button button-primary">
          {t('common.toHome')}
        </Link>
      </p>
    </div>
  );
}
