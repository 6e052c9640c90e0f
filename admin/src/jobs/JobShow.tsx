import { NumberField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { jobQueueChoices, jobStateChoices } from './choices';
import { JobProgressField } from './JobProgressField';
import { RetryJobButton } from './RetryJobButton';

const JobShowActions = () => (
  <TopToolbar>
    <RetryJobButton />
  </TopToolbar>
);

export const JobShow = () => (
  <Show actions={<JobShowActions />}>
    <SimpleShowLayout>
      <TextField source="id" />
      <SelectField source="queue" choices={jobQueueChoices} />
      <TextField source="name" />
      <SelectField source="state" choices={jobStateChoices} />
      <JobProgressField source="progress" />
      <NumberField source="attemptsMade" />
      <TextField source="failedReason" component="pre" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', m: 0 }} />
      <DateTimeField source="createdAt" />
      <DateTimeField source="finishedAt" />
    </SimpleShowLayout>
  </Show>
);
