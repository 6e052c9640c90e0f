import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, GetListParams, GetListResult, Identifier, RaRecord } from 'react-admin';
import { API_URL, httpClient } from './auth/httpClient';

export interface NotificationRecord extends RaRecord {
  id: Identifier;
  kind: string;
  titleKey: string;
  params: Record<string, string | number> | null;
  readAt: string | null;
  createdAt: string;
}

export interface JobRecord extends RaRecord {
  id: string;
  queue: string;
  name: string;
  state: 'waiting' | 'active' | 'completed' | 'failed' | 'delayed';
  progress: number | Record<string, unknown> | null;
  attemptsMade: number;
  failedReason: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** The simple-REST provider plus the API's actions, which are sub-resources (docs/api.md). */
export interface AppDataProvider extends DataProvider {
  retryJob(id: Identifier): Promise<{ data: JobRecord }>;
  markNotificationRead(id: Identifier): Promise<{ data: NotificationRecord }>;
}

const rest = simpleRestProvider(API_URL, httpClient);
const path = (id: Identifier) => encodeURIComponent(String(id));

/**
 * /api/notifications answers the caller's own notifications in one piece, not a paged list; the
 * unread ones are asked for with `?unread=true` and kept client-side too, so the dashboard is right
 * whether or not the server filters.
 */
async function listNotifications(params: GetListParams) {
  const unread = params.filter?.unread === true;
  const { json } = await httpClient(`${API_URL}/notifications${unread ? '?unread=true' : ''}`, { signal: params.signal });
  const rows = ((json ?? []) as NotificationRecord[])
    .filter((n) => !unread || n.readAt == null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { data: rows, total: rows.length };
}

export const dataProvider: AppDataProvider = {
  ...rest,
  getList: <RecordType extends RaRecord>(resource: string, params: GetListParams) =>
    resource === 'notifications'
      ? (listNotifications(params) as unknown as Promise<GetListResult<RecordType>>)
      : rest.getList<RecordType>(resource, params),
  retryJob: async (id) => {
    const { json } = await httpClient(`${API_URL}/jobs/${path(id)}/retry`, { method: 'POST' });
    return { data: json as JobRecord };
  },
  markNotificationRead: async (id) => {
    const { json } = await httpClient(`${API_URL}/notifications/${path(id)}/read`, { method: 'POST' });
    return { data: json as NotificationRecord };
  },
};
