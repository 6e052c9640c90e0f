import { apiRequest } from '../api/client';

/** An in-app notification; its text is the translation of `titleKey` filled with `params`. */
export interface AppNotification {
  id: string;
  kind: string;
  titleKey: string;
  params: Record<string, string | number>;
  readAt: string | null;
  createdAt: string;
}

export function listNotifications(signal?: AbortSignal): Promise<AppNotification[]> {
  return apiRequest<AppNotification[]>('/api/notifications', { signal });
}

export function markNotificationRead(id: string): Promise<AppNotification> {
  return apiRequest<AppNotification>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
}
