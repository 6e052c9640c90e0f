import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  Button,
  DataTable,
  FunctionField,
  List,
  SelectField,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useCanAccess,
  useLocaleState,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ActionButton, MoneyField } from '../budgets/common';
import { DateTimeField } from '../common/DateTimeField';
import { formatCents } from '../format';
import { downloadFile } from './download';

interface InvoiceLine {
  id: string;
  kind: 'claim' | 'credit';
  childName: string | null;
  serviceCode: string;
  serviceDate: string;
  payerKey: string;
  billedMinutes: number;
  amountCents: number;
  paymentStatus: string | null;
}
export interface InvoiceRecord {
  id: string;
  number: string | null;
  status: string;
  providerName: string;
  totalCents: number;
  bySource?: { fundingSource: string; lineCount: number; totalCents: number }[];
  lines?: InvoiceLine[];
}

const statusChoices = ['draft', 'approved', 'partly_paid', 'paid', 'closed'].map((id) => ({ id, name: `resources.invoices.status.${id}` }));

export const InvoiceList = () => (
  <List
    filters={[<SelectInput key="status" source="status" choices={statusChoices} alwaysOn />, <TextInput key="month" source="month" />]}
    exporter={false}
    sort={{ field: 'createdAt', order: 'DESC' }}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="number">
        <InvoiceNumber />
      </DataTable.Col>
      <DataTable.Col source="providerName" disableSort />
      <DataTable.Col source="month" />
      <DataTable.Col source="status">
        <SelectField source="status" choices={statusChoices} />
      </DataTable.Col>
      <DataTable.Col source="totalCents" field={MoneyField} />
    </DataTable>
  </List>
);

const InvoiceNumber = () => {
  const r = useRecordContext<InvoiceRecord>();
  const translate = useTranslate();
  return <span>{r?.number ?? translate('resources.invoices.actions.draftNumber')}</span>;
};

const DownloadButton = ({ path, filename, label }: { path: string; filename: string; label: string }) => {
  const notify = useNotify();
  return <Button label={label} onClick={() => downloadFile(path, filename).catch((e: Error) => notify(e.message, { type: 'error' }))} />;
};

const InvoiceActions = () => {
  const r = useRecordContext<InvoiceRecord>();
  const { canAccess: canApprove } = useCanAccess({ resource: 'invoices', action: 'approve' });
  if (!r) return <TopToolbar />;
  const name = r.number ?? `draft-${r.id.slice(0, 8)}`;
  return (
    <TopToolbar>
      {canApprove && r.status === 'draft' && <ActionButton path={`/invoices/${r.id}/approve`} label="resources.invoices.actions.approve" />}
      {canApprove && <DownloadButton path={`/invoices/${r.id}/pdf`} filename={`${name}.pdf`} label="resources.invoices.actions.pdf" />}
      {canApprove && r.number && <DownloadButton path={`/invoices/${r.id}/ubl`} filename={`${name}.xml`} label="resources.invoices.actions.ubl" />}
    </TopToolbar>
  );
};

const Lines = () => {
  const r = useRecordContext<InvoiceRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!r?.lines) return null;
  const t = (k: string) => translate(`resources.invoices.line.${k}`);
  return (
    <Table size="small" aria-label={translate('resources.invoices.fields.lines')}>
      <TableHead>
        <TableRow>
          {['date', 'service', 'child', 'source', 'minutes', 'kind', 'amount', 'payment'].map((k) => (
            <TableCell key={k}>{t(k)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {r.lines.map((l) => (
          <TableRow key={l.id}>
            <TableCell>{l.serviceDate}</TableCell>
            <TableCell>{l.serviceCode}</TableCell>
            <TableCell>{l.childName ?? '—'}</TableCell>
            <TableCell>{l.payerKey}</TableCell>
            <TableCell>{l.billedMinutes}</TableCell>
            <TableCell>{t(l.kind)}</TableCell>
            <TableCell align="right">{formatCents(l.amountCents, locale)}</TableCell>
            <TableCell>{l.paymentStatus ? translate(`resources.payment-batches.paymentStatus.${l.paymentStatus}`) : '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const BySource = () => {
  const r = useRecordContext<InvoiceRecord>();
  const [locale] = useLocaleState();
  return (
    <Box>
      {(r?.bySource ?? []).map((s) => (
        <Typography key={s.fundingSource} variant="body2">
          {s.fundingSource}: {formatCents(s.totalCents, locale)} ({s.lineCount})
        </Typography>
      ))}
    </Box>
  );
};

export const InvoiceShow = () => (
  <Show actions={<InvoiceActions />}>
    <SimpleShowLayout>
      <FunctionField source="number" render={() => <InvoiceNumber />} />
      <TextField source="providerName" />
      <TextField source="month" />
      <SelectField source="status" choices={statusChoices} />
      <MoneyField source="totalCents" />
      <MoneyField source="paidCents" />
      <DateTimeField source="issueDate" dateOnly />
      <DateTimeField source="dueDate" dateOnly />
      <FunctionField source="bySource" render={() => <BySource />} />
      <FunctionField source="lines" render={() => <Lines />} />
    </SimpleShowLayout>
  </Show>
);
