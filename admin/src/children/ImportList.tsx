import { CreateButton, Datagrid, FunctionField, List, NumberField, TextField, TopToolbar, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import type { ImportRecord } from './types';

const Actions = () => (
  <TopToolbar>
    <CreateButton label="resources.decision-imports.upload" />
  </TopToolbar>
);

export const ImportList = () => {
  const translate = useTranslate();
  return (
    <List actions={<Actions />} sort={{ field: 'createdAt', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <DateTimeField source="createdAt" />
        <TextField source="fileName" emptyText="JSON" />
        <FunctionField<ImportRecord> source="status" render={(r) => translate(`resources.decision-imports.status.${r.status}`)} />
        <NumberField source="totalRows" />
        <NumberField source="importedRows" />
        <NumberField source="unchangedRows" />
        <NumberField source="errorRows" />
      </Datagrid>
    </List>
  );
};
