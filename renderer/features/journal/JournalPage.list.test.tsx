// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JournalPage as JournalPageData, JournalRow } from '../../../shared/journal/schema';
import { initAppI18n } from '../../app/features';
import { FakeFailure, installFakeApi, renderWithStatus, type FakeHandlers } from '../../test-kit';
import { JournalPage, PAGE_SIZE } from './JournalPage';
import { dismissNotice } from '../../ui/notices';
import { localClockTime } from './list-format';
import { resetTimers } from './timers-store';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

function row(overrides: Partial<JournalRow> = {}): JournalRow {
  return {
    id: A,
    kind: 'individuel',
    date: '2026-03-12',
    startTime: null,
    durationMin: 45,
    topics: ['aide_aux_demarches_administratives'],
    operators: ['caf'],
    procedureName: 'Prime d’activité',
    workshopTitle: null,
    participants: 1,
    outcome: 'finalisee',
    followUpDue: null,
    followUpClosed: false,
    ...overrides,
  };
}

function page(rows: JournalRow[], total = rows.length, totalCapped = false): JournalPageData {
  return { rows, total, totalCapped };
}

const twoRows = [
  row({
    id: A,
    date: '2026-03-12',
    durationMin: 90,
    topics: ['email', 'bureautique', 'sante', 'parentalite'],
    operators: ['caf', 'cpam'],
    followUpDue: '2000-01-02',
  }),
  row({
    id: B,
    kind: 'collectif',
    date: '2026-03-10',
    startTime: '14:00',
    durationMin: 45,
    topics: ['securite_numerique'],
    operators: [],
    procedureName: '',
    workshopTitle: 'Éviter les arnaques',
    participants: 8,
    outcome: null,
  }),
];

function setup(extra: FakeHandlers = {}) {
  return installFakeApi({
    'journal.timers': () => [],
    'journal.list': () => page(twoRows),
    ...extra,
  });
}

/** Opens a row's actions menu with the mouse and picks one of its items. */
async function choose(menu: string, item: string) {
  fireEvent.click(await screen.findByRole('button', { name: menu }));
  fireEvent.click(screen.getByRole('menuitem', { name: item }));
}

/** Lets the fake core's promises settle while timers are faked (Testing Library's polling needs real timers). */
async function flush() {
  await act(async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  });
}

beforeAll(() => {
  initAppI18n('fr');
});
beforeEach(() => {
  window.location.hash = '#/journal';
});
afterEach(() => {
  cleanup();
  dismissNotice();
  resetTimers();
});

