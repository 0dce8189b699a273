// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Commune } from '../../../shared/communes/schema';
import { localDate } from '../../../shared/ids';
import { SessionInput, type Session } from '../../../shared/journal/schema';
import { initAppI18n } from '../../app/features';
import type { SiteProfile } from '../../../shared/site/schema';
import { FakeFailure, installFakeApi, renderWithStatus, STATUS, type FakeApi, type FakeHandlers } from '../../test-kit';
import { addDays, buildInput, checkForm, defaultFollowUpDue, duplicateForm, emptyForm } from './editor-model';
import { SessionEditor, type EditorMode } from './SessionEditor';
import * as notices from '../../ui/notices';

// Component tests of the session editor against a fake core: window.mediane answers the contract's methods, and
// every SessionInput the editor sends is parsed with the contract's own schema, as the real boundary would.

const SESSION_ID = '11111111-1111-4111-8111-111111111111';
const TIMER_ID = '22222222-2222-4222-8222-222222222222';

const PARIS: Commune = {
  code: '75056',
  name: 'Paris',
  postcodes: ['75001'],
  departement: '75',
  departementName: 'Paris',
  epci: '200054781',
  population: 2_100_000,
};

let bridge: FakeApi;

function stored(input: unknown): Session {
  // What the core would answer: the parsed input plus the record's metadata.
  const parsed = SessionInput.parse(input);
  const { liveId: _liveId, ...data } = parsed;
  return {
    ...data,
    id: SESSION_ID,
    taxonomyVersion: 'test',
    createdAt: '2026-03-12T10:00:00Z',
    updatedAt: '2026-03-12T10:00:00Z',
    followUpClosedAt: null,
  } as Session;
}

function install(extra: FakeHandlers = {}) {
  bridge = installFakeApi({
    'journal.create': (input) => stored(input),
    'journal.update': (input) => stored(input.session),
    'communes.search': () => [PARIS],
    'communes.get': () => PARIS,
    ...extra,
  });
}

function renderEditor(mode: EditorMode) {
  return renderWithStatus(<SessionEditor mode={mode} />);
}

/** The single input sent to a method, checked against the contract. */
function sent(method: 'journal.create' | 'journal.update'): Record<string, unknown> {
  const calls = bridge[method]!.mock.calls;
  expect(calls).toHaveLength(1);
  return calls[0]![0] as Record<string, unknown>;
}

beforeAll(() => {
  initAppI18n('fr');
});

const ALL_SECTIONS = ['details', 'when', 'equipment', 'followUp', 'person', 'breakdown', 'notes'];
const OPEN_KEY = 'mediane.journal.editor.open';

beforeEach(() => {
  window.location.hash = '#/seance/nouvelle';
  sessionStorage.clear();
  // Most tests are about the fields, not the folding: every section starts open as on a desk that opened them all.
  // The folding itself is tested in "shaped by the site", which starts from a new desk.
  localStorage.setItem(OPEN_KEY, JSON.stringify(ALL_SECTIONS));
  install();
});

afterEach(() => {
  cleanup();
});

const today = () => localDate(new Date());

