import { useEffect, useState } from 'react';
import { apiRequest } from '../../api/client';
import { useI18n } from '../../i18n/context';

interface Integrity {
  quarter: string;
  score: number | null;
  scannedShare: number | null;
  notRejectedShare: number | null;
  total: number;
  flagged: boolean;
  visits?: { id: string; status: string; manual: boolean; manualReason: string | null; checkInAt: string | null; serviceCode: string }[];
}

/** The provider's own integrity score this quarter, with the manual and rejected visits behind it. */
export function IntegritySection({ providerId }: { providerId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [data, setData] = useState<Integrity | null>(null);
  useEffect(() => {
    apiRequest<Integrity>(`/api/providers/${providerId}/integrity`).then(setData).catch(() => undefined);
  }, [providerId]);
  if (!data) return null;
  return (
    <section className="card" aria-labelledby="integrity-title">
      <h2 id="integrity-title">{t('visits.integrity.title', { quarter: data.quarter })}</h2>
      <p>{data.score === null ? t('visits.integrity.none') : t('visits.integrity.score', { score: data.score })}</p>
      {data.flagged && <p className="notice notice-error">{t('visits.integrity.flagged')}</p>}
      <p className="notice-small">{t('visits.integrity.formula')}</p>
      {data.visits && data.visits.length > 0 && (
        <details>
          <summary>{t('visits.integrity.drill', { n: data.visits.length })}</summary>
          <ul>
            {data.visits.map((v) => (
              <li key={v.id}>
                {v.checkInAt ? i18n.dateTime(v.checkInAt) : ''} · {v.serviceCode} · {t(`visits.status.${v.status}` as never)}
                {v.manual ? ` · ${t('visits.verdict.manual')}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
