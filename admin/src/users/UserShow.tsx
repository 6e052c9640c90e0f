import { BooleanField, EditButton, ReferenceField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { localeChoices, roleChoices } from '../roles';
import { UnlockUserButton } from './UnlockUserButton';

const UserShowActions = () => (
  <TopToolbar>
    <UnlockUserButton />
    <EditButton />
  </TopToolbar>
);

export const UserShow = () => (
  <Show actions={<UserShowActions />}>
    <SimpleShowLayout>
      <TextField source="fullName" />
      <TextField source="email" />
      <SelectField source="role" choices={roleChoices} />
      <ReferenceField source="organisationId" reference="organisations" link="show" />
      <SelectField source="locale" choices={localeChoices} />
      <BooleanField source="active" />
      <DateTimeField source="lockedUntil" />
      <DateTimeField source="lastLoginAt" />
      <DateTimeField source="createdAt" />
    </SimpleShowLayout>
  </Show>
);
