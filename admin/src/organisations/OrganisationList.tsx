import { BooleanField, BooleanInput, DataTable, List, SelectField, SelectInput, ShowButton, SimpleList, TextInput, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { useIsSmall } from '../common/useIsSmall';
import { organisationKindChoices } from '../roles';
import type { OrganisationRecord } from './types';

const filters = [
  <TextInput key="q" source="q" label="app.search" alwaysOn resettable />,
  <SelectInput key="kind" source="kind" choices={organisationKindChoices} />,
  <BooleanInput key="active" source="active" />,
];

export const OrganisationList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} exporter={false}>
      {isSmall ? (
        <SimpleList<OrganisationRecord>
          primaryText={(org) => org.name}
          secondaryText={(org) => translate(`organisation_kinds.${org.kind}`)}
          tertiaryText={(org) => org.code ?? ''}
          rowClick="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="kind">
            <SelectField source="kind" choices={organisationKindChoices} />
          </DataTable.Col>
          <DataTable.Col source="code" />
          <DataTable.Col source="active" disableSort field={BooleanField} />
          <DataTable.Col source="createdAt" field={DateTimeField} />
          <DataTable.Col label="app.actions" disableSort>
            <ShowButton />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};
