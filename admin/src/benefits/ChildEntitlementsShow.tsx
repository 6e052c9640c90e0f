import { Alert, Box, Button, Card, CardContent, Chip, List as MuiList, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useGetRecordId, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../auth/httpClient';
import { formatCents, formatDate } from '../format';
import type { ChildEntitlements, EntitlementRow, TransitionsAnswer } from './types';
import { useAmountLabel } from './BenefitList';
import { useApiJson } from './useApiJson';

/** Dark red on light red: the highlight keeps a 4.5:1 contrast (the theme's orange warning does not). */
export const MISSING_CHIP = { color: '#8c1d18', bgcolor: '#fdecea', borderColor: '#8c1d18', fontWeight: 600 } as const;

const RANK = { missing: 0, received: 1, eligible: 1, maybe: 2, not_eligible: 3 } as const;
const standing = (r: EntitlementRow) => (r.missing ? 'missing' : r.received ? 'received' : r.eligibility);

/**
 * One child's entitlements for the case manager: what the child is entitled to and does not yet
 * receive comes first, highlighted, with a button to record it once the family receives it; then
 * what the child receives, what may apply, and what changes at 18 and 25.
 */
export const ChildEntitlementsShow = () => {
  const id = String(useGetRecordId());
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const amount = useAmountLabel();
  const { data, error, reload } = useApiJson<ChildEntitlements>(id ? `/children/${encodeURIComponent(id)}/entitlements` : null);
  const [busy, setBusy] = useState(false);
  if (error) return <Alert severity="error">{translate('errors.NOT_FOUND')}</Alert>;
  if (!data) return null;
  const name = (r: { nameLv: string; nameEn: string }) => (locale === 'en' ? r.nameEn : r.nameLv);
  const rows = data.results.filter((r) => r.eligibility !== 'not_eligible' || r.received).sort((a, b) => RANK[standing(a)] - RANK[standing(b)]);
  const yesNo = (v: boolean | null) => translate(v === null ? 'benefits.child.unknown' : v ? 'benefits.child.yes' : 'benefits.child.no');

  async function mark(code: string, received: boolean) {
    setBusy(true);
    try {
      if (received)
        await httpClient(`${API_URL}/children/${encodeURIComponent(id!)}/benefit-receipts`, { method: 'POST', body: JSON.stringify({ benefitCode: code }) });
      else await httpClient(`${API_URL}/children/${encodeURIComponent(id!)}/benefit-receipts/${encodeURIComponent(code)}`, { method: 'DELETE' });
      reload();
    } catch {
      notify('ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  }

  const fullName = `${data.child.firstName} ${data.child.lastName}`;
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('benefits.child.title', { name: fullName })} />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('benefits.child.title', { name: fullName })}
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {translate('benefits.child.situation')}: {data.situation.decisionKind}, {translate('benefits.child.livesAtHome')}: {yesNo(data.situation.livesAtHome)},{' '}
        {translate('benefits.child.attendsSchool')}: {yesNo(data.situation.attendsSchool)}
      </Typography>
      {data.missingCount > 0 && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('benefits.child.missingCount', { smart_count: data.missingCount })}
        </Alert>
      )}
      <Stack spacing={1} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label={translate('resources.benefit-gaps.name')}>
        {rows.map((r) => {
          const s = standing(r);
          return (
            <Card
              key={r.code}
              component="li"
              variant="outlined"
              data-code={r.code}
              data-standing={s}
              sx={s === 'missing' ? { borderColor: '#8c1d18', borderWidth: 2 } : undefined}
            >
              <CardContent sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, '&:last-child': { pb: 2 } }}>
                <Typography component="h2" variant="subtitle1" sx={{ flex: '1 1 16rem', fontWeight: 600 }}>
                  {name(r)}
                </Typography>
                <Typography variant="body2" sx={{ flex: '0 0 auto' }}>
                  {amount(r as never)}
                </Typography>
                <Chip
                  label={translate(`benefits.child.${s}`)}
                  color={s === 'received' ? 'success' : 'default'}
                  variant="outlined"
                  size="small"
                  sx={s === 'missing' ? MISSING_CHIP : undefined}
                />
                {r.eligibility === 'eligible' && (
                  <Button size="small" disabled={busy} onClick={() => void mark(r.code, !r.received)}>
                    {translate(r.received ? 'benefits.child.unmarkReceived' : 'benefits.child.markReceived')}
                  </Button>
                )}
              </CardContent>
            </Card>
          );
        })}
      </Stack>
      <TransitionsPanel childId={id} />
    </Box>
  );
};

/**
 * What changes at 18 and at 25 for one child — benefits that end, start or change — with the day the
 * transition review opens. Shown on the child's entitlements and on the case (the review's home).
 */
export const TransitionsPanel = ({ childId }: { childId: string | undefined }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data: transitions } = useApiJson<TransitionsAnswer>(childId ? `/children/${encodeURIComponent(childId)}/transitions` : null);
  const name = (r: { nameLv: string; nameEn: string }) => (locale === 'en' ? r.nameEn : r.nameLv);
  if (!transitions) return null;
  return (
    <Card variant="outlined" sx={{ mt: 3 }}>
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate('benefits.child.transitions')}
        </Typography>
        {transitions.transitions
          .filter((t) => !t.past)
          .map((t) => (
            <Box key={t.age} sx={{ mt: 1 }}>
              <Typography variant="subtitle2" component="h3">
                {translate('benefits.child.transitionAt', { age: t.age, date: formatDate(t.birthday, locale), review: formatDate(t.reviewFrom, locale) })}
              </Typography>
              {t.changes.length === 0 ? (
                <Typography variant="body2">{translate('benefits.child.noChanges')}</Typography>
              ) : (
                <MuiList dense>
                  {t.changes.map((c) => (
                    <ListItem key={c.code} disableGutters>
                      <ListItemText
                        primary={`${name(c)} — ${translate(`benefits.child.change.${c.change}`)}`}
                        secondary={
                          c.amountBeforeCents != null || c.amountAfterCents != null
                            ? [c.amountBeforeCents, c.amountAfterCents].map((v) => (v == null ? '—' : formatCents(v, locale))).join(' → ')
                            : undefined
                        }
                      />
                    </ListItem>
                  ))}
                </MuiList>
              )}
            </Box>
          ))}
      </CardContent>
    </Card>
  );
};