describe('JournalPage', () => {
  it('shows the rows, their labels and the count', async () => {
    const fake = setup();
    renderWithStatus(<JournalPage />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Journal des séances' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('journal-count').textContent).toBe('2 séances'));

    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3); // header + 2
    const first = rows[1]!;
    expect(within(first).getByRole('rowheader').textContent).toContain('12/03/2026');
    expect(first.textContent).toContain('1 h 30');
    expect(first.textContent).toContain('E-mail, Bureautique');
    expect(first.textContent).toContain('+2');
    expect(first.textContent).toContain('CAF, Assurance Maladie (CPAM)');
    expect(first.textContent).toContain('Prime d’activité');
    expect(first.textContent).toContain('Démarche finalisée');
    expect(first.textContent).toContain('En retard');
    const second = rows[2]!;
    expect(second.textContent).toContain('Atelier collectif');
    expect(second.textContent).toContain('Éviter les arnaques');
    expect(second.textContent).toContain('8 participants');
    expect(second.textContent).toContain('45 min');

    // One compact actions button per row, named after its session (date, time, who or what).
    expect(
      within(first)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label') ?? b.textContent),
    ).toEqual(['Actions pour la séance du 12/03/2026, CAF, Assurance Maladie (CPAM)']);
    expect(
      screen
        .getByRole('button', { name: 'Actions pour la séance du 10/03/2026 à 14:00, Éviter les arnaques' })
        .getAttribute('aria-haspopup'),
    ).toBe('menu');
    await choose('Actions pour la séance du 12/03/2026, CAF, Assurance Maladie (CPAM)', 'Modifier');
    expect(window.location.hash).toBe(`#/seance/${A}`);

    expect(fake['journal.list']).toHaveBeenCalledWith({
      filter: { from: null, to: null, kind: null, operator: null, topic: null, outcome: null, followUpDue: false },
      sort: 'date_desc',
      offset: 0,
      limit: PAGE_SIZE,
    });
  });

  it('says "more than 10 000" when the count is capped and pages forward', async () => {
    const many = Array.from({ length: PAGE_SIZE }, (_, i) =>
      row({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }),
    );
    const fake = setup({ 'journal.list': () => page(many, 10_000, true) });
    renderWithStatus(<JournalPage />);
    await waitFor(() => expect(screen.getByTestId('journal-count').textContent).toMatch(/^Plus de 10\s000 séances$/));
    fireEvent.click(screen.getByRole('button', { name: 'Page suivante' }));
    await waitFor(() =>
      expect(fake['journal.list']).toHaveBeenLastCalledWith(expect.objectContaining({ offset: PAGE_SIZE })),
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Séances enregistrées' })),
    );
  });

  it('queries the core again when a filter or the sort changes', async () => {
    const fake = setup();
    renderWithStatus(<JournalPage />);
    await screen.findByRole('table');

    fireEvent.change(screen.getByLabelText('Organisme'), { target: { value: 'caf' } });
    await waitFor(() =>
      expect(fake['journal.list']).toHaveBeenLastCalledWith(
        expect.objectContaining({ filter: expect.objectContaining({ operator: 'caf' }), offset: 0 }),
      ),
    );

    fireEvent.click(screen.getByLabelText('Seulement les séances avec une relance à faire'));
    await waitFor(() =>
      expect(fake['journal.list']).toHaveBeenLastCalledWith(
        expect.objectContaining({ filter: expect.objectContaining({ operator: 'caf', followUpDue: true }) }),
      ),
    );

    fireEvent.change(screen.getByLabelText('Trier les séances'), { target: { value: 'duration_desc' } });
    await waitFor(() =>
      expect(fake['journal.list']).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'duration_desc' })),
    );

    // A date applies once valid, here on leaving the field rather than after the pause.
    const from = screen.getByLabelText(/^Du/);
    fireEvent.change(from, { target: { value: '2026-03-01' } });
    fireEvent.blur(from);
    await waitFor(() =>
      expect(fake['journal.list']).toHaveBeenLastCalledWith(
        expect.objectContaining({ filter: expect.objectContaining({ from: '2026-03-01', operator: 'caf' }) }),
      ),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    await waitFor(() =>
      expect(fake['journal.list']).toHaveBeenLastCalledWith(
        expect.objectContaining({
          filter: { from: null, to: null, kind: null, operator: null, topic: null, outcome: null, followUpDue: false },
        }),
      ),
    );
  });

  it('applies a typed date after a short pause, and flags a date the journal cannot hold', async () => {
    const fake = setup();
    renderWithStatus(<JournalPage />);
    await screen.findByRole('table');
    const to = screen.getByLabelText(/^Au/);
    fireEvent.change(to, { target: { value: '2026-03-31' } });
    expect(fake['journal.list']).not.toHaveBeenLastCalledWith(
      expect.objectContaining({ filter: expect.objectContaining({ to: '2026-03-31' }) }),
    );
    await waitFor(() =>
      expect(fake['journal.list']).toHaveBeenLastCalledWith(
        expect.objectContaining({ filter: expect.objectContaining({ to: '2026-03-31' }) }),
      ),
    );

    const calls = fake['journal.list'].mock.calls.length;
    const from = screen.getByLabelText(/^Du/);
    fireEvent.change(from, { target: { value: '1999-12-31' } });
    fireEvent.blur(from);
    expect(await screen.findByText('Indiquez une date valide (JJ/MM/AAAA).')).toBeTruthy();
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(fake['journal.list'].mock.calls.length).toBe(calls);
  });

  it('deletes a session, offers to undo, and undo restores it', async () => {
    let rows = [...twoRows];
    const fake = setup({
      'journal.list': () => page(rows),
      'journal.delete': ({ id }) => {
        rows = rows.filter((r) => r.id !== id);
        return { id };
      },
      'journal.restore': ({ id }) => {
        rows = [...twoRows];
        return { id } as never;
      },
    });
    renderWithStatus(<JournalPage />);
    await choose('Actions pour la séance du 12/03/2026, CAF, Assurance Maladie (CPAM)', 'Supprimer');

    const undo = await screen.findByRole('button', { name: 'Annuler la suppression' });
    expect(fake['journal.delete']).toHaveBeenCalledWith({ id: A });
    expect(screen.getAllByRole('status').some((s) => s.textContent?.includes('Séance du 12/03/2026 supprimée.'))).toBe(
      true,
    );
    expect(document.activeElement).toBe(undo);
    await waitFor(() => expect(screen.getByTestId('journal-count').textContent).toBe('1 séance'));

    fireEvent.click(undo);
    await waitFor(() => expect(fake['journal.restore']).toHaveBeenCalledWith({ id: A }));
    await screen.findByText('Séance du 12/03/2026 restaurée.');
    await waitFor(() => expect(screen.getByTestId('journal-count').textContent).toBe('2 séances'));
    // The focus goes back to the restored row.
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Actions pour la séance du 12/03/2026, CAF, Assurance Maladie (CPAM)' }),
      ),
    );
  });

  it('hides the undo notice after about ten seconds unless it holds the focus', async () => {
    setup({ 'journal.delete': ({ id }) => ({ id }) });
    renderWithStatus(<JournalPage />);
    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Actions pour la séance du 12/03/2026, CAF, Assurance Maladie (CPAM)',
      }),
    );
    const button = screen.getByRole('menuitem', { name: 'Supprimer' });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      fireEvent.click(button);
      await flush();
      const undo = screen.getByRole('button', { name: 'Annuler la suppression' });
      expect(document.activeElement).toBe(undo);
      // The focus is on the undo button: the notice stays.
      await act(async () => {
        await vi.advanceTimersByTimeAsync(15_000);
      });
      expect(screen.queryByRole('button', { name: 'Annuler la suppression' })).toBe(undo);
      // Once the focus has left it, it goes away after about ten seconds.
      fireEvent.blur(undo, { relatedTarget: document.body });
      await act(async () => {
        await vi.advanceTimersByTimeAsync(9_000);
      });
      expect(screen.queryByRole('button', { name: 'Annuler la suppression' })).not.toBeNull();
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1_500);
      });
      expect(screen.queryByRole('button', { name: 'Annuler la suppression' })).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('"Dupliquer" only opens a new session prefilled from the source: nothing is written', async () => {
    const fake = setup({});
    renderWithStatus(<JournalPage />);
    await choose('Actions pour la séance du 10/03/2026 à 14:00, Éviter les arnaques', 'Dupliquer');
    await waitFor(() => expect(window.location.hash).toBe(`#/seance/nouvelle?depuis=${B}`));
    expect(fake['journal.create']).not.toHaveBeenCalled();
  });

  it('invites to log the first session when the journal is empty', async () => {
    setup({ 'journal.list': () => page([]) });
    renderWithStatus(<JournalPage />);
    expect(await screen.findByText('Aucune séance enregistrée pour l’instant.')).toBeTruthy();
    // One name for one screen: the empty journal's invitation and the timer bar's link say the same and lead there.
    const links = screen.getAllByRole('link', { name: 'Nouvelle séance' });
    expect(links.length).toBe(2);
    for (const link of links) expect(link.getAttribute('href')).toBe('#/seance/nouvelle?type=individuel');
    expect(screen.getByTestId('journal-count').textContent).toBe('0 séance');
  });

  it('shows a failed load as a translated alert', async () => {
    setup({
      'journal.list': () => {
        throw new FakeFailure({ code: 'storage_unavailable' });
      },
    });
    renderWithStatus(<JournalPage />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Les données de Médiane sont indisponibles pour le moment.');
  });
});

