import { BooleanField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { organisationKindChoices } from '../roles';

export const OrganisationShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <SelectField source="kind" choices={organisationKindChoices} />
      <TextField source="code" />
      <BooleanField source="active" />
      <DateTimeField source="createdAt" />
    </SimpleShowLayout>
  </Show>
);
