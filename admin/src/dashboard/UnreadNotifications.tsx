import MarkEmailReadIcon from '@mui/icons-material/MarkEmailRead';
import { Alert, Box, Button, CircularProgress, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useGetList, useLocaleState, useNotify, useTranslate, type Identifier } from 'react-admin';
import type { AppDataProvider, NotificationRecord } from '../dataProvider';
import { formatDateTime } from '../format';

/** The signed-in user's unread in-app notifications, each with a button to mark it read. */
export const UnreadNotifications = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [marking, setMarking] = useState<Identifier | null>(null);
  const { data, isPending, error, refetch } = useGetList<NotificationRecord>('notifications', {
    filter: { unread: true },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'createdAt', order: 'DESC' },
  });

  const markRead = async (id: Identifier) => {
    setMarking(id);
    try {
      await dataProvider.markNotificationRead(id);
      notify('dashboard.marked_read', { type: 'success' });
      await refetch();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setMarking(null);
    }
  };

  return (
    <Box component="section" aria-labelledby="unread-notifications-heading" sx={{ mt: 3 }}>
      <Typography id="unread-notifications-heading" variant="h6" component="h2">
        {translate('dashboard.unread_notifications')}
      </Typography>
      {isPending ? (
        <CircularProgress size={24} aria-label={translate('ra.page.loading')} sx={{ mt: 1 }} />
      ) : error ? (
        <Alert severity="error" sx={{ mt: 1 }}>
          {translate(error.message, { _: translate('ra.notification.http_error') })}
        </Alert>
      ) : !data || data.length === 0 ? (
        <Typography sx={{ mt: 1 }}>{translate('dashboard.no_unread_notifications')}</Typography>
      ) : (
        <List>
          {data.map((n) => {
            const title = translate(n.titleKey, { ...(n.params ?? {}), _: n.titleKey });
            return (
              <ListItem
                key={n.id}
                divider
                sx={{ flexWrap: 'wrap', gap: 1, px: 0 }}
              >
                <ListItemText
                  primary={title}
                  secondary={<time dateTime={n.createdAt}>{formatDateTime(n.createdAt, locale)}</time>}
                  sx={{ flex: '1 1 14rem' }}
                />
                <Button
                  size="small"
                  variant="outlined"
                  startIcon={<MarkEmailReadIcon />}
                  onClick={() => void markRead(n.id)}
                  disabled={marking !== null}
                  aria-label={translate('dashboard.mark_read_of', { title })}
                >
                  {translate('dashboard.mark_read')}
                </Button>
              </ListItem>
            );
          })}
        </List>
      )}
    </Box>
  );
};
