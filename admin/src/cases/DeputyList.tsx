import { Create, Datagrid, DateField, DateInput, DeleteButton, List, ReferenceField, ReferenceInput, SelectInput, SimpleForm, TextField, required } from 'react-admin';

/** A case manager names a colleague to see and act on their caseload for a date range (both days included). */
export const DeputyList = () => (
  <List sort={{ field: 'validFrom', order: 'DESC' }} pagination={false} exporter={false}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <ReferenceField source="caseManagerUserId" reference="case-managers" link={false}>
        <TextField source="fullName" />
      </ReferenceField>
      <ReferenceField source="deputyUserId" reference="case-managers" link={false}>
        <TextField source="fullName" />
      </ReferenceField>
      <DateField source="validFrom" locales="lv-LV" />
      <DateField source="validTo" locales="lv-LV" />
      <DeleteButton mutationMode="pessimistic" />
    </Datagrid>
  </List>
);

export const DeputyCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <ReferenceInput source="deputyUserId" reference="case-managers">
        <SelectInput optionText="fullName" validate={required()} />
      </ReferenceInput>
      <DateInput source="validFrom" validate={required()} />
      <DateInput source="validTo" validate={required()} />
    </SimpleForm>
  </Create>
);
