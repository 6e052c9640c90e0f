import { useState } from 'react';
import {
  DataTable, FunctionField, List, SelectInput, Show, Tab, TabbedShowLayout, TextField, TextInput, TopToolbar, useCanAccess, useGetList, useLocaleState, useRecordContext, useTranslate,
} from 'react-admin';
import { Box, TextField as MuiTextField, Typography } from '@mui/material';
import { API_URL, httpClient } from '../auth/httpClient';
import { DateTimeField } from '../common/DateTimeField';
import { formatCents, formatDateTime } from '../format';
import { ActionButton, MoneyField, UseBar } from './common';

export interface BasketLineRecord {
  id: string;
  category: string;
  fundingSource: string;
  indicativeCents: number;
  plannedCents: number;
  allocatedCents: number;
  committedCents: number;
  spentCents: number;
  availableCents: number;
  transferable: boolean;
  reason: string | null;
}
export interface BasketRecord {
  id: string;
  childId: string;
  status: string;
  version: number;
  lines: BasketLineRecord[];
  versions: { id: string; version: number; status: string; totalCents: number; comment: string | null; decidedAt: string | null }[];
  plan: { goals: { text: string }[]; services: { serviceCode: string; proposedUnitsPerMonth: number; unitsPerMonth: number; reason: string | null }[] } | null;
  returnComment: string | null;
}

const statusChoices = ['draft', 'submitted', 'returned', 'approved', 'active', 'closed'].map((id) => ({ id, name: `resources.baskets.status.${id}` }));

