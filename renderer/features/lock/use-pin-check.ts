import { useState } from 'react';
import { api } from '../../api/client';
import { useAppStatus } from '../../app/status';
import { coreErrorText, toAppError } from '../../lib/core-error';

/**
 * Sends a PIN to the core (unlock, or leave self-service mode): on success the app status is read again, and the
 * shell shows what follows; on a refusal the error text is kept, and after too many wrong PINs the time of the next
 * possible try (the core enforces it; the screen only says it).
 */
export function usePinCheck(method: 'lock.unlock' | 'lock.leaveSelfService') {
  const { refresh } = useAppStatus();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [retryAfter, setRetryAfter] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  async function submit(pin: string): Promise<boolean> {
    if (pending) return false;
    setPending(true);
    try {
      await api(method, { pin });
      setError(null);
      setRetryAfter(null);
      await refresh();
      return true;
    } catch (e) {
      setError(coreErrorText(e));
      setAttempt((n) => n + 1);
      if (toAppError(e).code === 'forbidden') {
        await api('lock.status', {}).then(
          (s) => setRetryAfter(s.retryAfter),
          () => undefined,
        );
      }
      return false;
    } finally {
      setPending(false);
    }
  }

  return { submit, pending, error, retryAfter, attempt };
}
