import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { apiRequest } from '../../api/client';
import { useI18n } from '../../i18n/context';
import { PageHeading } from '../../ui/PageHeading';
import { isValidCardNumber, normaliseCardNumber } from '../../../../libs/src/visits/card-number';
import { parseQrPayload } from '../../../../libs/src/visits/totp';
import { decodeQrFromVideo, cameraDecodingSupported } from './qrDecode';
import { enqueue, readQueue, syncQueue, type QueuedScan, type ScanBody } from './scanQueue';
import { VisitCells, type VisitSummary } from './VisitCells';

interface ContractRow {
  id: string;
  serviceNameLv: string;
  serviceNameEn: string;
  unitsPerMonth: number;
  child: { firstName: string; lastName: string };
}

interface VisitRow extends VisitSummary {
  method: string;
}

/** The specialist's phone: scan the child's QR (camera) or card number, see the offline queue and own visits. */
export function ScanPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [kind, setKind] = useState<'check_in' | 'check_out'>('check_in');
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [status, setStatus] = useState<string>('');
  const [queue, setQueue] = useState<QueuedScan[]>(() => readQueue());
  const [visits, setVisits] = useState<VisitRow[]>([]);
  const [contracts, setContracts] = useState<ContractRow[]>([]);
  const [online, setOnline] = useState(() => navigator.onLine);
  const [camera, setCamera] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);

  const loadVisits = useCallback(() => {
    apiRequest<VisitRow[]>(`/api/visits?range=${encodeURIComponent('[0,19]')}`)
      .then(setVisits)
      .catch(() => undefined);
  }, []);

  const sync = useCallback(async () => {
    await syncQueue();
    setQueue(readQueue());
    loadVisits();
  }, [loadVisits]);

  useEffect(() => {
    apiRequest<ContractRow[]>(`/api/contracts?filter=${encodeURIComponent(JSON.stringify({ status: 'active' }))}`)
      .then(setContracts)
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    void sync();
    const up = () => {
      setOnline(true);
      void sync();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    const timer = window.setInterval(() => void sync(), 15_000);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      window.clearInterval(timer);
    };
  }, [sync]);

  const register = useCallback(
    (raw: string) => {
      const value = raw.trim();
      const qr = parseQrPayload(value);
      let body: ScanBody;
      const base = { clientScanId: crypto.randomUUID(), kind, scannedAt: new Date().toISOString() };
      if (qr) body = { ...base, method: 'qr', code: value };
      else if (isValidCardNumber(value)) body = { ...base, method: 'card', cardNumber: normaliseCardNumber(value) };
      else {
        setFieldError(t('visits.scan.badNumber'));
        return;
      }
      setFieldError(null);
      setText('');
      enqueue(body);
      setQueue(readQueue());
      setStatus(t('visits.scan.queued'));
      void sync().then(() => {
        const sent = readQueue().find((q) => q.body.clientScanId === body.clientScanId);
        if (sent?.state === 'sent' && sent.result) {
          setStatus(`${t(`visits.verdict.${sent.result.verdict}` as never)} — ${t(`visits.status.${sent.result.visitStatus ?? 'open'}` as never)}`);
        } else if (sent?.state === 'failed') {
          setStatus(i18n.tFrom(`errors.${sent.errorCode}`, 'errors.UNKNOWN'));
        }
      });
    },
    [kind, sync, t, i18n],
  );

  // the camera reads the QR and registers it; the stream stops as soon as one code is read
  useEffect(() => {
    if (!camera) return;
    let stream: MediaStream | null = null;
    let cancelled = false;
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        const video = videoRef.current;
        if (!video || cancelled) return;
        video.srcObject = stream;
        await video.play();
        const code = await decodeQrFromVideo(video, () => cancelled);
        if (code && !cancelled) {
          register(code);
          setCamera(false);
        }
      } catch {
        setStatus(t('visits.scan.cameraUnsupported'));
        setCamera(false);
      }
    })();
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [camera, register, t]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    register(text);
  };

  const pending = queue.filter((q) => q.state === 'pending');
  return (
    <>
      <PageHeading title={t('visits.scan.title')} />
      <p className="lead">{t('visits.scan.intro')}</p>
      {!online && (
        <p role="status" className="notice">
          {t('visits.queue.offline')}
        </p>
      )}
      <section aria-labelledby="contracts-title">
        <h2 id="contracts-title">{t('visits.contracts.title')}</h2>
        {contracts.length === 0 ? (
          <p>{t('visits.contracts.empty')}</p>
        ) : (
          <ul>
            {contracts.map((c) => (
              <li key={c.id}>{t('visits.contracts.line', { child: `${c.child.firstName} ${c.child.lastName}`, service: i18n.locale === 'en' ? c.serviceNameEn : c.serviceNameLv, units: c.unitsPerMonth })}</li>
            ))}
          </ul>
        )}
      </section>
      <form onSubmit={submit} className="card" noValidate>
        <fieldset>
          <legend>{t('visits.scan.kind')}</legend>
          <label>
            <input type="radio" name="kind" value="check_in" checked={kind === 'check_in'} onChange={() => setKind('check_in')} /> {t('visits.scan.checkIn')}
          </label>{' '}
          <label>
            <input type="radio" name="kind" value="check_out" checked={kind === 'check_out'} onChange={() => setKind('check_out')} /> {t('visits.scan.checkOut')}
          </label>
        </fieldset>
        <p>
          <button type="button" className="button button-secondary" onClick={() => setCamera((c) => !c)} disabled={!cameraDecodingSupported()}>
            {camera ? t('visits.scan.cameraStop') : t('visits.scan.camera')}
          </button>
        </p>
        {!cameraDecodingSupported() && <p className="notice-small">{t('visits.scan.cameraUnsupported')}</p>}
        {camera && <video ref={videoRef} muted playsInline style={{ width: '100%', maxWidth: 480 }} aria-label={t('visits.scan.camera')} />}
        <div className="field">
          <label htmlFor="scan-input">{t('visits.scan.input')}</label>
          <input id="scan-input" autoComplete="off" inputMode="text" value={text} onChange={(e) => setText(e.target.value)} aria-describedby="scan-hint scan-error" aria-invalid={fieldError ? true : undefined} />
          <p id="scan-hint" className="notice-small">
            {t('visits.scan.inputHint')}
          </p>
          {fieldError && (
            <p id="scan-error" className="field-error">
              {fieldError}
            </p>
          )}
        </div>
        <button type="submit" className="button button-primary">
          {t('visits.scan.submit')}
        </button>
        <p role="status" aria-live="polite" data-testid="scan-status">
          {status}
        </p>
      </form>

      <section aria-labelledby="queue-title">
        <h2 id="queue-title">{t('visits.queue.title')}</h2>
        {pending.length === 0 ? <p>{t('visits.queue.empty')}</p> : null}
        <ul>
          {[...queue].reverse().slice(0, 20).map((q) => (
            <li key={q.body.clientScanId}>
              {i18n.dateTime(q.body.scannedAt)} · {q.body.kind === 'check_in' ? t('visits.scan.checkIn') : t('visits.scan.checkOut')} · {t(`visits.queue.${q.state}`)}
              {q.result ? ` · ${t(`visits.verdict.${q.result.verdict}` as never)}` : ''}
            </li>
          ))}
        </ul>
        <button type="button" className="button button-secondary" onClick={() => void sync()}>
          {t('visits.queue.sync')}
        </button>
      </section>

      <section aria-labelledby="mine-title">
        <h2 id="mine-title">{t('visits.mine.title')}</h2>
        {visits.length === 0 ? (
          <p>{t('visits.mine.empty')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('visits.col.time')}</th>
                <th scope="col">{t('visits.col.duration')}</th>
                <th scope="col">{t('visits.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {visits.map((v) => (
                <tr key={v.id}>
                  <VisitCells visit={v} />
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
