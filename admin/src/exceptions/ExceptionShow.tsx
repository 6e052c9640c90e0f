import type { ReactNode } from 'react';
import { ArrayField, Datagrid, FunctionField, Labeled, List, NumberField, ReferenceField, Show, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { ResolveForm } from './ResolveForm';
import type { ExceptionRecord, VisitRecord } from './types';

/** One exception with its evidence — the visit, both scans, the overlapping visit — and the decision form. */
export const ExceptionShow = () => {
  const translate = useTranslate();
  return (
    <Show>
      <SimpleShowLayout>
        <FunctionField<ExceptionRecord> source="reasonCodes" render={(r) => r.reasonCodes.map((c) => translate(`resources.exceptions.reasons.${c}`)).join(', ')} />
        <FunctionField<ExceptionRecord> source="status" render={(r) => translate(`resources.exceptions.status.${r.status}`)} />
        <DateTimeField source="openedAt" />
        <ReferenceField source="visitId" reference="visits" link="show" label="resources.visits.name">
          <Labeled label="resources.visits.fields.status">
            <FunctionField<VisitRecord> render={(v) => translate(`resources.visits.status.${v.status}`)} />
          </Labeled>
        </ReferenceField>
        <DateTimeField source="visit.checkInAt" label="resources.visits.fields.checkInAt" />
        <DateTimeField source="visit.checkOutAt" label="resources.visits.fields.checkOutAt" />
        <NumberField source="visit.durationMinutes" label="resources.visits.fields.durationMinutes" />
        <TextField source="visit.method" label="resources.visits.fields.method" />
        <TextField source="resolutionAction" emptyText="—" />
        <TextField source="resolutionCode" emptyText="—" />
        <TextField source="note" emptyText="—" />
        <ResolveForm />
      </SimpleShowLayout>
    </Show>
  );
};

export const VisitShow = () => {
  const translate = useTranslate();
  return (
    <Show>
      <SimpleShowLayout>
        <FunctionField<VisitRecord> source="status" render={(v) => <span data-testid="visit-status">{translate(`resources.visits.status.${v.status}`)}</span>} />
        <DateTimeField source="checkInAt" />
        <DateTimeField source="checkOutAt" />
        <NumberField source="durationMinutes" />
        <NumberField source="billableMinutes" />
        <TextField source="serviceCode" />
        <TextField source="method" />
        <NumberField source="groupSize" />
        <FunctionField<VisitRecord> source="reasons" render={(v) => v.reasons.map((c) => translate(`resources.exceptions.reasons.${c}`)).join(', ') || '—'} />
        <ArrayField source="scans" label="resources.exceptions.evidence.scans">
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <TextField source="kind" label="resources.visits.fields.kind" />
            <TextField source="method" label="resources.visits.fields.method" />
            <TextField source="verdict" label="resources.visits.fields.verdict" />
            <DateTimeField source="effectiveAt" label="resources.visits.fields.effectiveAt" />
            <DateTimeField source="receivedAt" label="resources.visits.fields.receivedAt" />
          </Datagrid>
        </ArrayField>
        <ArrayField source="overlapping" label="resources.exceptions.evidence.overlapping">
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <DateTimeField source="checkInAt" label="resources.visits.fields.checkInAt" />
            <DateTimeField source="checkOutAt" label="resources.visits.fields.checkOutAt" />
            <TextField source="status" label="resources.visits.fields.status" />
          </Datagrid>
        </ArrayField>
      </SimpleShowLayout>
    </Show>
  );
};

export const VisitList = () => {
  const translate = useTranslate();
  return (
    <ListWrapper>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <DateTimeField source="checkInAt" />
        <DateTimeField source="checkOutAt" />
        <NumberField source="durationMinutes" />
        <TextField source="serviceCode" />
        <FunctionField<VisitRecord> source="status" render={(v) => <span data-testid="visit-status">{translate(`resources.visits.status.${v.status}`)}</span>} />
      </Datagrid>
    </ListWrapper>
  );
};

const ListWrapper = ({ children }: { children: ReactNode }) => <List sort={{ field: 'createdAt', order: 'DESC' }}>{children}</List>;
