import { BooleanField, Datagrid, List, NumberField, TextField, TextInput } from 'react-admin';

const filters = [<TextInput key="quarter" source="quarter" alwaysOn helperText={false} placeholder="2026-Q4" />];

/** Provider integrity per quarter, lowest score first; below 80 the provider is flagged for review. */
export const IntegrityList = () => (
  <List filters={filters} pagination={false} exporter={false}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="name" />
      <TextField source="quarter" />
      <NumberField source="score" />
      <NumberField source="scannedShare" />
      <NumberField source="notRejectedShare" />
      <NumberField source="total" />
      <BooleanField source="flagged" />
    </Datagrid>
  </List>
);
