import { useState } from 'react';
import { Button, useFieldValue, useLocaleState, useNotify, useRedirect, useRefresh, useTranslate, type FieldProps } from 'react-admin';
import { Box, LinearProgress, Typography } from '@mui/material';
import { API_URL, httpClient } from '../auth/httpClient';
import { formatCents } from '../format';

export const DOMAINS = ['mobility', 'self_care', 'communication', 'vision', 'hearing', 'learning', 'behaviour_mental_health', 'social_participation', 'education', 'work_readiness', 'family_situation'] as const;

/** Integer cents from the record, formatted in the current language. */
export const MoneyField = (props: FieldProps) => {
  const value = useFieldValue(props) as number | null | undefined;
  const [locale] = useLocaleState();
  return (
    <Typography component="span" variant="body2">
      {formatCents(value, locale)}
    </Typography>
  );
};

/** Committed, spent and available as one bar with its numbers (the numbers carry the meaning; the bar is a help). */
export const UseBar = ({ allocated, committed, spent }: { allocated: number; committed: number; spent: number }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const pct = (n: number) => (allocated > 0 ? Math.min(100, Math.round((n * 100) / allocated)) : 0);
  return (
    <Box sx={{ minWidth: 180 }}>
      <LinearProgress variant="buffer" value={pct(spent)} valueBuffer={pct(spent + committed)} aria-label={translate('resources.baskets.fields.spentCents')} />
      <Typography variant="caption">
        {translate('resources.baskets.fields.spentCents')} {formatCents(spent, locale)} · {translate('resources.baskets.fields.committedCents')} {formatCents(committed, locale)} ·{' '}
        {translate('resources.baskets.fields.availableCents')} {formatCents(allocated - committed - spent, locale)}
      </Typography>
    </Box>
  );
};

/** A POST action of the API (submit, approve, sign …) as a button that refreshes the page. */
export const ActionButton = ({ path, label, body, disabled, goTo }: { path: string; label: string; body?: () => unknown; disabled?: boolean; goTo?: (created: { id: string }) => string }) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const [pending, setPending] = useState(false);
  return (
    <Button
      label={label}
      disabled={pending || disabled}
      onClick={async () => {
        setPending(true);
        try {
          const { json } = await httpClient(`${API_URL}${path}`, { method: 'POST', body: JSON.stringify(body ? body() : {}) });
          notify('resources.baskets.actions.done', { type: 'success' });
          if (goTo) redirect(goTo(json as { id: string }));
          else refresh();
        } catch (error) {
          notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
        } finally {
          setPending(false);
        }
      }}
    />
  );
};
