import { useEffect, type ReactNode } from 'react';
import { useI18n } from '../i18n/context';

/**
 * The page's one <h1>, which also names the browser tab. It can take focus so that, after moving to
 * another page, keyboard and screen-reader users start at the new page's title (see Layout).
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
  return (
    <h1 tabIndex={-1} className="page-heading">
      {children ?? title}
    </h1>
  );
}
