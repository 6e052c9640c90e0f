import { useI18n } from '../../i18n/context';

/** What both the specialist's and the family's visit lists show of a visit. */
export interface VisitSummary {
  id: string;
  checkInAt: string | null;
  checkOutAt: string | null;
  durationMinutes: number | null;
  status: 'open' | 'verified' | 'exception' | 'rejected';
}

/** The time, duration and status cells of one visit row (the lists add their own columns after them). */
export function VisitCells({ visit }: { visit: VisitSummary }) {
  const i18n = useI18n();
  const { t } = i18n;
  const at = visit.checkInAt ?? visit.checkOutAt;
  return (
    <>
      <td>{at ? i18n.dateTime(at) : ''}</td>
      <td>{visit.durationMinutes === null ? '—' : t('visits.minutes', { n: visit.durationMinutes })}</td>
      <td data-testid="visit-status">{t(`visits.status.${visit.status}`)}</td>
    </>
  );
}