describe('LiveTimers (in the journal)', () => {
  it('starts a timer, shows it running, and finishing opens the editor with the elapsed minutes', async () => {
    const startedAt = new Date(Date.now() - 61_000).toISOString();
    const timerId = '44444444-4444-4444-8444-444444444444';
    const fake = setup({ 'journal.startTimer': () => ({ id: timerId, startedAt, label: '' }) });
    renderWithStatus(<JournalPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Démarrer une séance' }));
    await waitFor(() => expect(fake['journal.startTimer']).toHaveBeenCalledWith({}));

    const clock = await screen.findByRole('timer');
    expect(clock.getAttribute('aria-live')).toBe('off');
    expect(clock.textContent).toMatch(/^01:0\d$/);
    expect(
      screen.getAllByRole('status').some((s) => /Chronomètre démarré à \d\d:\d\d\./.test(s.textContent ?? '')),
    ).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: /^Terminer et enregistrer la séance commencée à/ }));
    // The session starts when the timer did.
    expect(window.location.hash).toBe(
      `#/seance/nouvelle?type=individuel&chrono=${timerId}&duree=2&debut=${localClockTime(startedAt)}`,
    );
  });

  it('keeps a timer started before the first list of timers arrived', async () => {
    const timerId = '66666666-6666-4666-8666-666666666666';
    let answerTimers: (list: []) => void = () => undefined;
    const fake = setup({
      'journal.timers': () => new Promise<[]>((resolve) => (answerTimers = resolve)),
      'journal.startTimer': () => ({ id: timerId, startedAt: new Date().toISOString(), label: '' }),
    });
    renderWithStatus(<JournalPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Démarrer une séance' }));
    await waitFor(() => expect(fake['journal.startTimer']).toHaveBeenCalled());
    await screen.findByRole('timer');
    await act(async () => answerTimers([]));
    expect(screen.getByRole('timer')).toBeTruthy();
  });

  it('lists timers kept in the database and cancels one', async () => {
    const timerId = '55555555-5555-4555-8555-555555555555';
    const fake = setup({
      'journal.timers': () => [{ id: timerId, startedAt: new Date(Date.now() - 3_725_000).toISOString(), label: '' }],
      'journal.cancelTimer': ({ id }) => ({ id }),
    });
    renderWithStatus(<JournalPage />);
    const clock = await screen.findByRole('timer');
    expect(clock.textContent).toMatch(/^1:02:0\d$/);
    fireEvent.click(screen.getByRole('button', { name: /^Annuler le chronomètre démarré à/ }));
    await waitFor(() => expect(fake['journal.cancelTimer']).toHaveBeenCalledWith({ id: timerId }));
    await waitFor(() => expect(screen.queryByRole('timer')).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Démarrer une séance' }));
  });

  it('offers the quick entry and workshop links', async () => {
    setup();
    renderWithStatus(<JournalPage />);
    expect((await screen.findByRole('link', { name: 'Nouvelle séance' })).getAttribute('href')).toBe(
      '#/seance/nouvelle?type=individuel',
    );
    expect(screen.getByRole('link', { name: 'Atelier' }).getAttribute('href')).toBe('#/seance/nouvelle?type=collectif');
  });
});
