import { ChipField, Datagrid, FunctionField, List, NumberField, SelectInput, ShowButton, TextField, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import type { ExceptionRecord } from './types';

const filters = [
  <SelectInput
    key="status"
    source="status"
    alwaysOn
    choices={[
      { id: 'open', name: 'resources.exceptions.status.open' },
      { id: 'resolved', name: 'resources.exceptions.status.resolved' },
    ]}
  />,
];

/** The case manager's queue: oldest open exception first. */
export const ExceptionList = () => {
  const translate = useTranslate();
  return (
    <List filters={filters} filterDefaultValues={{ status: 'open' }} sort={{ field: 'openedAt', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <DateTimeField source="openedAt" />
        <FunctionField<ExceptionRecord> source="reasonCodes" render={(r) => r.reasonCodes.map((c) => translate(`resources.exceptions.reasons.${c}`)).join(', ')} />
        <FunctionField<ExceptionRecord> source="status" render={(r) => translate(`resources.exceptions.status.${r.status}`)} />
        <DateTimeField source="visit.checkInAt" label="resources.visits.fields.checkInAt" />
        <NumberField source="visit.durationMinutes" label="resources.visits.fields.durationMinutes" />
        <TextField source="visit.serviceCode" label="resources.visits.fields.serviceCode" />
        <ChipField source="resolutionAction" emptyText="—" />
        <ShowButton />
      </Datagrid>
    </List>
  );
};
