import { Box, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Loading, ShowBase, Title, useRecordContext, useTranslate } from 'react-admin';
import type { ImportRecord } from './types';

/** Progress of one import (refreshed every second until it completes) and its per-row error report. */
export const ImportShow = () => (
  <ShowBase queryOptions={{ refetchInterval: (q: { state: { data?: ImportRecord } }) => (q.state.data?.status === 'completed' ? false : 1000) } as never}>
    <ImportProgress />
  </ShowBase>
);

const ImportProgress = () => {
  const data = useRecordContext<ImportRecord>();
  const translate = useTranslate();
  if (!data) return <Loading />;
  const t = (k: string, o?: object) => translate(`resources.decision-imports.${k}`, o);
  return (
    <Box sx={{ p: 2 }}>
      <Title title={t('name', { smart_count: 1 })} />
      <Typography variant="h6" component="h2">
        {data.fileName ?? 'JSON'} — <span data-testid="import-status">{t(`status.${data.status}`)}</span>
      </Typography>
      <Box sx={{ my: 2 }}>
        <LinearProgress variant="determinate" value={data.progress} aria-label={t('progress')} aria-valuenow={data.progress} />
        <Typography variant="body2" data-testid="import-progress">
          {data.processedRows} / {data.totalRows} ({data.progress}%)
        </Typography>
      </Box>
      <Typography variant="body1" data-testid="import-counts">
        {t('fields.importedRows')}: {data.importedRows} · {t('fields.unchangedRows')}: {data.unchangedRows} · {t('fields.errorRows')}: {data.errorRows}
      </Typography>
      {data.errors.length > 0 && (
        <Table size="small" aria-label={t('errorReport')} sx={{ mt: 2 }}>
          <TableHead>
            <TableRow>
              <TableCell>{t('row')}</TableCell>
              <TableCell>{t('field')}</TableCell>
              <TableCell>{t('problem')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.errors.map((e, i) => (
              <TableRow key={i}>
                <TableCell>{e.row}</TableCell>
                <TableCell>{translate(`resources.decision-imports.columns.${e.field}`, { _: e.field })}</TableCell>
                <TableCell>{translate(`resources.decision-imports.codes.${e.code}`, { _: e.code })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};
