import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatCents } from '../format';
import type { Cell, ReportResult, Row } from './api';

export function useColumnLabel() {
  const translate = useTranslate();
  return (key: string) => {
    const [head, tail] = key.split('.');
    if (tail) return `${head} · ${translate(`resources.reports.columns.${tail}`, { _: tail })}`;
    return translate(`resources.reports.columns.${key}`, { _: key });
  };
}

export function useCellText() {
  const [locale] = useLocaleState();
  return (column: string, value: Cell): string => {
    if (value === null || value === undefined) return '—';
    if (typeof value === 'number' && column.endsWith('Cents')) return formatCents(value, locale);
    if (typeof value === 'number') return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'lv-LV').format(value);
    return String(value);
  };
}

/**
 * A bar chart of one measure by group, drawn as SVG (no chart package). Hidden cells ("<5") draw no bar
 * and say so; the same numbers are always in the table under the chart.
 */
export const BarChart = ({ result, measure }: { result: ReportResult; measure: string }) => {
  const translate = useTranslate();
  const label = useColumnLabel();
  const text = useCellText();
  const rows = result.rows;
  if (!rows.length) return null;
  const values = rows.map((r) => (typeof r[measure] === 'number' ? (r[measure] as number) : 0));
  const max = Math.max(1, ...values);
  const barHeight = 26;
  const width = 640;
  const labelWidth = 160;
  const title = translate('resources.reports.chart', { measure: label(measure) });
  return (
    <Box sx={{ overflowX: 'auto', my: 2 }}>
      <svg role="img" aria-label={title} width={width} height={rows.length * barHeight + 10} data-testid="report-chart">
        <title>{title}</title>
        {rows.map((r, i) => {
          const v = values[i];
          const w = ((width - labelWidth - 140) * v) / max;
          return (
            <g key={String(r.group)} transform={`translate(0, ${i * barHeight + 5})`}>
              <text x={0} y={17} fontSize={13} fill="currentColor">
                {String(r.group)}
              </text>
              <rect x={labelWidth} y={3} width={Math.max(0, w)} height={barHeight - 8} fill="#1565c0" />
              <text x={labelWidth + Math.max(0, w) + 6} y={17} fontSize={13} fill="currentColor">
                {text(measure, r[measure] ?? null)}
              </text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
};

export const ReportTable = ({ result }: { result: ReportResult }) => {
  const translate = useTranslate();
  const label = useColumnLabel();
  const text = useCellText();
  const extra: Row[] = [...(result.totals ? [result.totals] : []), ...(result.allSources ? [result.allSources] : [])];
  if (!result.rows.length) return <Typography sx={{ my: 2 }}>{translate('resources.reports.empty')}</Typography>;
  const groupText = (g: Cell) => (g === 'total' || g === 'allSources' ? translate(`resources.reports.rows.${g}`) : String(g ?? ''));
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={translate('resources.reports.table')} data-testid="report-table">
        <TableHead>
          <TableRow>
            {result.columns.map((c) => (
              <TableCell key={c} scope="col">
                {label(c)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {[...result.rows, ...extra].map((r, i) => (
            <TableRow key={i} sx={i >= result.rows.length ? { '& td': { fontWeight: 600 } } : undefined}>
              {result.columns.map((c) => (
                <TableCell key={c}>{c === 'group' ? groupText(r[c] ?? null) : text(c, r[c] ?? null)}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
