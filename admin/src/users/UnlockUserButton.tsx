import LockOpenIcon from '@mui/icons-material/LockOpen';
import { Button, useCanAccess, useNotify, useRecordContext, useUpdate } from 'react-admin';
import type { UserRecord } from './types';

/** Clears a sign-in lockout (the API accepts `lockedUntil: null` and nothing else for that field). */
export const UnlockUserButton = () => {
  const record = useRecordContext<UserRecord>();
  const notify = useNotify();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'edit', record });
  const [update, { isPending }] = useUpdate<UserRecord>();
  const locked = !!record?.lockedUntil && new Date(record.lockedUntil).getTime() > Date.now();
  if (!record || !locked || !canAccess) return null;
  const unlock = () =>
    update(
      'users',
      { id: record.id, data: { lockedUntil: null }, previousData: record },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => notify('resources.users.notifications.unlocked', { type: 'success' }),
        onError: (error) => notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' }),
      },
    );
  return (
    <Button label="resources.users.actions.unlock" onClick={unlock} disabled={isPending}>
      <LockOpenIcon />
    </Button>
  );
};
