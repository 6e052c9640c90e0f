import { Box, Button, MenuItem, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import { FunctionField, Show, SimpleShowLayout, TextField, useGetIdentity, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../auth/httpClient';
import { Deadline } from './CaseList';
import { TransitionsPanel } from '../benefits/ChildEntitlementsShow';
import type { CaseRecord } from './types';

const CHANNELS = ['phone', 'email', 'visit', 'letter'];

/** Recording the first contact stops the deadline reminders (the API checks consent and caseload). */
const FirstContactForm = () => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [channel, setChannel] = useState('phone');
  const [outcome, setOutcome] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!record || record.firstContactAt || record.status === 'closed') return null;
  const save = async () => {
    try {
      await httpClient(`${API_URL}/cases/${record.id}/first-contact`, { method: 'POST', body: JSON.stringify({ date, channel, outcome }) });
      notify('resources.cases.contactSaved', { type: 'success' });
      refresh();
    } catch (e) {
      const body = (e as { body?: { code?: string; errors?: Record<string, string> } }).body;
      setErrors(body?.errors ?? {});
      notify(`errors.${body?.code ?? 'INTERNAL'}`, { type: 'error' });
    }
  };
  const err = (f: string) => (errors[f] ? translate(`validation.${errors[f]}`, { _: errors[f] }) : undefined);
  return (
    <Box component="form" sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start', mt: 2 }} onSubmit={(e) => (e.preventDefault(), void save())}>
      <Typography variant="subtitle1" sx={{ width: '100%' }}>
        {translate('resources.cases.recordContact')}
      </Typography>
      <MuiTextField type="date" label={translate('resources.cases.fields.firstContactAt')} value={date} onChange={(e) => setDate(e.target.value)} error={!!errors.date} helperText={err('date')} slotProps={{ inputLabel: { shrink: true } }} />
      <MuiTextField select label={translate('resources.cases.fields.firstContactChannel')} value={channel} onChange={(e) => setChannel(e.target.value)} sx={{ minWidth: 160 }}>
        {CHANNELS.map((c) => (
          <MenuItem key={c} value={c}>
            {translate(`resources.cases.channels.${c}`)}
          </MenuItem>
        ))}
      </MuiTextField>
      <MuiTextField label={translate('resources.cases.fields.firstContactOutcome')} value={outcome} onChange={(e) => setOutcome(e.target.value)} error={!!errors.outcome} helperText={err('outcome')} sx={{ minWidth: 280 }} />
      <Button type="submit" variant="contained">
        {translate('ra.action.save')}
      </Button>
    </Box>
  );
};

export const CaseShow = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const isManager = (identity as { role?: string } | undefined)?.role === 'case_manager';
  return (
    <Show>
      <SimpleShowLayout>
        <FunctionField<CaseRecord> source="childName" render={(r) => <a href={`#/children/${r.childId}/show`}>{r.childName}</a>} />
        <FunctionField<CaseRecord> source="status" render={(r) => translate(`resources.cases.status.${r.status}`)} />
        <TextField source="caseManagerName" emptyText="—" />
        <TextField source="municipalityCode" />
        <FunctionField<CaseRecord> source="firstContactDeadline" render={(r) => <Deadline record={r} />} />
        <FunctionField<CaseRecord> source="firstContactChannel" render={(r) => (r.firstContactChannel ? translate(`resources.cases.channels.${r.firstContactChannel}`) : '—')} />
        <TextField source="firstContactOutcome" emptyText="—" />
        <FunctionField<CaseRecord>
          label="resources.cases.history"
          render={(r) => (
            <ul>
              {(r.assignments ?? []).map((a) => (
                <li key={a.id}>
                  {new Date(a.at).toLocaleString('lv-LV')} — {a.caseManagerName ?? translate('resources.cases.unassigned')} ({translate(`resources.cases.reasons.${a.reason}`)})
                </li>
              ))}
            </ul>
          )}
        />
        {isManager && <FirstContactForm />}
        {/* the transition reviews (6 months before 18 and 25) work from this list of what changes */}
        <FunctionField<CaseRecord> label="benefits.child.transitions" render={(r) => <TransitionsPanel childId={r.childId} />} />
      </SimpleShowLayout>
    </Show>
  );
};
