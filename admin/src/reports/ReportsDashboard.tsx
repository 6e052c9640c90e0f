import { Box, Button, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatCents } from '../format';
import { fetchReport, type ReportResult } from './api';
import { BarChart, ReportTable } from './ReportView';

/** The oversight part of the dashboard for ministries, municipalities and the platform: last 12 months' spend. */
export const ReportsDashboard = ({ role }: { role: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [result, setResult] = useState<ReportResult | null>(null);
  const shown = role === 'ministry_analyst' || role === 'municipality_officer' || role === 'platform_admin';
  useEffect(() => {
    if (!shown) return;
    fetchReport('spend', {}).then(setResult, () => setResult(null));
  }, [shown]);
  if (!shown || !result) return null;
  const total = result.totals?.totalCents;
  return (
    <Box sx={{ mt: 3 }}>
      <Typography variant="h6" component="h2">
        {translate('dashboard.reports.title')}
      </Typography>
      <Typography sx={{ mt: 1 }}>
        {translate('dashboard.reports.spendTotal')}: {typeof total === 'number' ? formatCents(total, locale) : String(total ?? '—')} ·{' '}
        {translate('dashboard.reports.children')}: {String(result.totals?.children ?? '—')}
      </Typography>
      <BarChart result={result} measure="totalCents" />
      <ReportTable result={result} />
      <Button component={Link} to="/reports" sx={{ mt: 1 }}>
        {translate('dashboard.reports.open')}
      </Button>
    </Box>
  );
};