describe('SessionEditor: new individual session', () => {
  it('builds the right SessionInput from a quick entry and goes back to the journal', async () => {
    const user = userEvent.setup();
    renderEditor({ type: 'new', kind: 'individuel', timerId: null, durationMin: null });

    expect(await screen.findByRole('heading', { level: 1, name: 'Nouvelle séance' })).toBeTruthy();
    expect((screen.getByLabelText(/Date de la séance/) as HTMLInputElement).value).toBe(today());
    expect((screen.getByRole('radio', { name: "Lieu d'activité" }) as HTMLInputElement).checked).toBe(true);

    await user.click(screen.getByRole('radio', { name: '30 min' }));
    await user.click(screen.getByRole('checkbox', { name: 'Ordinateur' }));
    await user.click(screen.getByRole('checkbox', { name: 'E-mail' }));
    await user.click(screen.getByRole('radio', { name: 'Autonome (3/3)' }));
    await user.click(screen.getByRole('radio', { name: 'Démarche finalisée' }));
    await user.selectOptions(screen.getByLabelText('Tranche d’âge'), 'soixante_dix_plus');
    const firstVisit = screen.getByRole('group', { name: /Première venue/ });
    await user.click(within(firstVisit).getByRole('radio', { name: 'Oui' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer la séance' }));

    await waitFor(() => expect(bridge['journal.create']!).toHaveBeenCalled());
    const input = sent('journal.create');
    expect(SessionInput.safeParse(input).success).toBe(true);
    expect(input).toEqual({
      kind: 'individuel',
      date: today(),
      startTime: null,
      durationMin: 30,
      channel: 'lieu_activite',
      equipment: ['ordinateur'],
      topics: ['email'],
      adminTopics: [],
      operators: [],
      procedureName: '',
      outcome: 'finalisee',
      orientation: null,
      followUp: null,
      notes: '',
      autonomy: 'autonome',
      person: {
        ageBracket: 'soixante_dix_plus',
        gender: 'non_communique',
        status: 'non_communique',
        communeCode: null,
        firstVisit: true,
      },
    });
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/journal\?enregistree=[0-9a-f-]{36}$/));
    expect(notices.currentNotice()).toMatchObject({
      tone: 'success',
      message: { key: 'journal:editor.flash.created' },
    });
    expect(notices.noticeText(notices.currentNotice()!.message)).toBe('La séance a été enregistrée.');
  });

  it('reveals the admin sub-topics, the operators of the desk and the procedure name with the admin topic', async () => {
    const user = userEvent.setup();
    renderEditor({ type: 'new', kind: 'individuel' });
    await screen.findByRole('heading', { level: 1 });

    expect(screen.queryByRole('group', { name: /Organismes concernés/ })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Aide aux démarches administratives' }));

    const operators = screen.getByRole('group', { name: /Organismes concernés/ });
    const names = within(operators)
      .getAllByRole('checkbox')
      .map((c) => c.getAttribute('id'));
    expect(names).toEqual(STATUS.operators.map((op) => `session-operators-${op}`));
    expect(within(operators).getByRole('checkbox', { name: 'Finances publiques (impots.gouv)' })).toBeTruthy();

    await user.click(within(operators).getByRole('checkbox', { name: 'CAF' }));
    await user.click(screen.getByRole('checkbox', { name: 'Social - Santé' }));
    await user.type(screen.getByLabelText(/Nom de la démarche/), 'Demande de prime d’activité');
    await user.click(screen.getByRole('radio', { name: '45 min' }));
    await user.click(screen.getByRole('radio', { name: 'Orientée vers une autre structure' }));
    await user.selectOptions(screen.getByLabelText(/Structure vers laquelle/), 'aide_sociale');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la séance' }));

    await waitFor(() => expect(bridge['journal.create']!).toHaveBeenCalled());
    expect(sent('journal.create')).toMatchObject({
      durationMin: 45,
      topics: ['aide_aux_demarches_administratives'],
      adminTopics: ['social_sante'],
      operators: ['caf'],
      procedureName: 'Demande de prime d’activité',
      outcome: 'oriente_vers_structure',
      orientation: 'aide_sociale',
    });
  });

  it('hides the admin details again when the admin topic is unticked and does not send them', async () => {
    const user = userEvent.setup();
    renderEditor({ type: 'new', kind: 'individuel' });
    await screen.findByRole('heading', { level: 1 });
    const admin = screen.getByRole('checkbox', { name: 'Aide aux démarches administratives' });
    await user.click(admin);
    await user.click(screen.getByRole('checkbox', { name: 'CAF' }));
    await user.click(admin);
    expect(screen.queryByRole('group', { name: /Organismes concernés/ })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Bureautique' }));
    await user.click(screen.getByRole('radio', { name: '15 min' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer la séance' }));
    await waitFor(() => expect(bridge['journal.create']!).toHaveBeenCalled());
    expect(sent('journal.create')).toMatchObject({
      topics: ['bureautique'],
      adminTopics: [],
      operators: [],
      procedureName: '',
    });
  });

  it('asks for the reason of a follow-up and sends it with its date', async () => {
    const user = userEvent.setup();
    renderEditor({ type: 'new', kind: 'individuel' });
    await screen.findByRole('heading', { level: 1 });
    await user.click(screen.getByRole('radio', { name: '1 h' }));
    await user.click(screen.getByRole('checkbox', { name: 'Santé' }));
    await user.click(screen.getByRole('checkbox', { name: 'Prévoir une relance' }));
    const due = screen.getByLabelText(/Date de relance/) as HTMLInputElement;
    expect(due.value > today()).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Enregistrer la séance' }));
    // Client-side check: the reason is required; nothing is sent.
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(bridge['journal.create']!).not.toHaveBeenCalled();
    const reason = screen.getByLabelText(/Motif de la relance/);
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    await user.type(reason, 'Vérifier la réponse de la CAF');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la séance' }));
    await waitFor(() => expect(bridge['journal.create']!).toHaveBeenCalled());
    expect(sent('journal.create')).toMatchObject({
      durationMin: 60,
      followUp: { dueDate: due.value, reason: 'Vérifier la réponse de la CAF' },
    });
  });
});

describe('SessionEditor: workshop', () => {
  it('records a workshop with its counts, computes the remainder and flags a breakdown above the total', async () => {
    const user = userEvent.setup();
    renderEditor({ type: 'new', kind: 'collectif' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nouvelle séance' })).toBeTruthy();
    expect(screen.queryByRole('group', { name: /La personne/ })).toBeNull();
    expect(screen.queryByRole('group', { name: /Autonomie/ })).toBeNull();
    // A workshop has no outcome nor follow-up to record.
    expect(screen.queryByRole('group', { name: /Issue de la démarche/ })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: 'Prévoir une relance' })).toBeNull();
    // Its title and participants come first, before the duration and the topics.
    const order = ['Titre de l’atelier', 'Nombre de participants'].map((l) => screen.getByLabelText(new RegExp(l)));
    const duration = screen.getByRole('radio', { name: '15 min' });
    expect(order[0]!.compareDocumentPosition(order[1]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(order[1]!.compareDocumentPosition(duration) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await user.click(screen.getByRole('radio', { name: '1 h 30' }));
    await user.click(screen.getByRole('checkbox', { name: 'E-mail' }));
    await user.type(screen.getByLabelText(/Titre de l’atelier/), 'Découvrir la messagerie');
    await user.click(screen.getByRole('radio', { name: 'Débutant' }));
    await user.type(screen.getByLabelText(/Nombre de participants/), '8');
    await user.type(screen.getByRole('spinbutton', { name: 'Femme : nombre de participants' }), '5');
    await user.type(screen.getByRole('spinbutton', { name: 'Homme : nombre de participants' }), '2');

    const byGender = screen.getByRole('table', { name: 'Par genre' });
    expect(within(byGender).getByRole('status').textContent).toBe('1');

    const age = screen.getByRole('spinbutton', { name: '25 - 39 ans : nombre de participants' });
    await user.type(age, '10');
    const byAge = screen.getByRole('table', { name: 'Par tranche d’âge' });
    expect(within(byAge).getByRole('status').textContent).toBe('-2');
    expect(screen.getByText('La répartition dépasse le nombre de participants.')).toBeTruthy();
    expect(age.getAttribute('aria-invalid')).toBe('true');

    // Saving with a breakdown above the total is refused before any call.
    await user.click(screen.getByRole('button', { name: 'Enregistrer la séance' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(bridge['journal.create']!).not.toHaveBeenCalled();

    await user.clear(age);
    await user.type(age, '3');
    expect(screen.queryByText('La répartition dépasse le nombre de participants.')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Enregistrer la séance' }));

    await waitFor(() => expect(bridge['journal.create']!).toHaveBeenCalled());
    const input = sent('journal.create');
    expect(SessionInput.safeParse(input).success).toBe(true);
    expect(input).not.toHaveProperty('person');
    expect(input).not.toHaveProperty('autonomy');
    expect(input).toMatchObject({
      kind: 'collectif',
      durationMin: 90,
      topics: ['email'],
      workshop: {
        title: 'Découvrir la messagerie',
        level: 'debutant',
        participants: 8,
        byGender: { feminin: 5, masculin: 2, non_communique: 1 },
        byAge: { vingt_cinq_trente_neuf: 3, non_communique: 5 },
        byStatus: { non_communique: 8 },
      },
    });
  });

  it('switches between individual and workshop in new mode, keeping the common fields', async () => {
    const user = userEvent.setup();
    renderEditor({ type: 'new', kind: 'individuel' });
    await screen.findByRole('heading', { level: 1, name: 'Nouvelle séance' });
    await user.click(screen.getByRole('checkbox', { name: 'Bureautique' }));
    await user.click(screen.getByRole('radio', { name: 'Démarche finalisée' }));
    await user.click(screen.getByRole('checkbox', { name: 'Prévoir une relance' }));
    await user.click(screen.getByRole('radio', { name: 'Atelier collectif' }));
    // One screen, one name, whatever the kind.
    expect(screen.getByRole('heading', { level: 1, name: 'Nouvelle séance' })).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Bureautique' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByLabelText(/Titre de l’atelier/)).toBeTruthy();
    // The outcome and follow-up chosen before the switch are not sent with a workshop the form never shows them for.
    await user.click(screen.getByRole('radio', { name: '1 h' }));
    await user.type(screen.getByLabelText(/Titre de l’atelier/), 'Traitement de texte');
    await user.type(screen.getByLabelText(/Nombre de participants/), '4');
    await user.click(screen.getByRole('radio', { name: 'Débutant' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer la séance' }));
    await waitFor(() => expect(bridge['journal.create']!).toHaveBeenCalled());
    expect(sent('journal.create')).toMatchObject({ kind: 'collectif', outcome: null, followUp: null });
  });
});

describe('SessionEditor: notes and personal data', () => {
  it('warns about a phone number in the note and masks it on request', async () => {
    const user = userEvent.setup();
    renderEditor({ type: 'new', kind: 'individuel' });
    await screen.findByRole('heading', { level: 1 });
    const notes = screen.getByLabelText(/^Note/) as HTMLTextAreaElement;
    await user.type(notes, 'Rappeler au 06 12 34 56 78 demain');

    const warning = await screen.findByText(/Cette note semble contenir : un numéro de téléphone/);
    const region = warning.closest('[aria-live="polite"]');
    expect(region).not.toBeNull();
    expect(warning.closest('.fr-alert--warning')).not.toBeNull();
    expect(notes.getAttribute('aria-describedby')).toContain('session-notes-warning');

    await user.click(screen.getByRole('button', { name: 'Masquer ces données' }));
    expect(notes.value).toBe('Rappeler au [téléphone masqué] demain');
    expect(screen.queryByText(/Cette note semble contenir/)).toBeNull();
    expect(screen.getByText('Les données repérées ont été masquées.')).toBeTruthy();
    expect(document.activeElement).toBe(notes);
  });

  it('names every kind found and still lets the mediator save', async () => {
    const user = userEvent.setup();
    renderEditor({ type: 'new', kind: 'individuel' });
    await screen.findByRole('heading', { level: 1 });
    const notes = screen.getByLabelText(/^Note/);
    await user.type(notes, 'Écrire à jean.dupont@example.fr, habite 12 rue des Lilas');
    expect(await screen.findByText(/une adresse e-mail et une adresse postale/)).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: '15 min' }));
    await user.click(screen.getByRole('checkbox', { name: 'E-mail' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer la séance' }));
    await waitFor(() => expect(bridge['journal.create']!).toHaveBeenCalled());
    expect(sent('journal.create').notes).toBe('Écrire à jean.dupont@example.fr, habite 12 rue des Lilas');
  });
});

describe('SessionEditor: refused saves', () => {
  it('shows the core’s refusal in a focused alert and next to each field, keeping what was typed', async () => {
    const user = userEvent.setup();
    install({
      'journal.create': () => {
        throw new FakeFailure({
          code: 'invalid_input',
          issues: [
            { path: 'durationMin', message: 'journal.durationTooLong' },
            { path: 'person.communeCode', message: 'journal.communeInvalid' },
          ],
        });
      },
    });
    renderEditor({ type: 'new', kind: 'individuel' });
    await screen.findByRole('heading', { level: 1 });
    await user.click(screen.getByRole('radio', { name: '2 h' }));
    await user.click(screen.getByRole('checkbox', { name: 'Culture numérique' }));
    await user.type(screen.getByLabelText(/^Note/), 'Atelier à prévoir');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la séance' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('La séance n’a pas été enregistrée');
    expect(alert.textContent).toContain('Rien n’a été enregistré');
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(within(alert).getByRole('link', { name: /Durée : Une séance ne peut pas dépasser 23 h 59/ })).toBeTruthy();

    const duration = screen.getByRole('group', { name: /Durée/ });
    expect(duration.getAttribute('aria-invalid')).toBe('true');
    const describedBy = duration.getAttribute('aria-describedby') ?? '';
    expect(describedBy).toContain('session-duration-error');
    expect(document.getElementById('session-duration-error')?.textContent).toBe(
      'Une séance ne peut pas dépasser 23 h 59.',
    );

    const commune = screen.getByRole('combobox', { name: /Commune de résidence/ });
    expect(commune.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(commune.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Choisissez une commune dans la liste.',
    );

    // Nothing typed is lost.
    expect((screen.getByRole('radio', { name: '2 h' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Culture numérique' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText(/^Note/) as HTMLTextAreaElement).value).toBe('Atelier à prévoir');
    expect(window.location.hash).toBe('#/seance/nouvelle');

    // The link of the summary takes the keyboard to the field.
    await user.click(within(alert).getByRole('link', { name: /Durée/ }));
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: '2 h' }));
  });

  it('checks the obvious before calling the core: a topic and a duration', async () => {
    const user = userEvent.setup();
    renderEditor({ type: 'new', kind: 'individuel' });
    await screen.findByRole('heading', { level: 1 });
    await user.click(screen.getByRole('button', { name: 'Enregistrer la séance' }));
    const alert = await screen.findByRole('alert');
    expect(bridge['journal.create']!).not.toHaveBeenCalled();
    expect(
      within(alert).getByRole('link', { name: /Thématiques d’accompagnement : Choisissez au moins une thématique/ }),
    ).toBeTruthy();
    expect(within(alert).getByRole('link', { name: /Durée : Choisissez une durée/ })).toBeTruthy();
    expect(screen.getByRole('group', { name: /Thématiques d’accompagnement/ }).getAttribute('aria-invalid')).toBe(
      'true',
    );
  });

  it('shows a failure that is not about a field and allows another try', async () => {
    const user = userEvent.setup();
    let fail = true;
    install({
      'journal.create': (input) => {
        if (fail) throw new FakeFailure({ code: 'storage_unavailable' });
        return stored(input);
      },
    });
    renderEditor({ type: 'new', kind: 'individuel' });
    await screen.findByRole('heading', { level: 1 });
    await user.click(screen.getByRole('radio', { name: '15 min' }));
    await user.click(screen.getByRole('checkbox', { name: 'Santé' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer la séance' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Les données de Médiane sont indisponibles');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Enregistrer la séance' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/journal\?enregistree=[0-9a-f-]{36}$/));
  });
});

describe('SessionEditor: live timer', () => {
  it('prefills the timed duration and sends the timer id, with Ctrl+Enter from a field', async () => {
    const user = userEvent.setup();
    renderEditor({ type: 'new', kind: 'individuel', timerId: TIMER_ID, durationMin: 37 });
    await screen.findByRole('heading', { level: 1 });
    expect((screen.getByRole('radio', { name: 'Autre durée' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText(/Durée en minutes/) as HTMLInputElement).value).toBe('37');
    expect(screen.getByText(/Durée mesurée par le chronomètre/)).toBeTruthy();

    const topic = screen.getByRole('checkbox', { name: 'Navigation sur internet' });
    await user.click(topic);
    topic.focus();
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => expect(bridge['journal.create']!).toHaveBeenCalled());
    const input = sent('journal.create');
    expect(SessionInput.safeParse(input).success).toBe(true);
    expect(input).toMatchObject({ liveId: TIMER_ID, durationMin: 37, topics: ['navigation_sur_internet'] });
  });

  it('picks the matching preset when the timed duration is one', async () => {
    renderEditor({ type: 'new', kind: 'individuel', timerId: TIMER_ID, durationMin: 45 });
    await screen.findByRole('heading', { level: 1 });
    expect((screen.getByRole('radio', { name: '45 min' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByLabelText(/Durée en minutes/)).toBeNull();
  });

  it('does not save on a plain Enter in a field', async () => {
    const user = userEvent.setup();
    renderEditor({ type: 'new', kind: 'individuel', timerId: TIMER_ID, durationMin: 20 });
    await screen.findByRole('heading', { level: 1 });
    await user.click(screen.getByRole('checkbox', { name: 'Bureautique' }));
    await user.type(screen.getByLabelText(/Durée en minutes/), '{Enter}');
    expect(bridge['journal.create']!).not.toHaveBeenCalled();
  });
});

const STORED: Session = {
  id: SESSION_ID,
  kind: 'individuel',
  date: '2026-03-12',
  startTime: '14:30',
  durationMin: 50,
  channel: 'a_distance',
  equipment: ['telephone'],
  topics: ['aide_aux_demarches_administratives'],
  adminTopics: ['logement'],
  operators: ['caf', 'ancien_operateur'],
  procedureName: 'Aide au logement',
  outcome: 'oriente_vers_structure',
  orientation: 'aide_sociale',
  followUp: { dueDate: '2026-03-19', reason: 'Vérifier le dossier' },
  notes: 'RAS',
  autonomy: 'partiellement_autonome',
  person: {
    ageBracket: 'soixante_dix_plus',
    gender: 'feminin',
    status: 'retraite',
    communeCode: '75056',
    firstVisit: false,
  },
  taxonomyVersion: 'test',
  createdAt: '2026-03-12T10:00:00Z',
  updatedAt: '2026-03-12T10:00:00Z',
  followUpClosedAt: null,
};

describe('SessionEditor: edit', () => {
  it('loads a session, shows it, and saves it back with journal.update', async () => {
    const user = userEvent.setup();
    install({ 'journal.get': () => STORED });
    renderEditor({ type: 'edit', id: SESSION_ID });

    expect(await screen.findByRole('heading', { level: 1, name: 'Modifier la séance' })).toBeTruthy();
    expect(await screen.findByDisplayValue('Aide au logement')).toBeTruthy();
    expect(screen.queryByRole('group', { name: /Type de séance/ })).toBeNull();
    expect(screen.getByText('Type de séance : Accompagnement individuel')).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Autre durée' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('combobox', { name: /Commune de résidence/ }) as HTMLInputElement).value).toBe(
      'Paris (75)',
    );
    // An operator no longer offered by the desk stays visible and ticked, so an edit never drops it silently.
    expect((screen.getByRole('checkbox', { name: 'ancien_operateur' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('link', { name: 'Annuler' }).getAttribute('href')).toBe('#/journal');

    await user.click(screen.getByRole('radio', { name: '1 h' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer la séance' }));
    await waitFor(() => expect(bridge['journal.update']!).toHaveBeenCalled());
    const call = sent('journal.update') as { id: string; session: Record<string, unknown> };
    expect(call.id).toBe(SESSION_ID);
    expect(call.session).not.toHaveProperty('liveId');
    expect(call.session).toMatchObject({
      kind: 'individuel',
      date: '2026-03-12',
      startTime: '14:30',
      durationMin: 60,
      channel: 'a_distance',
      operators: ['caf', 'ancien_operateur'],
      orientation: 'aide_sociale',
      followUp: { dueDate: '2026-03-19', reason: 'Vérifier le dossier' },
      notes: 'RAS',
      autonomy: 'partiellement_autonome',
      person: {
        ageBracket: 'soixante_dix_plus',
        gender: 'feminin',
        status: 'retraite',
        communeCode: '75056',
        firstVisit: false,
      },
    });
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/journal\?enregistree=[0-9a-f-]{36}$/));
    expect(notices.noticeText(notices.currentNotice()!.message)).toBe('La séance a été modifiée.');
  });

  it('shows a loading state while the session is read', async () => {
    install({ 'journal.get': () => new Promise(() => {}) });
    renderEditor({ type: 'edit', id: SESSION_ID });
    expect(await screen.findByText('Chargement de la séance…')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Modifier la séance' })).toBeTruthy();
  });

  it('says so when the session does not exist', async () => {
    install({
      'journal.get': () => {
        throw new FakeFailure({ code: 'not_found', messageKey: 'journal.notFound' });
      },
    });
    renderEditor({ type: 'edit', id: SESSION_ID });
    expect(await screen.findByRole('heading', { level: 1, name: 'Séance introuvable' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('introuvable');
    expect(screen.getByRole('link', { name: 'Retour au journal' }).getAttribute('href')).toBe('#/journal');
  });

  it('loads a workshop with its counts', async () => {
    install({
      'journal.get': () =>
        ({
          ...STORED,
          kind: 'collectif',
          workshop: {
            title: 'Premiers pas',
            level: 'intermediaire',
            participants: 6,
            byGender: { feminin: 4, non_communique: 2 },
            byAge: {},
            byStatus: {},
          },
        }) as unknown as Session,
    });
    renderEditor({ type: 'edit', id: SESSION_ID });
    expect(await screen.findByDisplayValue('Premiers pas')).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Intermédiaire' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('spinbutton', { name: 'Femme : nombre de participants' }) as HTMLInputElement).value).toBe(
      '4',
    );
    expect(within(screen.getByRole('table', { name: 'Par genre' })).getByRole('status').textContent).toBe('2');
  });
});

describe('editor model', () => {
  it('never sends admin details without the admin topic, nor an orientation without that outcome', () => {
    const form = {
      ...emptyForm('individuel', '2026-03-12', 30),
      topics: ['email' as const],
      adminTopics: ['logement' as const],
      operators: ['caf'],
      procedureName: 'x',
      orientation: 'autre' as const,
    };
    expect(checkForm(form)).toEqual([]);
    const input = buildInput(form, null);
    expect(input).toMatchObject({ adminTopics: [], operators: [], procedureName: '', orientation: null });
    expect(SessionInput.safeParse(input).success).toBe(true);
  });

  it('flags a custom duration above 23 h 59 and a follow-up before the session', () => {
    const form = {
      ...emptyForm('individuel', '2026-03-12', 1500),
      topics: ['email' as const],
      followUpOn: true,
      followUpDue: '2026-03-01',
      followUpReason: 'ok',
    };
    expect(checkForm(form).map((i) => i.path)).toEqual(['durationMin', 'followUp.dueDate']);
  });

  it('takes its rules from the shared schema: a note too long is flagged before any call, with the schema’s key', () => {
    const form = { ...emptyForm('individuel', '2026-03-12', 30), topics: ['email' as const], notes: 'x'.repeat(5001) };
    expect(checkForm(form)).toEqual([{ path: 'notes', key: 'errors:journal.notesTooLong' }]);
  });

  it('says what the form still needs rather than the schema’s generic message, listed in the order of the form', () => {
    expect(checkForm(emptyForm('collectif', '2026-03-12'))).toEqual([
      { path: 'workshop.title', key: 'errors:journal.workshopTitleRequired' },
      { path: 'workshop.participants', key: 'errors:journal.participantsRequired' },
      { path: 'workshop.level', key: 'journal:editor.check.levelRequired' },
      { path: 'topics', key: 'errors:journal.topicRequired' },
      { path: 'durationMin', key: 'journal:editor.check.durationRequired' },
    ]);
    const individual = { ...emptyForm('individuel', '2026-03-12'), followUpOn: true };
    expect(checkForm(individual).map((i) => i.path)).toEqual([
      'topics',
      'durationMin',
      'followUp.dueDate',
      'followUp.reason',
    ]);
  });

  it('defaults a follow-up to a week from today, even for a back-dated session, never before the session', () => {
    expect(defaultFollowUpDue('2026-01-05', '2026-03-12')).toBe('2026-03-19');
    expect(defaultFollowUpDue('2026-03-12', '2026-03-12')).toBe('2026-03-19');
    expect(defaultFollowUpDue('2026-04-01', '2026-03-12')).toBe('2026-04-01');
  });

  it('refuses a follow-up due before today for a new session, not for an edit of an older one', () => {
    const form = {
      ...emptyForm('individuel', '2026-01-05', 30),
      topics: ['email' as const],
      followUpOn: true,
      followUpDue: '2026-01-12',
      followUpReason: 'Rappeler',
    };
    expect(checkForm(form, { today: '2026-03-12', isNew: true })).toEqual([
      { path: 'followUp.dueDate', key: 'journal:editor.check.followUpInPast' },
    ]);
    expect(checkForm({ ...form, followUpDue: '2026-03-12' }, { today: '2026-03-12', isNew: true })).toEqual([]);
    expect(checkForm(form, { today: '2026-03-12', isNew: false })).toEqual([]);
  });

  it('a copy keeps the what, dated today, without its time, notes or follow-up', () => {
    const copy = duplicateForm(STORED, PARIS, '2026-04-02');
    expect(copy).toMatchObject({
      date: '2026-04-02',
      startTime: '',
      notes: '',
      followUpOn: false,
      followUpDue: '',
      followUpReason: '',
    });
    expect(copy).toMatchObject({
      topics: STORED.topics,
      operators: STORED.operators,
      procedureName: STORED.procedureName,
      outcome: STORED.outcome,
      channel: STORED.channel,
    });
    expect(copy.person.commune).toEqual(PARIS);
  });

  it('reads a duration typed as text that is not a number as an invalid duration', () => {
    const form = {
      ...emptyForm('individuel', '2026-03-12'),
      topics: ['email' as const],
      duration: 'other' as const,
      durationOther: 'une heure',
    };
    expect(checkForm(form)).toEqual([{ path: 'durationMin', key: 'errors:journal.durationInvalid' }]);
  });
});

const SITE: SiteProfile = {
  id: '7d1f6c0e-1b7a-4c6e-9d7e-2f0a1b2c3d4e',
  name: 'France Services de Lunel',
  siteType: 'france_services',
  communeCode: '34145',
  communeName: 'Lunel',
  postcode: '34400',
  street: '',
  siret: '',
  services: [],
  programmes: [],
  trainingLabels: [],
  mediatorName: '',
  createdAt: '2026-06-01T09:00:00.000Z',
  updatedAt: '2026-06-01T09:00:00.000Z',
};

function installAt(siteType: SiteProfile['siteType'], extra: FakeHandlers = {}) {
  install({ 'app.status': () => ({ ...STATUS, setupDone: true, site: { ...SITE, siteType } }), ...extra });
}

const folded = (title: string) => screen.getByRole('button', { name: title }).getAttribute('aria-expanded') === 'false';

describe('SessionEditor: shaped by the site', () => {
  beforeEach(() => {
    // A new desk: nothing opened yet.
    localStorage.clear();
  });

  it('at a France Services site, the operators come first and ticking one ticks administrative help', async () => {
    const user = userEvent.setup();
    installAt('france_services');
    renderEditor({ type: 'new', kind: 'individuel' });
    await screen.findByRole('heading', { level: 1, name: 'Nouvelle séance' });
    // Visible without ticking anything; the topics and the rare fields are folded.
    const operators = screen.getByRole('group', { name: /Aide aux démarches administratives : organismes concernés/ });
    expect(screen.queryByRole('group', { name: /Thématiques d’accompagnement/ })).toBeNull();
    for (const title of [
      'Autres thématiques et détail de la démarche',
      'Date, heure et lieu',
      'Matériel et autonomie',
      'Relance',
      'La personne',
      'Notes',
    ]) {
      expect(folded(title)).toBe(true);
    }
    // The common path: operator, duration, outcome, save.
    await user.click(within(operators).getByRole('checkbox', { name: 'CAF' }));
    await user.click(screen.getByRole('radio', { name: '30 min' }));
    await user.click(screen.getByRole('radio', { name: 'Démarche finalisée' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer la séance' }));
    await waitFor(() => expect(bridge['journal.create']!).toHaveBeenCalled());
    expect(sent('journal.create')).toMatchObject({
      date: today(),
      durationMin: 30,
      topics: ['aide_aux_demarches_administratives'],
      operators: ['caf'],
      outcome: 'finalisee',
    });
  });

  it('at a France Services site, unticking administrative help in the other topics clears the operators it carried', async () => {
    const user = userEvent.setup();
    installAt('france_services');
    renderEditor({ type: 'new', kind: 'individuel' });
    await screen.findByRole('heading', { level: 1 });
    await user.click(screen.getByRole('checkbox', { name: 'Assurance Maladie (CPAM)' }));
    await user.click(screen.getByRole('button', { name: 'Autres thématiques et détail de la démarche' }));
    const admin = screen.getByRole('checkbox', { name: 'Aide aux démarches administratives' }) as HTMLInputElement;
    expect(admin.checked).toBe(true);
    await user.click(admin);
    expect((screen.getByRole('checkbox', { name: 'Assurance Maladie (CPAM)' }) as HTMLInputElement).checked).toBe(
      false,
    );
  });

  it('at a médiathèque, the digital topics come first and the operators wait for the administrative-help topic', async () => {
    installAt('mediatheque');
    renderEditor({ type: 'new', kind: 'individuel' });
    await screen.findByRole('heading', { level: 1 });
    const topics = screen.getByRole('group', { name: /Thématiques d’accompagnement/ });
    const boxes = within(topics).getAllByRole('checkbox');
    expect(boxes[0]!.getAttribute('id')).toBe('session-topics-diagnostic_numerique');
    expect(boxes.at(-1)!.getAttribute('id')).toBe('session-topics-aide_aux_demarches_administratives');
    expect(screen.queryByRole('group', { name: /Organismes concernés/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Autres thématiques et détail de la démarche' })).toBeNull();
  });

  it('a section opened once stays open for the next session on this desk', async () => {
    const user = userEvent.setup();
    installAt('france_services');
    const first = renderEditor({ type: 'new', kind: 'individuel' });
    await screen.findByRole('heading', { level: 1 });
    await user.click(screen.getByRole('button', { name: 'La personne' }));
    expect(folded('La personne')).toBe(false);
    expect(screen.getByRole('combobox', { name: /Commune de résidence/ })).toBeTruthy();
    first.unmount();
    renderEditor({ type: 'new', kind: 'individuel' });
    await screen.findByRole('heading', { level: 1 });
    expect(folded('La personne')).toBe(false);
    expect(folded('Notes')).toBe(true);
    // Closing it is remembered too.
    await user.click(screen.getByRole('button', { name: 'La personne' }));
    expect(JSON.parse(localStorage.getItem(OPEN_KEY) ?? '[]')).toEqual([]);
  });

  it('opens the folded section holding a field the save was refused for, so that its link leads somewhere', async () => {
    const user = userEvent.setup();
    installAt('france_services');
    renderEditor({ type: 'new', kind: 'individuel' });
    await screen.findByRole('heading', { level: 1 });
    await user.click(screen.getByRole('radio', { name: '30 min' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer la séance' }));
    const alert = await screen.findByRole('alert');
    expect(bridge['journal.create']!).not.toHaveBeenCalled();
    expect(folded('Autres thématiques et détail de la démarche')).toBe(false);
    await user.click(within(alert).getByRole('link', { name: /Thématiques d’accompagnement/ }));
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Diagnostic numérique' }));
  });

  it('a back-dated session gets a follow-up a week from today, and a past due date is refused', async () => {
    const user = userEvent.setup();
    installAt('france_services');
    renderEditor({ type: 'new', kind: 'individuel' });
    await screen.findByRole('heading', { level: 1 });
    await user.click(screen.getByRole('checkbox', { name: 'CAF' }));
    await user.click(screen.getByRole('radio', { name: '30 min' }));
    await user.click(screen.getByRole('button', { name: 'Date, heure et lieu' }));
    const date = screen.getByLabelText(/Date de la séance/);
    await user.clear(date);
    await user.type(date, '2026-01-05');
    await user.click(screen.getByRole('button', { name: 'Relance' }));
    await user.click(screen.getByRole('checkbox', { name: 'Prévoir une relance' }));
    const due = screen.getByLabelText(/Date de relance/) as HTMLInputElement;
    expect(due.value).toBe(addDays(today(), 7));
    expect(due.min).toBe(today());
    await user.type(screen.getByLabelText(/Motif de la relance/), 'Vérifier la réponse');
    await user.clear(due);
    await user.type(due, '2026-01-12');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la séance' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('link', { name: /Date de relance : La date de relance est passée/ })).toBeTruthy();
    expect(bridge['journal.create']!).not.toHaveBeenCalled();
  });
});

describe('SessionEditor: duplicate', () => {
  it('opens a new session prefilled from the source and writes nothing until it is saved', async () => {
    const user = userEvent.setup();
    install({ 'journal.get': () => STORED });
    renderEditor({ type: 'new', kind: 'individuel', sourceId: SESSION_ID });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nouvelle séance' })).toBeTruthy();
    expect(await screen.findByDisplayValue('Aide au logement')).toBeTruthy();
    expect(screen.getByText(/Copie de la séance du 12\/03\/2026/)).toBeTruthy();
    expect((screen.getByLabelText(/Date de la séance/) as HTMLInputElement).value).toBe(today());
    expect((screen.getByLabelText(/^Note/) as HTMLTextAreaElement).value).toBe('');
    expect((screen.getByRole('checkbox', { name: 'Prévoir une relance' }) as HTMLInputElement).checked).toBe(false);
    expect(bridge['journal.get']!).toHaveBeenCalledWith({ id: SESSION_ID });
    // Cancelling is leaving: nothing was written.
    expect(screen.getByRole('link', { name: 'Annuler' }).getAttribute('href')).toBe('#/journal');
    expect(bridge['journal.create']!).not.toHaveBeenCalled();
    expect(bridge['journal.update']!).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Enregistrer la séance' }));
    await waitFor(() => expect(bridge['journal.create']!).toHaveBeenCalled());
    expect(bridge['journal.update']!).not.toHaveBeenCalled();
    expect(sent('journal.create')).toMatchObject({
      date: today(),
      startTime: null,
      notes: '',
      followUp: null,
      procedureName: 'Aide au logement',
      operators: ['caf', 'ancien_operateur'],
    });
  });
});
