import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { fetchMyChildren, type MyChild } from './api';

/** On the family home page: the family's children (the young person: themself), each a link to consents. */
export function MyChildrenSection() {
  const { t } = useI18n();
  const [children, setChildren] = useState<MyChild[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    fetchMyChildren().then((c) => live && setChildren(c), (e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, []);
  return (
    <section className="card" aria-labelledby="my-children">
      <h2 id="my-children">{t('children.section.title')}</h2>
      {error ? (
        <ErrorNotice error={error} />
      ) : !children ? (
        <Loading />
      ) : children.length === 0 ? (
        <p>{t('children.section.empty')}</p>
      ) : (
        <ul>
          {children.map((c) => (
            <li key={c.id}>
              <Link to={`/children/${c.id}`}>{t('children.section.open', { name: `${c.firstName} ${c.lastName}`, age: c.age })}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
