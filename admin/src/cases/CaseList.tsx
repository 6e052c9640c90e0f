import { Chip } from '@mui/material';
import { BooleanInput, Datagrid, FunctionField, List, SearchInput, SelectInput, TextField, useGetIdentity, useTranslate } from 'react-admin';
import type { CaseRecord } from './types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <BooleanInput key="mine" source="mine" label="resources.cases.mine" alwaysOn />,
  <BooleanInput key="overdue" source="overdue" label="resources.cases.overdueOnly" />,
  <SelectInput
    key="status"
    source="status"
    choices={['unassigned', 'open', 'closed'].map((s) => ({ id: s, name: `resources.cases.status.${s}` }))}
  />,
];

export const Deadline = ({ record }: { record: CaseRecord }) => {
  const translate = useTranslate();
  if (record.firstContactAt) return <span>{translate('resources.cases.contacted', { date: record.firstContactAt })}</span>;
  if (!record.firstContactDeadline) return <span>—</span>;
  return record.overdue ? <Chip color="error" size="small" label={translate('resources.cases.overdue', { date: record.firstContactDeadline })} /> : <span>{record.firstContactDeadline}</span>;
};

/** "My caseload" for a case manager (with the caseloads they deputise for): overdue first, then by deadline. */
export const CaseList = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const isManager = (identity as { role?: string } | undefined)?.role === 'case_manager';
  return (
    <List filters={filters} filterDefaultValues={isManager ? { mine: true } : {}} sort={{ field: 'urgency', order: 'ASC' }} title={isManager ? 'resources.cases.myCaseload' : undefined}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="childName" />
        <FunctionField<CaseRecord> source="firstContactDeadline" sortBy="firstContactDeadline" render={(r) => <Deadline record={r} />} />
        <FunctionField<CaseRecord> source="status" render={(r) => translate(`resources.cases.status.${r.status}`)} />
        <TextField source="caseManagerName" emptyText="—" sortable={false} />
        <TextField source="municipalityCode" sortable={false} />
      </Datagrid>
    </List>
  );
};
