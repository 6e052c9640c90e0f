import { DataTable, List, ReferenceField, SimpleList, TextField, TextInput, useLocaleState } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { useIsSmall } from '../common/useIsSmall';
import { formatDateTime } from '../format';
import type { AuditEventRecord } from './types';

const filters = [
  <TextInput key="action" source="action" alwaysOn resettable />,
  <TextInput key="subjectType" source="subjectType" resettable />,
  <TextInput key="subjectId" source="subjectId" resettable />,
  <TextInput key="actorUserId" source="actorUserId" resettable />,
];

/** The audit log is read-only: no show, edit or delete, and rows are not clickable. */
export const AuditEventList = () => {
  const isSmall = useIsSmall();
  const [locale] = useLocaleState();
  return (
    <List filters={filters} sort={{ field: 'at', order: 'DESC' }} exporter={false}>
      {isSmall ? (
        <SimpleList<AuditEventRecord>
          primaryText={(event) => event.action}
          secondaryText={(event) => [event.subjectType, event.subjectId].filter(Boolean).join(' ')}
          tertiaryText={(event) => formatDateTime(event.at, locale)}
          rowClick={false}
        />
      ) : (
        <DataTable rowClick={false} bulkActionButtons={false}>
          <DataTable.Col source="at" field={DateTimeField} />
          <DataTable.Col source="action" />
          <DataTable.Col source="actorUserId" disableSort>
            <ReferenceField source="actorUserId" reference="users" link="show" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="subjectType" disableSort />
          <DataTable.Col source="subjectId" disableSort>
            <TextField source="subjectId" sx={{ wordBreak: 'break-all' }} />
          </DataTable.Col>
          <DataTable.Col source="requestId" disableSort>
            <TextField source="requestId" sx={{ wordBreak: 'break-all' }} />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};
