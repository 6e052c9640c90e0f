import {
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  DataTable,
  List,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  ShowButton,
  SimpleList,
  TextInput,
  useTranslate,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { useIsSmall } from '../common/useIsSmall';
import { roleChoices } from '../roles';
import type { UserRecord } from './types';

const filters = [
  <TextInput key="q" source="q" label="app.search" alwaysOn resettable />,
  <SelectInput key="role" source="role" choices={roleChoices} />,
  <ReferenceInput key="organisationId" source="organisationId" reference="organisations" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <BooleanInput key="active" source="active" />,
];

export const UserList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'email', order: 'ASC' }} exporter={false}>
      {isSmall ? (
        <SimpleList<UserRecord>
          primaryText={(user) => user.fullName}
          secondaryText={(user) => user.email}
          tertiaryText={(user) => translate(`roles.${user.role}`)}
          rowClick="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="email" />
          <DataTable.Col source="fullName" />
          <DataTable.Col source="role">
            <SelectField source="role" choices={roleChoices} />
          </DataTable.Col>
          <DataTable.Col source="organisationId" disableSort>
            <ReferenceField source="organisationId" reference="organisations" link="show" />
          </DataTable.Col>
          <DataTable.Col source="active" disableSort field={BooleanField} />
          <DataTable.Col source="lastLoginAt" field={DateTimeField} />
          <DataTable.Col label="app.actions" disableSort>
            <ShowButton />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};
