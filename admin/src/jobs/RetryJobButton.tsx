import ReplayIcon from '@mui/icons-material/Replay';
import { useState, type MouseEvent } from 'react';
import { Button, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { AppDataProvider, JobRecord } from '../dataProvider';

/** POST /api/jobs/{id}/retry for a failed job; hidden for any other state. */
export const RetryJobButton = () => {
  const job = useRecordContext<JobRecord>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'jobs', action: 'retry', record: job });
  if (!job || job.state !== 'failed' || !canAccess) return null;

  const retry = async (event: MouseEvent) => {
    event.stopPropagation(); // the button sits in a clickable row
    setPending(true);
    try {
      await dataProvider.retryJob(job.id);
      notify('resources.jobs.notifications.retried', { type: 'success' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <Button label="resources.jobs.actions.retry" onClick={retry} disabled={pending}>
      <ReplayIcon />
    </Button>
  );
};
