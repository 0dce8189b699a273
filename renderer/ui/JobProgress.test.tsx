// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobView } from '../../shared/jobs/schema';
import { initI18n } from '../i18n';
import { callsOf, installFakeApi } from '../test-kit';
import { JobProgress } from './JobProgress';

const ID = '00000000-0000-4000-8000-0000000000aa';

function view(patch: Partial<JobView>): JobView {
  return {
    id: ID,
    method: 'transfer.export',
    state: 'running',
    done: 0,
    total: null,
    phase: 'jobs.phase.starting',
    version: 0,
    startedAt: '2026-03-10T09:00:00.000Z',
    endedAt: null,
    ...patch,
  };
}

/** A fake `jobs.get` the test moves forward: each long-poll waits until `push` gives the next state. */
function fakeJob(first: JobView) {
  let current = first;
  const waiting: Array<() => void> = [];
  return {
    get: ({ afterVersion }: { afterVersion?: number }) =>
      afterVersion === undefined || current.version > afterVersion
        ? current
        : new Promise<JobView>((r) => waiting.push(() => r(current))),
    push(next: Partial<JobView>) {
      current = { ...current, ...next, version: current.version + 1 };
      for (const wake of waiting.splice(0)) wake();
    },
    current: () => current,
  };
}

beforeAll(() => {
  initI18n('fr', []);
});
beforeEach(async () => {
  await i18next.changeLanguage('fr');
});
afterEach(() => {
  cleanup();
  delete window.mediane;
});

describe('JobProgress', () => {
  it('shows progress and the translated phase, announces phases, then the end, and moves focus to it', async () => {
    const job = fakeJob(view({}));
    installFakeApi({ 'jobs.get': job.get });
    const onEnd = vi.fn();
    render(<JobProgress jobId={ID} label="Export du lieu" onEnd={onEnd} />);
    const bar = await screen.findByRole('progressbar', { name: 'Export du lieu' });
    // Unknown amount of work: indeterminate.
    expect(bar.getAttribute('value')).toBeNull();
    const live = document.querySelector('[aria-live="polite"]')!;
    await waitFor(() => expect(live.textContent).toBe('Démarrage…'));

    await act(async () => job.push({ done: 25, total: 100, phase: 'jobs.phase.encrypting' }));
    await waitFor(() => expect(screen.getByText(/Chiffrement et écriture du fichier… — 25 %/)).toBeTruthy());
    expect(bar.getAttribute('value')).toBe('25');
    expect(bar.getAttribute('max')).toBe('100');
    expect(live.textContent).toBe('Chiffrement et écriture du fichier…');

    // The user is on Cancel when the job ends: the button goes, focus goes to the end message.
    screen.getByRole('button', { name: 'Annuler' }).focus();
    await act(async () =>
      job.push({
        state: 'done',
        done: 100,
        phase: 'jobs.phase.finishing',
        result: { name: 'a', bytes: 1, sessions: 0 },
      }),
    );
    const end = await screen.findByText('Terminé.', { selector: '.fr-message' });
    expect(document.activeElement).toBe(end);
    expect(live.textContent).toBe('Terminé.');
    expect(screen.queryByRole('button', { name: 'Annuler' })).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(onEnd.mock.calls[0]![0]).toMatchObject({ state: 'done' });
  });

  it('Cancel asks the core to cancel (keyboard), then says it was cancelled', async () => {
    const job = fakeJob(view({ done: 1, total: 10, phase: 'jobs.phase.snapshot' }));
    const api = installFakeApi({
      'jobs.get': job.get,
      'jobs.cancel': () => {
        job.push({ phase: 'jobs.phase.cancelling' });
        return job.current();
      },
    });
    render(<JobProgress jobId={ID} label="Export du lieu" />);
    const button = await screen.findByRole('button', { name: 'Annuler' });
    button.focus();
    await userEvent.keyboard('{Enter}');
    expect(callsOf(api, 'jobs.cancel')).toEqual([{ id: ID }]);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Annulation…' }).hasAttribute('disabled')).toBe(true),
    );
    await act(async () => job.push({ state: 'cancelled' }));
    const end = await screen.findByText('Annulé : rien n’a été modifié.', { selector: '.fr-message' });
    expect(document.activeElement).toBe(end);
  });

  it('a failed job shows its translated error, in English too', async () => {
    await i18next.changeLanguage('en');
    const job = fakeJob(
      view({ state: 'failed', error: { code: 'storage_unavailable', messageKey: 'storage.integrityFailed' } }),
    );
    installFakeApi({ 'jobs.get': job.get });
    render(<JobProgress jobId={ID} label="Restore" />);
    const end = await screen.findByText(
      'Failed: This computer’s data looks damaged: nothing was saved. Restart Médiane to restore the latest good backup.',
      { selector: '.fr-message' },
    );
    expect(end.className).toContain('fr-message--error');
    expect(document.querySelector('[aria-live="polite"]')!.textContent).toBe(end.textContent);
    // Focus was elsewhere: it is not stolen.
    expect(document.activeElement).toBe(document.body);
  });

  it('stops following the job when unmounted', async () => {
    const job = fakeJob(view({}));
    const api = installFakeApi({ 'jobs.get': job.get });
    const { unmount } = render(<JobProgress jobId={ID} label="Export du lieu" />);
    await waitFor(() => expect(api['jobs.get'].mock.calls.length).toBe(2));
    unmount();
    await act(async () => job.push({ done: 1 }));
    await act(async () => job.push({ done: 2 }));
    // The pending long-poll answered once more after unmount; no new one was sent.
    expect(api['jobs.get'].mock.calls.length).toBe(2);
  });
});
