import { Alert, Box, Button, Card, CardContent, MenuItem, Tab, Tabs, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Loading, Title, useNotify, usePermissions, useTranslate } from 'react-admin';
import { fetchReport, downloadReport, CHART_MEASURE, REPORT_KINDS, type ReportFilters, type ReportKind, type ReportResult } from './api';
import { BarChart, ReportTable } from './ReportView';

const FUNDING_SOURCES = ['LM', 'VM', 'IZM', 'MUNICIPALITY', 'EU'];
const CATEGORIES = [
  'therapy',
  'psychological',
  'education_support',
  'assistance',
  'respite_day_care',
  'early_intervention',
  'employment',
  'technical_aids',
  'transport',
];
const AGE_BANDS = ['0-6', '7-12', '13-17', '18-25'];
const DECISION_KINDS = ['child', 'group_1', 'group_2', 'group_3'];
const GROUP_BY = ['municipality', 'fundingSource', 'category', 'ageBand', 'decisionKind'];

/** The oversight reports: one tab per measure, shared filters, a chart with its table, CSV and XLSX downloads. */
export const ReportsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { permissions } = usePermissions<string>();
  const [kind, setKind] = useState<ReportKind>('spend');
  const [filters, setFilters] = useState<ReportFilters>({});
  const [result, setResult] = useState<ReportResult | null>(null);
  const [error, setError] = useState(false);
  const t = (k: string, o?: object) => translate(`resources.reports.${k}`, o);

  useEffect(() => {
    let live = true;
    setResult(null);
    setError(false);
    fetchReport(kind, filters).then(
      (r) => live && setResult(r),
      () => live && setError(true),
    );
    return () => {
      live = false;
    };
  }, [kind, filters]);

  const set = (key: keyof ReportFilters) => (e: { target: { value: string } }) => setFilters((f) => ({ ...f, [key]: e.target.value || undefined }));
  const select = (key: keyof ReportFilters, options: string[], label: (o: string) => string = (o) => o) => (
    <TextField
      select
      size="small"
      label={t(`filters.${key}`)}
      value={filters[key] ?? ''}
      onChange={set(key)}
      sx={{ minWidth: 160 }}
      slotProps={{ htmlInput: { 'data-testid': `filter-${key}` } }}
    >
      <MenuItem value="">{t('filters.all')}</MenuItem>
      {options.map((o) => (
        <MenuItem key={o} value={o}>
          {label(o)}
        </MenuItem>
      ))}
    </TextField>
  );
  const download = (format: 'csv' | 'xlsx') => () => downloadReport(kind, filters, format).catch(() => notify('errors.INTERNAL', { type: 'error' }));

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={t('name')} />
      <CardContent>
        <Tabs value={kind} onChange={(_, v: ReportKind) => setKind(v)} variant="scrollable" aria-label={t('report')}>
          {REPORT_KINDS.map((k) => (
            <Tab key={k} value={k} label={t(`kinds.${k}`)} />
          ))}
        </Tabs>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, my: 2 }}>
          <TextField
            size="small"
            type="month"
            label={t('filters.from')}
            value={filters.from ?? ''}
            onChange={set('from')}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            size="small"
            type="month"
            label={t('filters.to')}
            value={filters.to ?? ''}
            onChange={set('to')}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          {permissions !== 'municipality_officer' && (
            <TextField size="small" label={t('filters.municipality')} value={filters.municipality ?? ''} onChange={set('municipality')} />
          )}
          {permissions !== 'ministry_analyst' && select('fundingSource', FUNDING_SOURCES)}
          {select('category', CATEGORIES)}
          {select('ageBand', AGE_BANDS)}
          {select('decisionKind', DECISION_KINDS)}
          {select('groupBy', GROUP_BY, (o) => t(`groupBy.${o}`))}
        </Box>
        <Box sx={{ display: 'flex', gap: 1, mb: 1 }}>
          <Button variant="outlined" onClick={download('csv')}>
            {t('download', { format: 'CSV' })}
          </Button>
          <Button variant="outlined" onClick={download('xlsx')}>
            {t('download', { format: 'XLSX' })}
          </Button>
        </Box>
        {error && <Alert severity="error">{translate('errors.INTERNAL')}</Alert>}
        {!error && !result && <Loading />}
        {result && (
          <>
            <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
              {t(`kinds.${kind}`)}
            </Typography>
            <BarChart result={result} measure={CHART_MEASURE[kind]} />
            <ReportTable result={result} />
            <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
              {t('suppressed')}
            </Typography>
            {result.allSources && (
              <Typography variant="body2" color="text.secondary">
                {t('ownSource')}
              </Typography>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
};
