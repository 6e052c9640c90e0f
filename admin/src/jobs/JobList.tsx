import { DataTable, List, NumberField, SelectField, SelectInput, ShowButton, SimpleList, useLocaleState, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { useIsSmall } from '../common/useIsSmall';
import type { JobRecord } from '../dataProvider';
import { formatDateTime } from '../format';
import { jobQueueChoices, jobStateChoices } from './choices';
import { RetryJobButton } from './RetryJobButton';

const filters = [
  <SelectInput key="state" source="state" choices={jobStateChoices} alwaysOn />,
  <SelectInput key="queue" source="queue" choices={jobQueueChoices} alwaysOn />,
];

// the API sorts jobs by creation time only
export const JobList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false}>
      {isSmall ? (
        <SimpleList<JobRecord>
          primaryText={(job) => `${translate(`job_queues.${job.queue}`, { _: job.queue })} · ${job.name}`}
          secondaryText={(job) => translate(`job_states.${job.state}`)}
          tertiaryText={(job) => formatDateTime(job.createdAt, locale)}
          rowClick="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="queue" disableSort>
            <SelectField source="queue" choices={jobQueueChoices} />
          </DataTable.Col>
          <DataTable.Col source="name" disableSort />
          <DataTable.Col source="state" disableSort>
            <SelectField source="state" choices={jobStateChoices} />
          </DataTable.Col>
          <DataTable.Col source="attemptsMade" disableSort field={NumberField} />
          <DataTable.Col source="createdAt" field={DateTimeField} />
          <DataTable.Col source="finishedAt" disableSort field={DateTimeField} />
          <DataTable.Col label="app.actions" disableSort>
            <ShowButton />
            <RetryJobButton />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};
