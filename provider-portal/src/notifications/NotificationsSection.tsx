import { useEffect, useRef, useState } from 'react';
import { isoDateTime } from '../format';
import { useI18n } from '../i18n/context';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Loading';
import { listNotifications, markNotificationRead, type AppNotification } from './api';

type Load = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; items: AppNotification[] };

const itemId = (id: string) => `notification-${id}`;

/** The user's in-app notifications, newest first, each one markable as read. */
export function NotificationsSection() {
  const i18n = useI18n();
  const { t } = i18n;
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const [markFailure, setMarkFailure] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  // the "mark as read" button goes away with the click: the keyboard stays on the same notification
  const focusAfterRender = useRef<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    listNotifications(controller.signal)
      .then((items) => setLoad({ status: 'ready', items }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLoad({ status: 'failed', error });
      });
    return () => controller.abort();
  }, [round]);

  async function markRead(id: string) {
    setMarkFailure(null);
    try {
      const updated = await markNotificationRead(id);
      const readAt = updated?.readAt ?? new Date().toISOString();
      setLoad((s) => (s.status === 'ready' ? { status: 'ready', items: s.items.map((n) => (n.id === id ? { ...n, readAt } : n)) } : s));
      setAnnouncement(t('notifications.markedRead'));
      focusAfterRender.current = itemId(id);
    } catch (error) {
      setMarkFailure(error);
    }
  }

  useEffect(() => {
    if (!focusAfterRender.current) return;
    document.getElementById(focusAfterRender.current)?.focus();
    focusAfterRender.current = null;
  }, [load]);

  const reload = () => {
    setLoad({ status: 'loading' });
    setRound((n) => n + 1);
  };

  return (
    <section className="card" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">{t('notifications.title')}</h2>
      {load.status === 'loading' && <Loading />}
      {load.status === 'failed' && (
        <ErrorNotice error={load.error} message={t('notifications.loadFailed')}>
          <button type="button" className="button button-secondary" onClick={reload}>
            {t('common.retry')}
          </button>
        </ErrorNotice>
      )}
      {load.status === 'ready' && load.items.length === 0 && <p>{t('notifications.empty')}</p>}
      {load.status === 'ready' && load.items.length > 0 && (
        <>
          <p className="muted">{t('notifications.unreadCount', { count: load.items.filter((n) => !n.readAt).length })}</p>
          {markFailure !== null && <ErrorNotice error={markFailure} />}
          <ul className="notification-list">
            {load.items.map((n) => {
              const titleId = `${itemId(n.id)}-title`;
              return (
                <li key={n.id} id={itemId(n.id)} tabIndex={-1} className={n.readAt ? 'notification' : 'notification notification-unread'}>
                  {!n.readAt && <span className="badge">{t('notifications.new')}</span>}
                  <p id={titleId} className="notification-title">
                    {i18n.tFrom(n.titleKey, 'notifications.unknown', n.params)}
                  </p>
                  <p className="notification-time">
                    <time dateTime={isoDateTime(n.createdAt)}>{i18n.dateTime(n.createdAt)}</time>
                  </p>
                  {!n.readAt && (
                    <button type="button" className="button button-secondary" aria-describedby={titleId} onClick={() => void markRead(n.id)}>
                      {t('notifications.markRead')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </section>
  );
}
