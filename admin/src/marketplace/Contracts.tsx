import { DataTable, FunctionField, List, SelectInput, Show, SimpleShowLayout, TextField, TopToolbar, useCanAccess, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { Alert, Box, Typography } from '@mui/material';
import { DateTimeField } from '../common/DateTimeField';
import { formatCents } from '../format';
import { ActionButton, MoneyField } from '../budgets/common';

export interface ContractRecord {
  id: string;
  status: string;
  serviceCode: string;
  serviceNameLv: string;
  serviceNameEn: string;
  providerName: string;
  child: { id: string; firstName: string; lastName: string; cardStatus: string | null };
  specialists: { id: string; fullName: string }[];
  valueCents: number;
  basketImpact?: { basketLineId: string; category: string; fundingSource: string; allocatedCents: number; committedCents: number; spentCents: number; availableCents: number; availableAfterCents: number } | null;
}

const statusChoices = ['proposed', 'accepted', 'approved', 'active', 'ended', 'cancelled'].map((id) => ({ id, name: `resources.contracts.status.${id}` }));

const Status = () => {
  const translate = useTranslate();
  return <FunctionField<ContractRecord> source="status" render={(r) => <span data-testid="contract-status">{translate(`resources.contracts.status.${r.status}`)}</span>} />;
};
const Service = () => {
  const [locale] = useLocaleState();
  return <FunctionField<ContractRecord> source="serviceCode" render={(r) => (locale === 'en' ? r.serviceNameEn : r.serviceNameLv)} />;
};
const ChildName = () => <FunctionField<ContractRecord> source="child" render={(r) => `${r.child.firstName} ${r.child.lastName}`} />;
const AfterApproval = () => {
  const [locale] = useLocaleState();
  return <FunctionField<ContractRecord> source="basketImpact" render={(r) => (r.basketImpact ? formatCents(r.basketImpact.availableAfterCents, locale) : '—')} />;
};

/** With the filter "accepted" this is the case manager's approval queue, showing what each approval does to the basket line. */
export const ContractList = () => (
  <List filters={[<SelectInput key="status" source="status" choices={statusChoices} alwaysOn />]} filterDefaultValues={{ status: 'accepted' }} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="child" disableSort field={ChildName} />
      <DataTable.Col source="serviceCode" disableSort field={Service} />
      <DataTable.Col source="providerName" disableSort />
      <DataTable.Col source="status" field={Status} />
      <DataTable.Col source="validFrom" field={(p) => <DateTimeField {...p} dateOnly />} />
      <DataTable.Col source="valueCents" field={MoneyField} />
      <DataTable.Col source="availableAfterCents" disableSort field={AfterApproval} />
    </DataTable>
  </List>
);

const BasketImpact = () => {
  const record = useRecordContext<ContractRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const b = record?.basketImpact;
  if (!record || !b) return null;
  return (
    <Box data-testid="basket-impact" sx={{ mt: 1 }}>
      <Typography variant="subtitle2" component="h2">{translate('resources.contracts.fields.basketImpact')}</Typography>
      <Typography variant="body2">
        {translate(`resources.baskets.categories.${b.category}`)} / {translate(`resources.baskets.sources.${b.fundingSource}`)}: {translate('resources.baskets.fields.allocatedCents')} {formatCents(b.allocatedCents, locale)} · {translate('resources.baskets.fields.committedCents')}{' '}
        {formatCents(b.committedCents, locale)} · {translate('resources.baskets.fields.spentCents')} {formatCents(b.spentCents, locale)}
      </Typography>
      <Typography variant="body2">
        {translate('resources.contracts.fields.availableCents')}: <strong>{formatCents(b.availableCents, locale)}</strong> → {translate('resources.contracts.fields.availableAfterCents')}: <strong>{formatCents(b.availableAfterCents, locale)}</strong>
      </Typography>
      {b.availableAfterCents < 0 && <Alert severity="warning">{translate('resources.contracts.actions.insufficient')}</Alert>}
    </Box>
  );
};

const ContractActions = () => {
  const record = useRecordContext<ContractRecord>();
  const { canAccess: canApprove } = useCanAccess({ resource: 'contracts', action: 'approve', record });
  if (!record) return <TopToolbar />;
  return (
    <TopToolbar>
      {canApprove && record.status === 'accepted' && <ActionButton path={`/contracts/${record.id}/approve`} label="resources.contracts.actions.approve" />}
      {canApprove && ['proposed', 'accepted', 'approved'].includes(record.status) && <ActionButton path={`/contracts/${record.id}/cancel`} label="resources.contracts.actions.cancel" />}
      {canApprove && record.status === 'active' && <ActionButton path={`/contracts/${record.id}/end`} label="resources.contracts.actions.end" />}
    </TopToolbar>
  );
};

export const ContractShow = () => (
  <Show actions={<ContractActions />}>
    <SimpleShowLayout>
      <ChildName />
      <Service />
      <TextField source="providerName" />
      <Status />
      <FunctionField<ContractRecord> source="specialists" render={(r) => r.specialists.map((s) => s.fullName).join(', ') || '—'} />
      <TextField source="unitMinutes" emptyText="—" />
      <MoneyField source="unitPriceCents" />
      <TextField source="unitsPerMonth" />
      <TextField source="groupSize" />
      <DateTimeField source="validFrom" dateOnly />
      <DateTimeField source="validTo" dateOnly />
      <MoneyField source="valueCents" />
      <MoneyField source="committedCents" />
      <MoneyField source="releasedCents" />
      <TextField source="cancellationNoticeWorkingDays" />
      <TextField source="cancellationFeePercent" />
      <BasketImpact />
    </SimpleShowLayout>
  </Show>
);
