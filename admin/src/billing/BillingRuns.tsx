import { Box, LinearProgress, Typography } from '@mui/material';
import {
  Create,
  DataTable,
  FunctionField,
  List,
  SaveButton,
  SelectField,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  Toolbar,
  TopToolbar,
  required,
  useCanAccess,
  useRecordContext,
  useTranslate,
  regex,
} from 'react-admin';
import { ActionButton, MoneyField } from '../budgets/common';
import { DateTimeField } from '../common/DateTimeField';

export interface RunRecord {
  id: string;
  month: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  percent: number;
  providersDone: number;
  providersTotal: number;
  linesCreated: number;
  amountCents: number;
}

const statusChoices = ['queued', 'running', 'completed', 'failed'].map((id) => ({ id, name: `resources.billing-runs.status.${id}` }));

/** The run's progress as a bar with its numbers; the numbers say it, the bar helps. */
export const RunProgress = () => {
  const run = useRecordContext<RunRecord>();
  const translate = useTranslate();
  if (!run) return null;
  return (
    <Box sx={{ minWidth: 160 }}>
      <LinearProgress
        variant="determinate"
        value={run.percent}
        aria-label={translate('resources.billing-runs.fields.percent')}
        aria-valuetext={`${run.percent} %`}
        data-testid="run-progress"
      />
      <Typography variant="caption">
        {run.percent} % · {translate('resources.billing-runs.actions.progress', { done: run.providersDone, total: run.providersTotal })}
      </Typography>
    </Box>
  );
};

export const BillingRunList = () => (
  <List exporter={false} sort={{ field: 'createdAt', order: 'DESC' }} queryOptions={{ refetchInterval: 2000 }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="month" />
      <DataTable.Col source="status">
        <SelectField source="status" choices={statusChoices} />
      </DataTable.Col>
      <DataTable.Col source="percent" disableSort>
        <RunProgress />
      </DataTable.Col>
      <DataTable.Col source="linesCreated" disableSort />
      <DataTable.Col source="creditsCreated" disableSort />
      <DataTable.Col source="amountCents" disableSort field={MoneyField} />
      <DataTable.Col source="createdAt" field={DateTimeField} />
    </DataTable>
  </List>
);

const RunActions = () => {
  const run = useRecordContext<RunRecord>();
  const { canAccess } = useCanAccess({ resource: 'billing-runs', action: 'create' });
  return (
    <TopToolbar>
      {run && canAccess && (run.status === 'failed' || run.status === 'running') && (
        <ActionButton path={`/billing-runs/${run.id}/resume`} label="resources.billing-runs.actions.resume" />
      )}
    </TopToolbar>
  );
};

export const BillingRunShow = () => (
  <Show
    actions={<RunActions />}
    queryOptions={{ refetchInterval: (q) => (['completed', 'failed'].includes((q.state.data as RunRecord | undefined)?.status ?? '') ? false : 1000) }}
  >
    <SimpleShowLayout>
      <TextField source="month" />
      <SelectField source="status" choices={statusChoices} />
      <FunctionField source="percent" render={() => <RunProgress />} />
      <TextField source="municipalityCode" emptyText="—" />
      <TextField source="linesCreated" />
      <TextField source="creditsCreated" />
      <TextField source="visitsSkipped" />
      <MoneyField source="amountCents" />
      <TextField source="attempts" />
      <TextField source="lastError" emptyText="—" />
      <DateTimeField source="createdAt" />
      <DateTimeField source="finishedAt" />
    </SimpleShowLayout>
  </Show>
);

const lastMonth = () => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};

export const BillingRunCreate = () => (
  <Create redirect="show">
    {/* the prefilled month is a valid choice as it is, so saving needs no edit first */}
    <SimpleForm
      defaultValues={{ month: lastMonth() }}
      toolbar={
        <Toolbar>
          <SaveButton alwaysEnable />
        </Toolbar>
      }
    >
      <TextInput source="month" validate={[required(), regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.matches')]} helperText="2026-11" />
      <TextInput source="municipalityCode" helperText={false} />
    </SimpleForm>
  </Create>
);
