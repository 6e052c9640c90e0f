import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, Typography } from '@mui/material';
import { Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../auth/httpClient';
import { formatCents } from '../format';

interface Report {
  balanced: boolean;
  figures: Record<string, number>;
  checks: { name: string; leftCents: number; rightCents: number; differenceCents: number }[];
  mismatches: { claimLineId: string; kind: string; serviceDate: string; amountCents: number; ledgerCents: number }[];
}

/** Spend on the ledger = claim lines = invoices = payments + outstanding, for any period, to the cent. */
export const ReconciliationPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const t = (k: string) => translate(`resources.reconciliation.${k}`);
  const today = new Date().toISOString().slice(0, 10);
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [report, setReport] = useState<Report | null>(null);
  const load = async () => {
    try {
      const { json } = await httpClient(`${API_URL}/reconciliation?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
      setReport(json as Report);
    } catch (e) {
      notify(e instanceof Error ? e.message : 'ra.notification.http_error', { type: 'error' });
    }
  };
  return (
    <Card>
      <Title title={t('name')} />
      <CardContent>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 2 }}>
          <MuiTextField
            type="date"
            label={t('fields.from')}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <MuiTextField type="date" label={t('fields.to')} value={to} onChange={(e) => setTo(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          <Button variant="contained" onClick={load}>
            {t('actions.show')}
          </Button>
        </Box>
        {report && (
          <>
            <Alert severity={report.balanced ? 'success' : 'error'}>{report.balanced ? t('balanced') : t('unbalanced')}</Alert>
            <Table size="small" aria-label={t('name')}>
              <TableBody>
                {Object.entries(report.figures).map(([k, v]) => (
                  <TableRow key={k}>
                    <TableCell>{t(`fields.${k}`)}</TableCell>
                    <TableCell align="right">{formatCents(v, locale)}</TableCell>
                  </TableRow>
                ))}
                {report.checks.map((c) => (
                  <TableRow key={c.name}>
                    <TableCell>{t(`checks.${c.name}`)}</TableCell>
                    <TableCell align="right">
                      {t('difference')}: {formatCents(c.differenceCents, locale)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {report.mismatches.length > 0 && (
              <>
                <Typography variant="h6" sx={{ mt: 2 }}>
                  {t('mismatches')}
                </Typography>
                <Table size="small" aria-label={t('mismatches')}>
                  <TableHead>
                    <TableRow>
                      <TableCell>ID</TableCell>
                      <TableCell>{translate('resources.invoices.line.date')}</TableCell>
                      <TableCell>{translate('resources.invoices.line.amount')}</TableCell>
                      <TableCell>{t('fields.ledgerNetSpendCents')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {report.mismatches.map((m) => (
                      <TableRow key={m.claimLineId}>
                        <TableCell>{m.claimLineId}</TableCell>
                        <TableCell>{m.serviceDate}</TableCell>
                        <TableCell align="right">{formatCents(m.amountCents, locale)}</TableCell>
                        <TableCell align="right">{formatCents(m.ledgerCents, locale)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
};
