import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { DateField, FunctionField, NumberField, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import type { ChildRecord } from './types';

const PURPOSES = ['contact_by_social_service', 'share_with_providers', 'share_with_school'];

const Consents = () => {
  const c = useRecordContext<ChildRecord>();
  const translate = useTranslate();
  if (!c?.consents) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: "wrap" }} aria-label={translate('resources.children.consents')}>
      {PURPOSES.map((p) => (
        <Chip key={p} color={c.consents![p] ? 'success' : 'default'} label={`${translate(`resources.children.purposes.${p}`)}: ${translate(c.consents![p] ? 'resources.children.granted' : 'resources.children.notGranted')}`} />
      ))}
    </Stack>
  );
};

const Decisions = () => {
  const c = useRecordContext<ChildRecord>();
  const translate = useTranslate();
  if (!c?.decisions?.length) return <Typography variant="body2">—</Typography>;
  return (
    <Table size="small" aria-label={translate('resources.children.decisions')}>
      <TableHead>
        <TableRow>
          {['number', 'decisionDate', 'kind', 'specialCare', 'validTo'].map((f) => (
            <TableCell key={f}>{translate(`resources.children.decision.${f}`)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {c.decisions.map((d) => (
          <TableRow key={d.id}>
            <TableCell>{d.number}</TableCell>
            <TableCell>{d.decisionDate}</TableCell>
            <TableCell>{translate(`resources.children.kinds.${d.kind}`)}</TableCell>
            <TableCell>{translate(d.specialCare ? 'ra.boolean.true' : 'ra.boolean.false')}</TableCell>
            <TableCell>{d.validTo ?? translate('resources.children.lifelong')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const Representatives = () => {
  const c = useRecordContext<ChildRecord>();
  const translate = useTranslate();
  if (!c?.representatives?.length) return <Typography variant="body2">—</Typography>;
  return (
    <ul>
      {c.representatives.map((r) => (
        <li key={r.id}>
          {r.fullName} ({translate(`resources.children.relations.${r.relation}`)}){r.phone ? `, ${r.phone}` : ''}
          {r.email ? `, ${r.email}` : ''}
        </li>
      ))}
    </ul>
  );
};

const Cases = () => {
  const c = useRecordContext<ChildRecord>();
  const translate = useTranslate();
  if (!c?.cases?.length) return <Typography variant="body2">{translate('resources.children.noCase')}</Typography>;
  return (
    <ul>
      {c.cases.map((k) => (
        <li key={k.id}>
          <a href={`#/cases/${k.id}/show`}>{translate(`resources.cases.status.${k.status}`)}</a> — {k.caseManagerName ?? translate('resources.cases.unassigned')} —{' '}
          {translate('resources.cases.fields.firstContactDeadline')}: {k.firstContactDeadline ?? '—'}
        </li>
      ))}
    </ul>
  );
};

export const ChildShow = () => (
  <Show>
    <SimpleShowLayout>
      <FunctionField<ChildRecord> source="lastName" render={(c) => `${c.firstName} ${c.lastName}`} />
      <TextField source="personalCode" />
      <DateField source="birthDate" locales="lv-LV" />
      <NumberField source="age" />
      <TextField source="municipalityCode" />
      <FunctionField<ChildRecord> source="languages" render={(c) => c.languages.join(', ')} />
      <FunctionField label="resources.children.consents" render={() => <Consents />} />
      <FunctionField label="resources.children.decisions" render={() => <Decisions />} />
      <FunctionField label="resources.children.representatives" render={() => <Representatives />} />
      <FunctionField label="resources.children.caseList" render={() => <Cases />} />
    </SimpleShowLayout>
  </Show>
);
