import { useCallback, useEffect, useState } from 'react';
import { API_URL, httpClient } from '../auth/httpClient';

/** GETs one API path (relative to /api) and re-reads it on `reload()`; errors surface as `error`. */
export function useApiJson<T>(path: string | null): { data: T | undefined; error: unknown; reload: () => void } {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    httpClient(`${API_URL}${path}`).then(
      ({ json }) => live && setData(json as T),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, reload };
}
