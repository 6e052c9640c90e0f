import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  BooleanField,
  DataTable,
  EditButton,
  FunctionField,
  List,
  SelectInput,
  Show,
  ShowButton,
  SimpleList,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { useIsSmall } from '../common/useIsSmall';
import { formatCents, formatDate } from '../format';
import { PROVIDER_KINDS, type BenefitRecord } from './types';
import { useApiJson } from './useApiJson';

const filters = [
  <TextInput key="q" source="q" label="app.search" alwaysOn resettable />,
  <SelectInput key="providerKind" source="providerKind" choices={PROVIDER_KINDS.map((id) => ({ id, name: `resources.benefits.providerKind.${id}` }))} />,
];

/** "160,00 € mēnesī", "no 166,00 €", or the kind of service. */
export function useAmountLabel() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (b: Pick<BenefitRecord, 'amountCents' | 'amountKind' | 'frequency'>) =>
    b.amountCents == null
      ? translate(`resources.benefits.amountKind.${b.amountKind}`)
      : `${b.amountKind === 'exact' || b.amountKind === 'none' ? '' : `${translate(`resources.benefits.amountKind.${b.amountKind}`)} `}${formatCents(b.amountCents, locale)} ${translate(`resources.benefits.frequency.${b.frequency}`)}`;
}

export const BenefitList = () => {
  const isSmall = useIsSmall();
  const [locale] = useLocaleState();
  const amount = useAmountLabel();
  const name = (b: BenefitRecord) => (locale === 'en' ? b.nameEn : b.nameLv);
  return (
    <List filters={filters} sort={{ field: 'code', order: 'ASC' }} exporter={false} perPage={50}>
      {isSmall ? (
        <SimpleList<BenefitRecord> primaryText={name} secondaryText={amount} rowClick="show" />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="code" />
          <DataTable.Col source={locale === 'en' ? 'nameEn' : 'nameLv'} />
          <DataTable.Col source="providerKind">
            <FunctionField<BenefitRecord> render={(b) => <ProviderKind kind={b.providerKind} />} />
          </DataTable.Col>
          <DataTable.Col source="amountCents" disableSort>
            <FunctionField<BenefitRecord> render={amount} />
          </DataTable.Col>
          <DataTable.Col source="version" />
          <DataTable.Col source="validFrom">
            <DateTimeField source="validFrom" dateOnly />
          </DataTable.Col>
          <DataTable.Col source="inForce" disableSort field={BooleanField} />
          <DataTable.Col label="app.actions" disableSort>
            <ShowButton />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};

const ProviderKind = ({ kind }: { kind: string }) => {
  const translate = useTranslate();
  return <>{translate(`resources.benefits.providerKind.${kind}`)}</>;
};

/** Every version of the benefit, newest first: when it took effect, who made it and why. */
const VersionHistory = () => {
  const record = useRecordContext<BenefitRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const amount = useAmountLabel();
  const { data } = useApiJson<BenefitRecord[]>(record ? `/benefits/${encodeURIComponent(String(record.id))}/versions?v=${record.latestVersion}` : null);
  if (!data) return null;
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate('resources.benefits.history')}
        </Typography>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.benefits.fields.version')}</TableCell>
              <TableCell>{translate('resources.benefits.fields.validFrom')}</TableCell>
              <TableCell>{translate('resources.benefits.fields.amountCents')}</TableCell>
              <TableCell>{translate('resources.benefits.fields.active')}</TableCell>
              <TableCell>{translate('resources.benefits.fields.changeNote')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((v) => (
              <TableRow key={v.version} selected={v.inForce}>
                <TableCell>{v.version}</TableCell>
                <TableCell>{formatDate(v.validFrom, locale)}</TableCell>
                <TableCell>{amount(v)}</TableCell>
                <TableCell>{translate(v.active ? 'benefits.child.yes' : 'benefits.child.no')}</TableCell>
                <TableCell>{v.changeNote ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};

const ShowActions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

export const BenefitShow = () => {
  const amount = useAmountLabel();
  return (
    <Show actions={<ShowActions />}>
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="nameLv" />
        <TextField source="nameEn" />
        <FunctionField<BenefitRecord> source="providerKind" render={(b) => <ProviderKind kind={b.providerKind} />} />
        <TextField source="municipalityCode" emptyText="—" />
        <FunctionField<BenefitRecord> source="amountCents" render={amount} />
        <TextField source="summaryLv" />
        <TextField source="payerLv" />
        <TextField source="howToApplyLv" />
        <TextField source="legalBasis" />
        <TextField source="officialUrl" />
        <FunctionField<BenefitRecord>
          source="condition"
          render={(b) => <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(b.condition, null, 2)}</pre>}
        />
        <TextField source="version" />
        <DateTimeField source="validFrom" dateOnly />
        <BooleanField source="inForce" />
        <VersionHistory />
      </SimpleShowLayout>
    </Show>
  );
};