/** Every basket the user may see; with the filter "submitted" it is the municipality officer's approval queue. */
export const BasketList = () => {
  const translate = useTranslate();
  return (
    <List filters={[<SelectInput key="status" source="status" choices={statusChoices} alwaysOn />, <TextInput key="childId" source="childId" />]} exporter={false} sort={{ field: 'createdAt', order: 'DESC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="childName" disableSort />
        <DataTable.Col source="status">
          <FunctionField<BasketRecord> render={(r) => translate(`resources.baskets.status.${r.status}`)} />
        </DataTable.Col>
        <DataTable.Col source="version" disableSort />
        <DataTable.Col source="periodStart" field={(p) => <DateTimeField {...p} dateOnly />} />
        <DataTable.Col source="periodEnd" disableSort field={(p) => <DateTimeField {...p} dateOnly />} />
        <DataTable.Col source="totalCents" disableSort field={MoneyField} />
      </DataTable>
    </List>
  );
};

const LineAmountEditor = ({ basketId, line }: { basketId: string; line: BasketLineRecord }) => {
  const translate = useTranslate();
  const [euros, setEuros] = useState(String(line.plannedCents / 100));
  const [reason, setReason] = useState(line.reason ?? '');
  const cents = () => {
    const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(euros.trim());
    return m ? Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0')) : NaN;
  };
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
      <MuiTextField size="small" label={translate('resources.baskets.fields.plannedCents')} value={euros} onChange={(e) => setEuros(e.target.value)} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
      <MuiTextField size="small" label={translate('resources.baskets.fields.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      <SaveLine basketId={basketId} lineId={line.id} body={() => ({ plannedCents: cents(), reason })} />
    </Box>
  );
};

const SaveLine = ({ basketId, lineId, body }: { basketId: string; lineId: string; body: () => unknown }) => {
  const translate = useTranslate();
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  return (
    <button
      type="button"
      onClick={async () => {
        setState('saving');
        try {
          await httpClient(`${API_URL}/baskets/${basketId}/lines/${lineId}`, { method: 'PUT', body: JSON.stringify(body()) });
          setState('saved');
        } catch {
          setState('failed');
        }
      }}
    >
      {translate('resources.baskets.actions.save')}
      {state === 'saved' ? ' ✓' : state === 'failed' ? ' ✗' : ''}
    </button>
  );
};

const LinesTab = () => {
  const record = useRecordContext<BasketRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { canAccess: canEdit } = useCanAccess({ resource: 'baskets', action: 'edit', record });
  if (!record) return null;
  const editable = canEdit && (record.status === 'draft' || record.status === 'returned');
  return (
    <table data-testid="basket-lines" style={{ borderCollapse: 'collapse', width: '100%' }}>
      <thead>
        <tr>
          {['category', 'fundingSource', 'indicativeCents', 'plannedCents', 'allocatedCents', 'spentCents', 'reason'].map((f) => (
            <th key={f} scope="col" style={{ textAlign: 'left', padding: 4 }}>{translate(`resources.baskets.fields.${f}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {record.lines.map((l) => (
          <tr key={l.id}>
            <td style={{ padding: 4 }}>{translate(`resources.baskets.categories.${l.category}`)}{l.transferable ? ` (${translate('resources.baskets.fields.transferable')})` : ''}</td>
            <td style={{ padding: 4 }}>{translate(`resources.baskets.sources.${l.fundingSource}`)}</td>
            <td style={{ padding: 4 }}>{formatCents(l.indicativeCents, locale)}</td>
            <td style={{ padding: 4 }}>{editable ? <LineAmountEditor basketId={record.id} line={l} /> : formatCents(l.plannedCents, locale)}</td>
            <td style={{ padding: 4 }}>{formatCents(l.allocatedCents, locale)}</td>
            <td style={{ padding: 4 }}><UseBar allocated={l.allocatedCents} committed={l.committedCents} spent={l.spentCents} /></td>
            <td style={{ padding: 4 }}>{l.reason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

const LedgerTab = () => {
  const record = useRecordContext<BasketRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data } = useGetList(`baskets/${record?.id}/movements`, { pagination: { page: 1, perPage: 200 }, sort: { field: 'id', order: 'DESC' } }, { enabled: !!record });
  if (!record) return null;
  const lineName = (id: string) => {
    const l = record.lines.find((x) => x.id === id);
    return l ? `${translate(`resources.baskets.categories.${l.category}`)} / ${l.fundingSource}` : id;
  };
  return (
    <table data-testid="basket-ledger">
      <thead>
        <tr>{['at', 'kind', 'category', 'amountCents', 'refType', 'reason'].map((f) => <th key={f} scope="col" style={{ textAlign: 'left', padding: 4 }}>{translate(`resources.baskets.fields.${f}`)}</th>)}</tr>
      </thead>
      <tbody>
        {(data ?? []).map((mv) => (
          <tr key={mv.id}>
            <td style={{ padding: 4 }}>{formatDateTime(mv.at, locale)}</td>
            <td style={{ padding: 4 }}>{translate(`resources.baskets.kinds.${mv.kind}`)}</td>
            <td style={{ padding: 4 }}>{lineName(mv.basketLineId)}</td>
            <td style={{ padding: 4 }}>{formatCents(mv.amountCents, locale)}</td>
            <td style={{ padding: 4 }}>{mv.refType}</td>
            <td style={{ padding: 4 }}>{mv.reason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

const BasketActions = () => {
  const record = useRecordContext<BasketRecord>();
  const translate = useTranslate();
  const { canAccess: canSubmit } = useCanAccess({ resource: 'baskets', action: 'submit', record });
  const { canAccess: canApprove } = useCanAccess({ resource: 'baskets', action: 'approve', record });
  const [comment, setComment] = useState('');
  if (!record) return <TopToolbar />;
  return (
    <TopToolbar>
      {canSubmit && ['draft', 'returned'].includes(record.status) && <ActionButton path={`/baskets/${record.id}/submit`} label="resources.baskets.actions.submit" />}
      {canSubmit && ['approved', 'active'].includes(record.status) && <ActionButton path={`/baskets/${record.id}/amend`} label="resources.baskets.actions.amend" />}
      {canApprove && record.status === 'submitted' && (
        <>
          <ActionButton path={`/baskets/${record.id}/approve`} label="resources.baskets.actions.approve" />
          <MuiTextField size="small" label={translate('resources.baskets.fields.comment')} value={comment} onChange={(e) => setComment(e.target.value)} />
          <ActionButton path={`/baskets/${record.id}/return`} label="resources.baskets.actions.return" body={() => ({ comment })} disabled={!comment.trim()} />
        </>
      )}
    </TopToolbar>
  );
};

export const BasketShow = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Show actions={<BasketActions />}>
      <TabbedShowLayout>
        <Tab label="resources.baskets.tabs.lines">
          <FunctionField<BasketRecord> source="status" render={(r) => <span data-testid="basket-status">{translate(`resources.baskets.status.${r.status}`)}</span>} />
          <TextField source="version" />
          <DateTimeField source="periodStart" dateOnly />
          <DateTimeField source="periodEnd" dateOnly />
          <TextField source="returnComment" emptyText="—" />
          <LinesTab />
        </Tab>
        <Tab label="resources.baskets.tabs.ledger" path="ledger">
          <LedgerTab />
        </Tab>
        <Tab label="resources.baskets.tabs.versions" path="versions">
          <FunctionField<BasketRecord>
            label="resources.baskets.tabs.versions"
            render={(r) => (
              <ul>
                {r.versions.map((v) => (
                  <li key={v.id}>
                    <Typography component="span">
                      v{v.version} — {translate(`resources.baskets.status.${v.status === 'draft' ? 'draft' : v.status}`)} — {formatCents(v.totalCents, locale)}
                      {v.comment ? ` — ${v.comment}` : ''}
                    </Typography>
                  </li>
                ))}
              </ul>
            )}
          />
        </Tab>
      </TabbedShowLayout>
    </Show>
  );
};
