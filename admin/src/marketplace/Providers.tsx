import { useState } from 'react';
import { DataTable, FunctionField, List, SelectInput, Show, SimpleShowLayout, TextField, TextInput, TopToolbar, useCanAccess, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { Box, TextField as MuiTextField, Typography } from '@mui/material';
import { DateTimeField } from '../common/DateTimeField';
import { formatDate } from '../format';
import { ActionButton } from '../budgets/common';

interface ProviderRecord {
  id: string;
  name: string;
  status: string;
  kind: string;
  registrationNumber: string;
  iban: string | null;
  languages: string[];
  locations: { name: string; address: string; municipalityCode: string }[];
  accreditations: { id: string; serviceCode: string; registerNumber: string; validFrom: string; validTo: string | null }[];
}

const statusChoices = ['pending', 'approved', 'rejected', 'suspended'].map((id) => ({ id, name: `resources.providers.status.${id}` }));

const Status = () => {
  const translate = useTranslate();
  return <FunctionField<ProviderRecord> source="status" render={(r) => <span data-testid="provider-status">{translate(`resources.providers.status.${r.status}`)}</span>} />;
};
const Kind = () => {
  const translate = useTranslate();
  return <FunctionField<ProviderRecord> source="kind" render={(r) => translate(`resources.providers.kinds.${r.kind}`)} />;
};

/** With the filter "pending" this is the platform admin's onboarding approval queue. */
export const ProviderList = () => (
  <List filters={[<SelectInput key="status" source="status" choices={statusChoices} alwaysOn />, <TextInput key="q" source="q" label="app.search" alwaysOn resettable />]} sort={{ field: 'name', order: 'ASC' }} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="registrationNumber" disableSort />
      <DataTable.Col source="kind" disableSort field={Kind} />
      <DataTable.Col source="status" field={Status} />
      <DataTable.Col source="createdAt" field={DateTimeField} />
    </DataTable>
  </List>
);

const Accreditations = () => {
  const record = useRecordContext<ProviderRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  return (
    <Box>
      <Typography variant="subtitle2" component="h2">{translate('resources.providers.fields.accreditations')}</Typography>
      <table data-testid="accreditations">
        <thead>
          <tr>{['serviceCode', 'registerNumber', 'validFrom', 'validTo'].map((f) => <th key={f} scope="col" style={{ textAlign: 'left', padding: 4 }}>{translate(`resources.providers.fields.${f}`)}</th>)}</tr>
        </thead>
        <tbody>
          {record.accreditations.map((a) => (
            <tr key={a.id}>
              <td style={{ padding: 4 }}>{a.serviceCode}</td>
              <td style={{ padding: 4 }}>{a.registerNumber}</td>
              <td style={{ padding: 4 }}>{formatDate(a.validFrom, locale)}</td>
              <td style={{ padding: 4 }}>{a.validTo ? formatDate(a.validTo, locale) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
};

const ProviderActions = () => {
  const record = useRecordContext<ProviderRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'providers', action: 'approve', record });
  const [note, setNote] = useState('');
  if (!record || !canAccess) return <TopToolbar />;
  return (
    <TopToolbar>
      {['pending', 'suspended'].includes(record.status) && <ActionButton path={`/providers/${record.id}/approve`} label="resources.providers.actions.approve" body={() => ({ note: note || undefined })} />}
      {record.status === 'pending' && <ActionButton path={`/providers/${record.id}/reject`} label="resources.providers.actions.reject" body={() => ({ note: note || undefined })} />}
      {record.status === 'approved' && <ActionButton path={`/providers/${record.id}/suspend`} label="resources.providers.actions.suspend" body={() => ({ note: note || undefined })} />}
      <MuiTextField size="small" label={translate('resources.providers.fields.decisionNote')} value={note} onChange={(e) => setNote(e.target.value)} />
    </TopToolbar>
  );
};

export const ProviderShow = () => (
  <Show actions={<ProviderActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="registrationNumber" />
      <Kind />
      <Status />
      <TextField source="iban" emptyText="—" />
      <TextField source="contactEmail" emptyText="—" />
      <TextField source="contactPhone" emptyText="—" />
      <FunctionField<ProviderRecord> source="languages" render={(r) => r.languages.join(', ')} />
      <FunctionField<ProviderRecord> source="locations" render={(r) => r.locations.map((l) => `${l.name} (${l.address})`).join('; ') || '—'} />
      <TextField source="description" emptyText="—" />
      <TextField source="decisionNote" emptyText="—" />
      <Accreditations />
    </SimpleShowLayout>
  </Show>
);
