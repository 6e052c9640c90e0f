import { useCallback, useEffect, useState, type FormEvent } from 'react';
import QRCode from 'qrcode';
import { apiRequest } from '../../api/client';
import { useI18n } from '../../i18n/context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeading } from '../../ui/PageHeading';
import { formatCardNumber } from '../../../../libs/src/visits/card-number';
import { qrPayloadAt, TOTP_STEP_SECONDS } from '../../../../libs/src/visits/totp';
import { VisitCells, type VisitSummary } from './VisitCells';

interface Child {
  id: string;
  firstName: string;
  lastName: string;
}
interface Device {
  deviceId: string;
  childId: string;
  childName: string;
  secret: string;
  cardNumber: string;
}
interface VisitRow extends VisitSummary {
  childId: string;
  confirmedAt: string | null;
  disputedAt: string | null;
}

const KEY = 'lidz.portal.qrDevices';
const readDevices = (): Device[] => {
  try {
    return JSON.parse(window.localStorage.getItem(KEY) ?? '[]') as Device[];
  } catch {
    return [];
  }
};
const writeDevices = (d: Device[]) => window.localStorage.setItem(KEY, JSON.stringify(d));

/** The QR changes every 30 s; it is computed on the phone from the provisioned secret, so it works offline. */
function RotatingQr({ device }: { device: Device }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  const [src, setSrc] = useState('');
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const payload = qrPayloadAt(device.secret, device.cardNumber, now);
  useEffect(() => {
    void QRCode.toDataURL(payload, { errorCorrectionLevel: 'M', margin: 4, scale: 10, color: { dark: '#000000', light: '#ffffff' } }).then(setSrc);
  }, [payload]);
  const left = TOTP_STEP_SECONDS - (Math.floor(now / 1000) % TOTP_STEP_SECONDS);
  return (
    <figure className="card" style={{ textAlign: 'center', background: '#fff' }}>
      {src && <img src={src} alt={t('visits.qr.alt')} data-qr={payload} style={{ width: '100%', maxWidth: 360, imageRendering: 'pixelated' }} />}
      <figcaption>
        <strong>{device.childName}</strong>
        <br />
        {t('visits.qr.card', { number: formatCardNumber(device.cardNumber) })}
        <br />
        <span aria-live="off">{t('visits.qr.refresh', { s: left })}</span>
      </figcaption>
    </figure>
  );
}

/** Family: the child's rotating QR (large, high-contrast), and the child's visits with confirm / dispute. */
export function FamilyQrPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [children, setChildren] = useState<Child[]>([]);
  const [devices, setDevices] = useState<Device[]>(() => readDevices());
  const [error, setError] = useState<unknown>(null);
  const [visits, setVisits] = useState<VisitRow[]>([]);
  const [disputing, setDisputing] = useState<string | null>(null);
  const [note, setNote] = useState('');

  const loadVisits = useCallback(() => {
    apiRequest<VisitRow[]>(`/api/visits?range=${encodeURIComponent('[0,49]')}`).then(setVisits).catch(() => undefined);
  }, []);
  useEffect(() => {
    apiRequest<Child[]>('/api/children').then(setChildren).catch(() => undefined);
    loadVisits();
  }, [loadVisits]);

  const enable = async (child: Child) => {
    setError(null);
    try {
      const res = await apiRequest<{ id: string; secret: string; cardNumber: string }>('/api/family-devices', { method: 'POST', body: { childId: child.id, label: t('visits.qr.deviceLabel') } });
      const next = [...devices.filter((d) => d.childId !== child.id), { deviceId: res.id, childId: child.id, childName: `${child.firstName} ${child.lastName}`, secret: res.secret, cardNumber: res.cardNumber }];
      writeDevices(next);
      setDevices(next);
    } catch (e) {
      setError(e);
    }
  };
  const revoke = async (d: Device) => {
    try {
      await apiRequest(`/api/family-devices/${d.deviceId}/revoke`, { method: 'POST' });
    } catch (e) {
      setError(e);
      return;
    }
    const next = devices.filter((x) => x.deviceId !== d.deviceId);
    writeDevices(next);
    setDevices(next);
  };
  const confirm = async (id: string) => {
    await apiRequest(`/api/visits/${id}/confirm`, { method: 'POST' }).catch(setError);
    loadVisits();
  };
  const dispute = async (e: FormEvent) => {
    e.preventDefault();
    if (!disputing) return;
    try {
      await apiRequest(`/api/visits/${disputing}/dispute`, { method: 'POST', body: { note } });
      setDisputing(null);
      setNote('');
    } catch (err) {
      setError(err);
    }
    loadVisits();
  };

  return (
    <>
      <PageHeading title={t('visits.qr.title')} />
      <p className="lead">{t('visits.qr.intro')}</p>
      {error ? <ErrorNotice error={error} /> : null}
      {devices.map((d) => (
        <section key={d.deviceId}>
          <RotatingQr device={d} />
          <button type="button" className="button button-secondary" onClick={() => void revoke(d)}>
            {t('visits.qr.revoke')}
          </button>
        </section>
      ))}
      {children
        .filter((c) => !devices.some((d) => d.childId === c.id))
        .map((c) => (
          <p key={c.id}>
            {t('visits.qr.none')}{' '}
            <button type="button" className="button button-primary" onClick={() => void enable(c)}>
              {t('visits.qr.enable')} — {c.firstName}
            </button>
          </p>
        ))}

      <section aria-labelledby="family-visits">
        <h2 id="family-visits">{t('visits.family.title')}</h2>
        <p>{t('visits.family.intro')}</p>
        {visits.length === 0 ? (
          <p>{t('visits.mine.empty')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('visits.col.time')}</th>
                <th scope="col">{t('visits.col.duration')}</th>
                <th scope="col">{t('visits.col.status')}</th>
                <th scope="col">{t('visits.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {visits.map((v) => (
                <tr key={v.id}>
                  <VisitCells visit={v} />
                  <td>
                    {v.disputedAt ? (
                      t('visits.family.disputed')
                    ) : v.confirmedAt ? (
                      t('visits.family.confirmed')
                    ) : v.status !== 'rejected' ? (
                      <>
                        <button type="button" className="button button-secondary" onClick={() => void confirm(v.id)}>
                          {t('visits.family.confirm')}
                        </button>{' '}
                        <button type="button" className="button button-secondary" onClick={() => setDisputing(v.id)}>
                          {t('visits.family.dispute')}
                        </button>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {disputing && (
          <form onSubmit={(e) => void dispute(e)} className="card">
            <div className="field">
              <label htmlFor="dispute-note">{t('visits.family.disputeNote')}</label>
              <textarea id="dispute-note" value={note} onChange={(e) => setNote(e.target.value)} required minLength={3} />
            </div>
            <button type="submit" className="button button-primary">
              {t('visits.family.disputeSend')}
            </button>
          </form>
        )}
      </section>
    </>
  );
}
