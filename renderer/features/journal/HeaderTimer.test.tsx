// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initAppI18n } from '../../app/features';
import { callsOf, installFakeApi, refused, renderWithStatus } from '../../test-kit';
import { HeaderTimer } from './HeaderTimer';
import { localClockTime } from './list-format';
import { resetTimers } from './timers-store';

const ID = '77777777-7777-4777-8777-777777777777';

beforeAll(() => {
  initAppI18n('fr');
});
beforeEach(() => {
  window.location.hash = '#/relances';
});
afterEach(() => {
  cleanup();
  resetTimers();
});

describe('HeaderTimer', () => {
  it('starts from the header, shows how long, and Alt+T turns it into a session with its start time', async () => {
    const startedAt = new Date(Date.now() - 125_000).toISOString();
    const fake = installFakeApi({
      'journal.timers': () => [],
      'journal.startTimer': () => ({ id: ID, startedAt, label: '' }),
    });
    renderWithStatus(<HeaderTimer />);
    fireEvent.click(await screen.findByRole('button', { name: 'Démarrer le chronomètre' }));
    const clock = await screen.findByRole('timer');
    expect(callsOf(fake, 'journal.startTimer')).toEqual([{}]);
    expect(clock.getAttribute('aria-live')).toBe('off');
    expect(clock.textContent).toMatch(/^02:0\d$/);
    // The polite line speaks in steps of minutes, not the ticking seconds.
    expect(screen.getByRole('status').textContent).toMatch(/^Chronomètre démarré à \d\d:\d\d : 0 minute écoulée\.$/);

    fireEvent.keyDown(document.body, { key: 't', code: 'KeyT', altKey: true });
    expect(window.location.hash).toBe(
      `#/seance/nouvelle?type=individuel&chrono=${ID}&duree=3&debut=${localClockTime(startedAt)}`,
    );
  });

  it('labels the timer, warns about personal data as it is typed, and shows the core refusal', async () => {
    const timer = { id: ID, startedAt: new Date().toISOString(), label: '' };
    const fake = installFakeApi({
      'journal.timers': () => [timer],
      'journal.labelTimer': ({ label }) =>
        label.includes('06')
          ? refused({ code: 'invalid_input', messageKey: 'journal.timerLabelPersonal' })
          : { ...timer, label },
    });
    renderWithStatus(<HeaderTimer />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ajouter un libellé' }));
    const field = screen.getByLabelText(/^Libellé du chronomètre/);
    expect(document.activeElement).toBe(field);
    fireEvent.change(field, { target: { value: 'Rappeler 06 12 34 56 78' } });
    expect(screen.getByText(/Ce libellé semble contenir une donnée personnelle/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le libellé' }));
    await screen.findByText(/Le libellé du chronomètre semble contenir une donnée personnelle/);
    expect(screen.queryByTestId('header-timer-label')).toBeNull();

    fireEvent.change(field, { target: { value: 'CAF' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le libellé' }));
    await waitFor(() => expect(screen.getByTestId('header-timer-label').textContent).toBe('CAF'));
    expect(callsOf(fake, 'journal.labelTimer').at(-1)).toEqual({ id: ID, label: 'CAF' });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Modifier le libellé'));
  });
});
