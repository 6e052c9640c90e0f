import { useState } from 'react';
import { Button, useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Box, MenuItem, TextField, Typography } from '@mui/material';
import { API_URL, httpClient } from '../auth/httpClient';
import { RESOLUTION_CODES, type ExceptionRecord } from './types';

/** accept / adjust duration / convert to group session / reject, each with a resolution code and a note. */
export const ResolveForm = () => {
  const record = useRecordContext<ExceptionRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'exceptions', action: 'resolve', record });
  const [action, setAction] = useState('accept');
  const [code, setCode] = useState(RESOLUTION_CODES.accept[0]);
  const [note, setNote] = useState('');
  const [minutes, setMinutes] = useState('');
  const [pending, setPending] = useState(false);
  if (!record || record.status !== 'open' || !canAccess) return null;

  const submit = async () => {
    setPending(true);
    try {
      const body: Record<string, unknown> = { action, resolutionCode: code, note };
      if (action === 'adjust_duration') body.minutes = Number(minutes);
      await httpClient(`${API_URL}/exceptions/${encodeURIComponent(record.id)}/resolve`, { method: 'POST', body: JSON.stringify(body) });
      notify('resources.exceptions.actions.resolved', { type: 'success' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <Box component="section" aria-labelledby="resolve-title" sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 480, mt: 2 }}>
      <Typography id="resolve-title" variant="h6" component="h2">
        {translate('resources.exceptions.actions.resolve')}
      </Typography>
      <TextField
        select
        label={translate('resources.exceptions.fields.action')}
        value={action}
        onChange={(e) => {
          setAction(e.target.value);
          setCode(RESOLUTION_CODES[e.target.value][0]);
        }}
      >
        {Object.keys(RESOLUTION_CODES).map((a) => (
          <MenuItem key={a} value={a}>
            {translate(`resources.exceptions.resolution.${a}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField select label={translate('resources.exceptions.fields.resolutionCode')} value={code} onChange={(e) => setCode(e.target.value)}>
        {RESOLUTION_CODES[action].map((c) => (
          <MenuItem key={c} value={c}>
            {translate(`resources.exceptions.resolution.${c}`)}
          </MenuItem>
        ))}
      </TextField>
      {action === 'adjust_duration' && <TextField type="number" label={translate('resources.exceptions.fields.minutes')} value={minutes} onChange={(e) => setMinutes(e.target.value)} />}
      <TextField label={translate('resources.exceptions.fields.note')} value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={2} required />
      <Button label="resources.exceptions.actions.resolve" onClick={() => void submit()} disabled={pending || note.trim().length < 3} variant="contained" />
    </Box>
  );
};
