import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { AppStatus } from '../../shared/app/schema';
import { api, onLockRefusal } from '../api/client';
import { setLocale } from '../i18n';
import { coreErrorKey } from '../lib/core-error';

interface StatusValue {
  status: AppStatus;
  refresh(): Promise<void>;
}

async function loadStatus(): Promise<AppStatus> {
  const next = await api('app.status', {});
  await setLocale(next.settings.locale);
  return next;
}

const StatusContext = createContext<StatusValue | null>(null);

export function useAppStatus(): StatusValue {
  const value = useContext(StatusContext);
  if (!value) throw new Error('useAppStatus outside StatusProvider');
  return value;
}

export function StatusProvider({
  children,
  loading,
  failed,
}: {
  children: ReactNode;
  loading: ReactNode;
  failed: (key: string, retry: () => void) => ReactNode;
}) {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(
    () =>
      loadStatus().then(
        (next) => {
          setStatus(next);
          setError(null);
        },
        (e: unknown) => setError(coreErrorKey(e)),
      ),
    [],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // A call refused by the app lock means the core locked (idle) or is in self-service mode: show what it says.
  useEffect(() => onLockRefusal(() => void refresh()), [refresh]);

  if (error) return <>{failed(error, () => void refresh())}</>;
  if (!status) return <>{loading}</>;
  return <StatusContext.Provider value={{ status, refresh }}>{children}</StatusContext.Provider>;
}
