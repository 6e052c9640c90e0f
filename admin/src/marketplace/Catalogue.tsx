import { useState } from 'react';
import {
  BooleanField, BooleanInput, DataTable, Edit, FunctionField, List, NumberField, NumberInput, SelectInput, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate, useCanAccess, Button,
} from 'react-admin';
import { Box, TextField as MuiTextField, Typography } from '@mui/material';
import { API_URL, httpClient } from '../auth/httpClient';
import { formatCents, formatDate } from '../format';
import { SaveToolbar } from '../common/SaveToolbar';

export interface CatalogueRecord {
  id: string;
  code: string;
  nameLv: string;
  nameEn: string;
  category: string;
  unitKind: string;
  unitMinutes: number | null;
  deliveryMode: string;
  currentPrice: { validFrom: string; referencePriceCents: number; maxPriceCents: number } | null;
  prices?: { id: string; validFrom: string; referencePriceCents: number; maxPriceCents: number }[];
}

const Name = () => {
  const [locale] = useLocaleState();
  return <FunctionField<CatalogueRecord> source={locale === 'en' ? 'nameEn' : 'nameLv'} render={(r) => (locale === 'en' ? r.nameEn : r.nameLv)} />;
};
const Category = () => {
  const translate = useTranslate();
  return <FunctionField<CatalogueRecord> source="category" render={(r) => translate(`resources.baskets.categories.${r.category}`)} />;
};
const Unit = () => {
  const translate = useTranslate();
  return <FunctionField<CatalogueRecord> source="unitKind" render={(r) => `${translate(`resources.catalogue.unitKinds.${r.unitKind}`)}${r.unitMinutes ? ` · ${r.unitMinutes} min` : ''}`} />;
};
const Price = ({ which }: { which: 'referencePriceCents' | 'maxPriceCents' }) => {
  const [locale] = useLocaleState();
  return <FunctionField<CatalogueRecord> source={which} render={(r) => formatCents(r.currentPrice?.[which], locale)} />;
};

const categoryChoices = ['therapy', 'psychological', 'education_support', 'assistance', 'respite_day_care', 'early_intervention', 'employment', 'technical_aids', 'transport'].map((id) => ({ id, name: `resources.baskets.categories.${id}` }));

export const CatalogueList = () => (
  <List filters={[<TextInput key="q" source="q" label="app.search" alwaysOn resettable />, <SelectInput key="category" source="category" choices={categoryChoices} />]} sort={{ field: 'code', order: 'ASC' }} perPage={50} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="nameLv" field={Name} />
      <DataTable.Col source="category" field={Category} />
      <DataTable.Col source="unitKind" disableSort field={Unit} />
      <DataTable.Col source="referencePriceCents" disableSort field={() => <Price which="referencePriceCents" />} />
      <DataTable.Col source="maxPriceCents" disableSort field={() => <Price which="maxPriceCents" />} />
    </DataTable>
  </List>
);

/** Euros typed by a person → integer cents, without floating-point arithmetic. */
export function eurosToCents(text: string): number {
  const m = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0')) : NaN;
}

const AddPriceVersion = () => {
  const record = useRecordContext<CatalogueRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [validFrom, setValidFrom] = useState('');
  const [reference, setReference] = useState('');
  const [max, setMax] = useState('');
  const { canAccess } = useCanAccess({ resource: 'catalogue', action: 'edit', record });
  if (!record || !canAccess) return null;
  return (
    <Box component="form" sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mt: 2 }} aria-label={translate('resources.catalogue.actions.addPrice')}>
      <MuiTextField size="small" type="date" label={translate('resources.catalogue.fields.validFrom')} value={validFrom} onChange={(e) => setValidFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
      <MuiTextField size="small" label={`${translate('resources.catalogue.fields.referencePriceCents')} (${translate('resources.catalogue.actions.euros')})`} value={reference} onChange={(e) => setReference(e.target.value)} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
      <MuiTextField size="small" label={`${translate('resources.catalogue.fields.maxPriceCents')} (${translate('resources.catalogue.actions.euros')})`} value={max} onChange={(e) => setMax(e.target.value)} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
      <Button
        label="resources.catalogue.actions.addPrice"
        onClick={async () => {
          try {
            await httpClient(`${API_URL}/catalogue/${record.code}/prices`, { method: 'POST', body: JSON.stringify({ validFrom, referencePriceCents: eurosToCents(reference), maxPriceCents: eurosToCents(max) }) });
            notify('resources.catalogue.actions.saved', { type: 'success' });
            refresh();
          } catch (error) {
            notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
          }
        }}
      />
    </Box>
  );
};

const PriceVersions = () => {
  const record = useRecordContext<CatalogueRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record?.prices) return null;
  return (
    <Box>
      <Typography variant="subtitle2" component="h2">{translate('resources.catalogue.fields.prices')}</Typography>
      <table data-testid="price-versions">
        <thead>
          <tr>{['validFrom', 'referencePriceCents', 'maxPriceCents'].map((f) => <th key={f} scope="col" style={{ textAlign: 'left', padding: 4 }}>{translate(`resources.catalogue.fields.${f}`)}</th>)}</tr>
        </thead>
        <tbody>
          {record.prices.map((p) => (
            <tr key={p.id}>
              <td style={{ padding: 4 }}>{formatDate(p.validFrom, locale)}</td>
              <td style={{ padding: 4 }}>{formatCents(p.referencePriceCents, locale)}</td>
              <td style={{ padding: 4 }}>{formatCents(p.maxPriceCents, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddPriceVersion />
    </Box>
  );
};

export const CatalogueShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="nameLv" />
      <TextField source="nameEn" />
      <Category />
      <Unit />
      <FunctionField source="deliveryMode" render={(r: CatalogueRecord) => <DeliveryMode mode={r.deliveryMode} />} />
      <TextField source="qualification" emptyText="—" />
      <BooleanField source="cancellationClaimable" />
      <BooleanField source="travelClaimable" />
      <BooleanField source="needsQuote" />
      <NumberField source="minAge" emptyText="—" />
      <NumberField source="monthlyUnitCap" emptyText="—" />
      <NumberField source="carryOverMonths" emptyText="—" />
      <BooleanField source="excludesRelatives" />
      <PriceVersions />
    </SimpleShowLayout>
  </Show>
);

const DeliveryMode = ({ mode }: { mode: string }) => {
  const translate = useTranslate();
  return <>{translate(`resources.catalogue.deliveryModes.${mode}`)}</>;
};

export const CatalogueEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm toolbar={<SaveToolbar />}>
      <TextInput source="nameLv" />
      <TextInput source="nameEn" />
      <NumberInput source="unitMinutes" />
      <TextInput source="qualification" />
      <BooleanInput source="cancellationClaimable" />
      <BooleanInput source="travelClaimable" />
      <BooleanInput source="needsQuote" />
      <NumberInput source="minAge" />
      <NumberInput source="monthlyUnitCap" />
      <NumberInput source="carryOverMonths" />
      <BooleanInput source="excludesRelatives" />
      <BooleanInput source="active" />
    </SimpleForm>
  </Edit>
);

