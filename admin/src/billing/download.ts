import { API_URL } from '../auth/httpClient';
import { session } from '../auth/session';
import { saveBlob } from '../common/saveBlob';

/** Fetches a file of the API with the session's token and hands it to the browser as a download. */
export async function downloadFile(path: string, filename: string): Promise<void> {
  const res = await fetch(`${API_URL}${path}`, { headers: { Authorization: `Bearer ${session.accessToken ?? ''}` } });
  if (!res.ok) throw new Error(`errors.${((await res.json().catch(() => ({}))) as { code?: string }).code ?? 'INTERNAL'}`);
  saveBlob(await res.blob(), filename);
}
