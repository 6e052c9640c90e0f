import { ArrayInput, DataTable, Edit, List, NumberInput, SelectInput, Show, SimpleForm, SimpleFormIterator, SimpleShowLayout, TextField, TextInput, TopToolbar, EditButton, ArrayField, Datagrid, NumberField, useRecordContext, required } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { ActionButton } from './common';

const SERVICE_CODES = ['PHYSIO', 'SPEECH', 'OCCUPATIONAL', 'MUSIC_THERAPY', 'PSYCHOLOGIST', 'SPECIAL_EDUCATOR', 'TEACHER_ASSISTANT', 'SIGN_INTERPRETER', 'ASSISTANT', 'COMPANION', 'RESPITE', 'DAY_CARE', 'EARLY_INTERVENTION', 'MENTOR', 'JOB_COACH', 'TECH_AIDS', 'TRANSPORT'];
const serviceChoices = SERVICE_CODES.map((id) => ({ id, name: id }));

export const SupportPlanList = () => (
  <List exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="childId" />
      <DataTable.Col source="assessmentId" />
      <DataTable.Col source="updatedAt" field={DateTimeField} />
    </DataTable>
  </List>
);

const BasketFromPlan = () => {
  const record = useRecordContext<{ id: string }>();
  return record ? <ActionButton path="/baskets" label="resources.support-plans.actions.basket" body={() => ({ supportPlanId: record.id })} goTo={(b) => `/baskets/${b.id}/show`} /> : null;
};

export const SupportPlanShow = () => (
  <Show actions={<TopToolbar><EditButton /><BasketFromPlan /></TopToolbar>}>
    <SimpleShowLayout>
      <TextField source="childId" />
      <TextField source="assessmentId" />
      <ArrayField source="goals">
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <TextField source="text" label="resources.support-plans.fields.text" />
        </Datagrid>
      </ArrayField>
      <ArrayField source="services">
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <TextField source="serviceCode" label="resources.support-plans.fields.serviceCode" />
          <NumberField source="proposedUnitsPerMonth" label="resources.support-plans.fields.proposedUnitsPerMonth" />
          <NumberField source="unitsPerMonth" label="resources.support-plans.fields.unitsPerMonth" />
          <TextField source="reason" label="resources.support-plans.fields.reason" emptyText="—" />
          <TextField source="continuitySpecialist" label="resources.support-plans.fields.continuitySpecialist" emptyText="—" />
        </Datagrid>
      </ArrayField>
    </SimpleShowLayout>
  </Show>
);

/** The plan editor: goals in the family's words, and the services with units; a changed number needs a reason (the API checks). */
export const SupportPlanEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={(d: Record<string, unknown>) => ({ goals: d.goals, services: ((d.services as Record<string, unknown>[]) ?? []).map(({ proposedUnitsPerMonth: _p, ...s }) => s) })}>
    <SimpleForm>
      <ArrayInput source="goals">
        <SimpleFormIterator inline>
          <TextInput source="text" label="resources.support-plans.fields.text" validate={required()} sx={{ minWidth: 360 }} />
        </SimpleFormIterator>
      </ArrayInput>
      <ArrayInput source="services">
        <SimpleFormIterator inline>
          <SelectInput source="serviceCode" label="resources.support-plans.fields.serviceCode" choices={serviceChoices} validate={required()} />
          <NumberInput source="unitsPerMonth" label="resources.support-plans.fields.unitsPerMonth" min={0} step={1} validate={required()} />
          <TextInput source="reason" label="resources.support-plans.fields.reason" />
          <TextInput source="continuitySpecialist" label="resources.support-plans.fields.continuitySpecialist" />
          <NumberInput source="goal" label="resources.support-plans.fields.goal" min={0} step={1} />
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleForm>
  </Edit>
);
