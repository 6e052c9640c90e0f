import { ApiError, apiRequest } from '../../api/client';

/**
 * Scans taken on the specialist's phone are queued in localStorage first and sent in the order they
 * were taken; without a connection they wait. The API judges each by the time its token proves and
 * answers a re-sent clientScanId with the stored result, so sending twice is harmless.
 */
export interface ScanBody {
  clientScanId: string;
  kind: 'check_in' | 'check_out';
  method: 'qr' | 'card';
  code?: string;
  cardNumber?: string;
  contractId?: string;
  scannedAt: string;
}

export interface ScanResult {
  verdict: string;
  visitId: string | null;
  visitStatus: string | null;
  reasons: string[];
}

export interface QueuedScan {
  body: ScanBody;
  state: 'pending' | 'sent' | 'failed';
  result?: ScanResult;
  errorCode?: string;
}

const KEY = 'lidz.portal.scanQueue';

export function readQueue(): QueuedScan[] {
  try {
    const raw = window.localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as QueuedScan[]) : [];
  } catch {
    return [];
  }
}

function writeQueue(queue: QueuedScan[]): void {
  // keep the last 200 finished entries for the phone's own history
  const pending = queue.filter((q) => q.state === 'pending');
  const done = queue.filter((q) => q.state !== 'pending').slice(-200);
  window.localStorage.setItem(KEY, JSON.stringify([...done, ...pending]));
}

export function enqueue(body: ScanBody): void {
  writeQueue([...readQueue(), { body, state: 'pending' }]);
}

let syncing: Promise<void> | null = null;
let again = false;

/** Sends pending scans oldest first; stops at the first network failure so order is kept. */
export function syncQueue(): Promise<void> {
  if (syncing) {
    // a scan queued during a running sync is sent by one more round right after it
    again = true;
    return syncing.then(() => syncQueue());
  }
  const run = async () => {
    do {
      again = false;
      const queue = readQueue().sort((a, b) => a.body.scannedAt.localeCompare(b.body.scannedAt));
      for (const item of queue) {
        if (item.state !== 'pending') continue;
        try {
          item.result = await apiRequest<ScanResult>('/api/visits/scan', { method: 'POST', body: item.body });
          item.state = 'sent';
        } catch (e) {
          if (e instanceof ApiError && e.status === 0) return; // offline: try again later
          item.state = 'failed';
          item.errorCode = e instanceof ApiError ? e.code : 'UNKNOWN';
        }
        writeQueue(queue);
      }
    } while (again);
  };
  // cleared asynchronously, after the assignment, even when there was nothing to send
  syncing = run().finally(() => {
    syncing = null;
  });
  return syncing;
}
