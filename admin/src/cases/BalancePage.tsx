import { Alert, Box, Button, Card, CardContent, LinearProgress, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Loading, Title, useNotify, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../auth/httpClient';
import type { BalanceRecord, CaseRecord } from './types';

/** The municipality officer's caseload balance: each case manager's load against the limit, the unassigned queue, and reassignment. */
export const BalancePage = () => {
  const translate = useTranslate();
  const [data, setData] = useState<BalanceRecord | null>(null);
  const [error, setError] = useState(false);
  const load = useCallback(() => {
    httpClient(`${API_URL}/caseload-balance`).then(
      ({ json }) => setData(json as BalanceRecord),
      () => setError(true),
    );
  }, []);
  useEffect(load, [load]);
  if (!data && !error) return <Loading />;
  if (error || !data) return <Alert severity="error">{translate('errors.INTERNAL')}</Alert>;
  const t = (k: string, o?: object) => translate(`resources.caseload-balance.${k}`, o);
  return (
    <Card>
      <Title title={t('name')} />
      <CardContent>
        <Typography variant="h6" component="h2">
          {t('managers')}
        </Typography>
        <Table size="small" aria-label={t('managers')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('manager')}</TableCell>
              <TableCell>{t('load')}</TableCell>
              <TableCell sx={{ width: '40%' }}>{t('capacity')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.managers.map((m) => (
              <TableRow key={m.userId}>
                <TableCell>{m.fullName}</TableCell>
                <TableCell>
                  {m.load} / {m.limit}
                  {m.load >= m.limit ? ` — ${t('full')}` : ''}
                  <LimitEditor userId={m.userId} name={m.fullName} limit={m.limit} onDone={load} />
                </TableCell>
                <TableCell>
                  <LinearProgress variant="determinate" value={Math.min(100, (m.load * 100) / m.limit)} color={m.load >= m.limit ? 'error' : 'primary'} aria-label={`${m.fullName}: ${m.load} / ${m.limit}`} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Typography variant="h6" component="h2" sx={{ mt: 3 }}>
          {t('queue', { count: data.unassigned.length })}
        </Typography>
        {data.unassigned.length === 0 ? <Typography>{t('queueEmpty')}</Typography> : data.unassigned.map((c) => <Reassign key={c.id} c={c} managers={data.managers} onDone={load} />)}
      </CardContent>
    </Card>
  );
};

const Reassign = ({ c, managers, onDone }: { c: CaseRecord; managers: BalanceRecord['managers']; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [target, setTarget] = useState('');
  const save = async () => {
    try {
      await httpClient(`${API_URL}/cases/${c.id}/reassign`, { method: 'POST', body: JSON.stringify({ caseManagerUserId: target }) });
      notify('resources.caseload-balance.assigned', { type: 'success' });
      onDone();
    } catch (e) {
      notify(`errors.${(e as { body?: { code?: string } }).body?.code ?? 'INTERNAL'}`, { type: 'error' });
    }
  };
  return (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', my: 1 }}>
      <Typography sx={{ minWidth: 200 }}>
        {c.childName} — {c.firstContactDeadline}
      </Typography>
      <TextField select size="small" label={translate('resources.caseload-balance.assignTo')} value={target} onChange={(e) => setTarget(e.target.value)} sx={{ minWidth: 220 }}>
        {managers.map((m) => (
          <MenuItem key={m.userId} value={m.userId} disabled={m.load >= m.limit}>
            {m.fullName} ({m.load}/{m.limit})
          </MenuItem>
        ))}
      </TextField>
      <Button variant="outlined" disabled={!target} onClick={() => void save()}>
        {translate('resources.caseload-balance.assign')}
      </Button>
    </Box>
  );
};

/** The officer changes one case manager's caseload limit (1–50); lowering it never moves cases away. */
const LimitEditor = ({ userId, name, limit, onDone }: { userId: string; name: string; limit: number; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [value, setValue] = useState(String(limit));
  const save = async () => {
    try {
      await httpClient(`${API_URL}/case-managers/${userId}/limit`, { method: 'PUT', body: JSON.stringify({ caseloadLimit: Number(value) }) });
      notify('resources.caseload-balance.limitSaved', { type: 'success' });
      onDone();
    } catch (e) {
      const body = (e as { body?: { code?: string; errors?: Record<string, string> } }).body;
      notify(body?.errors?.caseloadLimit ? 'resources.caseload-balance.limitInvalid' : `errors.${body?.code ?? 'INTERNAL'}`, { type: 'error' });
    }
  };
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 1, alignItems: 'center', ml: 2 }}>
      <TextField size="small" type="number" label={translate('resources.caseload-balance.limitFor', { name })} value={value} onChange={(e) => setValue(e.target.value)} sx={{ width: 120 }} slotProps={{ htmlInput: { min: 1, max: 50 } }} />
      <Button size="small" disabled={value === String(limit)} onClick={() => void save()}>
        {translate('ra.action.save')}
      </Button>
    </Box>
  );
};
