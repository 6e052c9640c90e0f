import { useState } from 'react';
import {
  Create, DataTable, DateInput, FunctionField, List, SelectInput, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, TopToolbar,
  required, useCanAccess, useRecordContext, useTranslate,
} from 'react-admin';
import { Box, TextField as MuiTextField, Typography } from '@mui/material';
import { DateTimeField } from '../common/DateTimeField';
import { ActionButton, DOMAINS } from './common';

export interface AssessmentRecord {
  id: string;
  childId: string;
  version: number;
  status: 'awaiting_signatures' | 'signed' | 'superseded';
  domains: Record<string, { level: number; note: string | null }>;
  missingSignoffs: string[];
}

const statusChoices = ['awaiting_signatures', 'signed', 'superseded'].map((id) => ({ id, name: `resources.assessments.status.${id}` }));

export const AssessmentList = () => (
  <List filters={[<SelectInput key="status" source="status" choices={statusChoices} />, <TextInput key="childId" source="childId" />]} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="childId" />
      <DataTable.Col source="version" />
      <DataTable.Col source="status">
        <FunctionField<AssessmentRecord> render={(r) => <StatusText status={r.status} />} />
      </DataTable.Col>
      <DataTable.Col source="validTo" field={(p) => <DateTimeField {...p} dateOnly />} />
    </DataTable>
  </List>
);

const StatusText = ({ status }: { status: string }) => {
  const translate = useTranslate();
  return <span>{translate(`resources.assessments.status.${status}`)}</span>;
};

/** Who has signed and who has not; the case manager signs here and records the health specialist's sign-off. */
const SignoffPanel = () => {
  const record = useRecordContext<AssessmentRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'assessments', action: 'sign', record });
  const [name, setName] = useState('');
  const [reg, setReg] = useState('');
  if (!record) return null;
  const missing = record.missingSignoffs;
  return (
    <Box component="section" aria-labelledby="signoff-title" sx={{ display: 'flex', flexDirection: 'column', gap: 1, maxWidth: 520 }}>
      <Typography id="signoff-title" variant="h6" component="h2">
        {translate('resources.assessments.signoff.title')}
      </Typography>
      <Typography data-testid="signoff-status">
        {missing.length === 0
          ? translate('resources.assessments.signoff.complete')
          : translate('resources.assessments.signoff.missing', { who: missing.map((w) => translate(`resources.assessments.signoff.${w}`)).join(', ') })}
      </Typography>
      {canAccess && missing.includes('case_manager') && <ActionButton path={`/assessments/${record.id}/sign`} label="resources.assessments.signoff.sign" />}
      {canAccess && missing.includes('health_specialist') && (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <MuiTextField size="small" label={translate('resources.assessments.fields.healthSpecialistName')} value={name} onChange={(e) => setName(e.target.value)} />
          <MuiTextField size="small" label={translate('resources.assessments.fields.healthSpecialistRegistrationNumber')} value={reg} onChange={(e) => setReg(e.target.value)} />
          <ActionButton path={`/assessments/${record.id}/health-signoff`} label="resources.assessments.signoff.health" body={() => ({ name, registrationNumber: reg })} />
        </Box>
      )}
      {canAccess && <ActionButton path="/support-plans" label="resources.assessments.actions.plan" body={() => ({ assessmentId: record.id })} goTo={(p) => `/support-plans/${p.id}`} />}
    </Box>
  );
};

export const AssessmentShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<TopToolbar />}>
      <SimpleShowLayout>
        <TextField source="childId" />
        <TextField source="version" />
        <FunctionField<AssessmentRecord> source="status" render={(r) => translate(`resources.assessments.status.${r.status}`)} />
        <DateTimeField source="validFrom" dateOnly />
        <DateTimeField source="validTo" dateOnly />
        <DateTimeField source="reviewReminderOn" dateOnly />
        <FunctionField<AssessmentRecord>
          source="domains"
          render={(r) => (
            <table>
              <tbody>
                {DOMAINS.filter((d) => r.domains[d]).map((d) => (
                  <tr key={d}>
                    <th scope="row" style={{ textAlign: 'left', paddingRight: 16 }}>{translate(`resources.assessments.domains.${d}`)}</th>
                    <td>{translate(`resources.assessments.levels.${r.domains[d].level}`)}</td>
                    <td>{r.domains[d].note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        />
        <TextField source="healthSpecialistName" emptyText="—" />
        <TextField source="healthSpecialistRegistrationNumber" emptyText="—" />
        <DateTimeField source="caseManagerSignedAt" />
        <DateTimeField source="healthSpecialistSignedAt" />
        <DateTimeField source="familySignedAt" />
        <SignoffPanel />
      </SimpleShowLayout>
    </Show>
  );
};

const levelChoices = [0, 1, 2, 3, 4].map((id) => ({ id, name: `resources.assessments.levels.${id}` }));

/** A new version: every domain gets a level and a note; work readiness only from 14 (the API checks). */
export const AssessmentCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ domains: Object.fromEntries(DOMAINS.filter((d) => d !== 'work_readiness').map((d) => [d, { level: 0, note: '' }])) }}>
      <TextInput source="childId" validate={required()} />
      <DateInput source="validFrom" validate={required()} />
      <DateInput source="validTo" validate={required()} />
      {DOMAINS.filter((d) => d !== 'work_readiness').map((d) => (
        <Box key={d} sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <SelectInput source={`domains.${d}.level`} label={`resources.assessments.domains.${d}`} choices={levelChoices} validate={required()} />
          <TextInput source={`domains.${d}.note`} label="resources.assessments.fields.note" />
        </Box>
      ))}
    </SimpleForm>
  </Create>
);
