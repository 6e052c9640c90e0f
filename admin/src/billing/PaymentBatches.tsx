import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import {
  Button,
  Create,
  DataTable,
  FunctionField,
  List,
  SelectField,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  required,
  useCanAccess,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { ActionButton, MoneyField } from '../budgets/common';
import { DateTimeField } from '../common/DateTimeField';
import { formatCents } from '../format';
import { downloadFile } from './download';

interface BatchRecord {
  id: string;
  payerKey: string;
  rail: 'sepa' | 'stripe';
  status: string;
  payments?: { id: string; providerName: string; amountCents: number; status: string; creditorIban: string | null; stripeTransferId: string | null }[];
}

const statusChoices = ['draft', 'approved', 'sent', 'settled', 'cancelled'].map((id) => ({ id, name: `resources.payment-batches.status.${id}` }));
const railChoices = ['sepa', 'stripe'].map((id) => ({ id, name: `resources.payment-batches.rails.${id}` }));
export const payerChoices = ['LM', 'VM', 'IZM', 'EU', 'MUNICIPALITY:RIGA', 'MUNICIPALITY:VALMIERA'].map((id) => ({ id, name: id }));

export const PaymentBatchList = () => (
  <List filters={[<SelectInput key="status" source="status" choices={statusChoices} alwaysOn />]} exporter={false} sort={{ field: 'createdAt', order: 'DESC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="payerKey" disableSort />
      <DataTable.Col source="rail" disableSort>
        <SelectField source="rail" choices={railChoices} />
      </DataTable.Col>
      <DataTable.Col source="status">
        <SelectField source="status" choices={statusChoices} />
      </DataTable.Col>
      <DataTable.Col source="paymentCount" disableSort />
      <DataTable.Col source="totalCents" field={MoneyField} />
      <DataTable.Col source="executionDate" disableSort field={(p) => <DateTimeField {...p} dateOnly />} />
      <DataTable.Col source="createdAt" field={DateTimeField} />
    </DataTable>
  </List>
);

const SepaDownload = ({ batch }: { batch: BatchRecord }) => {
  const notify = useNotify();
  const refresh = useRefresh();
  return (
    <Button
      label="resources.payment-batches.actions.sepa"
      onClick={() =>
        downloadFile(`/payment-batches/${batch.id}/sepa.xml`, `pain001-${batch.payerKey.replace(':', '-')}-${batch.id.slice(0, 8)}.xml`)
          .then(refresh)
          .catch((e: Error) => notify(e.message, { type: 'error' }))
      }
    />
  );
};

const BatchActions = () => {
  const b = useRecordContext<BatchRecord>();
  const { canAccess } = useCanAccess({ resource: 'payment-batches', action: 'approve' });
  if (!b || !canAccess) return <TopToolbar />;
  return (
    <TopToolbar>
      {b.status === 'draft' && <ActionButton path={`/payment-batches/${b.id}/approve`} label="resources.payment-batches.actions.approve" />}
      {b.rail === 'sepa' && ['approved', 'sent', 'settled'].includes(b.status) && <SepaDownload batch={b} />}
      {b.rail === 'sepa' && b.status === 'sent' && (
        <ActionButton path={`/payment-batches/${b.id}/executed`} label="resources.payment-batches.actions.executed" />
      )}
    </TopToolbar>
  );
};

const Payments = () => {
  const b = useRecordContext<BatchRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const t = (k: string) => translate(`resources.payment-batches.payment.${k}`);
  return (
    <Table size="small" aria-label={translate('resources.payment-batches.fields.payments')}>
      <TableHead>
        <TableRow>
          {['provider', 'iban', 'amount', 'status', 'transfer'].map((k) => (
            <TableCell key={k}>{t(k)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {(b?.payments ?? []).map((p) => (
          <TableRow key={p.id}>
            <TableCell>{p.providerName}</TableCell>
            <TableCell>{p.creditorIban ?? '—'}</TableCell>
            <TableCell align="right">{formatCents(p.amountCents, locale)}</TableCell>
            <TableCell>{translate(`resources.payment-batches.paymentStatus.${p.status}`)}</TableCell>
            <TableCell>{p.stripeTransferId ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const PaymentBatchShow = () => (
  <Show actions={<BatchActions />}>
    <SimpleShowLayout>
      <TextField source="payerKey" />
      <SelectField source="rail" choices={railChoices} />
      <SelectField source="status" choices={statusChoices} />
      <MoneyField source="totalCents" />
      <TextField source="paymentCount" />
      <DateTimeField source="executionDate" dateOnly />
      <DateTimeField source="approvedAt" />
      <FunctionField source="payments" render={() => <Payments />} />
    </SimpleShowLayout>
  </Show>
);

export const PaymentBatchCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <SelectInput source="payerKey" choices={payerChoices} validate={required()} />
      <TextInput source="executionDate" helperText="2026-12-03" />
    </SimpleForm>
  </Create>
);
