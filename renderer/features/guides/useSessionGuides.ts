import { useCallback, useState } from 'react';
import type { SessionGuides } from '../../../shared/guides/api';
import { api } from '../../api/client';
import { useCoreQuery } from '../../api/hooks';
import { coreErrorText } from '../../lib/core-error';
import type { SessionHolder } from '../../ui/session-slots';

/** The guides a timer or a session follows, with the actions of guided mode; each action answers the new state. */
export function useSessionGuides(holder: SessionHolder | null) {
  const query = useCoreQuery('guides.session', { holder: holder ?? { timerId: '' } }, { enabled: holder !== null });
  const [latest, setLatest] = useState<SessionGuides | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const data = latest ?? query.data ?? null;

  const run = useCallback(async (action: () => Promise<SessionGuides>) => {
    try {
      setLatest(await action());
      setActionError(null);
      return true;
    } catch (e) {
      setActionError(coreErrorText(e));
      return false;
    }
  }, []);

  return {
    data,
    loading: query.loading,
    error: actionError ?? (query.error ? coreErrorText(query.error) : null),
    open: (id: string) => run(() => api('guides.open', { holder: holder!, id })),
    tick: (id: string, step: number, done: boolean) =>
      run(() => api('guides.tick', { holder: holder!, id, step, done })),
    block: (id: string, blocked: boolean) => run(() => api('guides.block', { holder: holder!, id, blocked })),
    close: (id: string) => run(() => api('guides.close', { holder: holder!, id })),
  };
}
