import { Datagrid, FunctionField, List, NumberField, SearchInput, TextField, TextInput } from 'react-admin';
import type { ChildRecord } from './types';

const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="resources.children.search" />, <TextInput key="m" source="municipalityCode" />];

/** Children the signed-in user may see (the API decides), searchable by name or personal code. */
export const ChildList = () => (
  <List filters={filters} sort={{ field: 'lastName', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <FunctionField<ChildRecord> source="lastName" render={(c) => `${c.firstName} ${c.lastName}`} />
      <TextField source="personalCode" />
      <NumberField source="age" />
      <TextField source="municipalityCode" />
    </Datagrid>
  </List>
);
