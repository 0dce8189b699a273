// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localDate } from '../../../shared/ids';
import { SessionInput, type Session } from '../../../shared/journal/schema';
import type { Template, TemplateFields } from '../../../shared/journal/templates';
import { initAppI18n } from '../../app/features';
import { installFakeApi, renderWithStatus, type FakeApi } from '../../test-kit';
import { SessionEditor } from './SessionEditor';

// The picker at the top of a new session and "Enregistrer comme modèle" on a saved one, against a fake core whose
// create parses what the editor sends with the contract's schema.

const SESSION_ID = '11111111-1111-4111-8111-111111111111';
const fields = (over: Partial<TemplateFields>): TemplateFields => ({
  kind: 'individuel',
  durationMin: 30,
  channel: 'lieu_activite',
  equipment: [],
  topics: ['aide_aux_demarches_administratives'],
  adminTopics: ['social_sante'],
  operators: ['caf'],
  procedureName: 'Prime d’activité',
  outcome: 'finalisee',
  orientation: null,
  autonomy: null,
  workshopTitle: null,
  workshopLevel: null,
  ...over,
});
const template = (id: string, name: string, f: TemplateFields): Template => ({
  id,
  name,
  fields: f,
  createdAt: '2026-03-01T10:00:00Z',
  updatedAt: '2026-03-01T10:00:00Z',
});
const TEMPLATES = [
  template('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa1', 'CAF - prime d’activité', fields({})),
  template(
    'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa2',
    'CPAM - carte Vitale',
    fields({ operators: ['cpam'], durationMin: 45, procedureName: 'Carte Vitale', outcome: 'doit_revenir' }),
  ),
];
const LAST = fields({
  operators: ['ants'],
  adminTopics: ['papiers_elections_citoyennete'],
  durationMin: 15,
  procedureName: '',
  outcome: 'a_finaliser_en_autonomie',
});

let bridge: FakeApi;
function stored(input: unknown): Session {
  const { liveId: _l, ...data } = SessionInput.parse(input);
  return {
    ...data,
    id: SESSION_ID,
    taxonomyVersion: 't',
    createdAt: '2026-03-12T10:00:00Z',
    updatedAt: '2026-03-12T10:00:00Z',
    followUpClosedAt: null,
  } as Session;
}

beforeAll(() => initAppI18n('fr'));
beforeEach(() => {
  window.location.hash = '#/seance/nouvelle';
  bridge = installFakeApi({
    'journal.create': (input) => stored(input),
    'journal.templates': () => TEMPLATES,
    'journal.memory': () => ({
      last: LAST,
      suggestions: [{ fields: fields({ operators: ['dgfip'], durationMin: 60, procedureName: '' }), count: 7 }],
    }),
    'journal.get': () =>
      stored({
        kind: 'individuel',
        date: '2026-03-10',
        durationMin: 30,
        channel: 'lieu_activite',
        topics: ['aide_aux_demarches_administratives'],
        operators: ['caf'],
        procedureName: 'Demande de RSA',
        outcome: 'finalisee',
        notes: 'Mme X',
      }),
    'journal.createTemplate': (input) =>
      template('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa3', input.name.trim(), fields({})),
  });
});
afterEach(() => cleanup());

const sentCreate = () => bridge['journal.create'].mock.calls[0]![0] as Record<string, unknown>;

describe('TemplatePicker', () => {
  it('fills the form from a template in one click; the normal save sends it, with today’s date and no person', async () => {
    const user = userEvent.setup();
    renderWithStatus(<SessionEditor mode={{ type: 'new', kind: 'individuel' }} />);
    await user.click(await screen.findByRole('button', { name: /CAF - prime d’activité/ }));
    expect((screen.getByRole('radio', { name: '30 min' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('status', { name: '' }).textContent).toBe(
      'Formulaire rempli avec « CAF - prime d’activité » : vérifiez puis enregistrez.',
    );
    await user.click(screen.getByRole('button', { name: 'Enregistrer la séance' }));
    await waitFor(() => expect(bridge['journal.create']).toHaveBeenCalledTimes(1));
    expect(sentCreate()).toMatchObject({
      kind: 'individuel',
      date: localDate(new Date()),
      durationMin: 30,
      topics: ['aide_aux_demarches_administratives'],
      adminTopics: ['social_sante'],
      operators: ['caf'],
      procedureName: 'Prime d’activité',
      outcome: 'finalisee',
      notes: '',
      followUp: null,
    });
  });

  it('numbers the templates: key 2 picks the second and focuses it, = the last session; keys typed in a field stay text', async () => {
    const user = userEvent.setup();
    renderWithStatus(<SessionEditor mode={{ type: 'new', kind: 'individuel' }} />);
    const second = await screen.findByRole('button', { name: /CPAM - carte Vitale/ });
    expect(second.getAttribute('aria-keyshortcuts')).toBe('2');
    await user.keyboard('2');
    expect(document.activeElement).toBe(second);
    expect((screen.getByRole('radio', { name: '45 min' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: /CPAM/ }) as HTMLInputElement).checked).toBe(true);

    await user.keyboard('=');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /Comme la dernière séance/ }));
    expect((screen.getByRole('radio', { name: '15 min' }) as HTMLInputElement).checked).toBe(true);

    const procedure = screen.getByLabelText(/Nom de la démarche/) as HTMLInputElement;
    await user.click(procedure);
    await user.keyboard('1=');
    expect(procedure.value).toBe('1=');
    expect((screen.getByRole('radio', { name: '15 min' }) as HTMLInputElement).checked).toBe(true);
  });

  it('keeps a timer’s duration, and offers the desk’s usual sessions after the templates', async () => {
    const user = userEvent.setup();
    renderWithStatus(
      <SessionEditor
        mode={{ type: 'new', kind: 'individuel', timerId: '22222222-2222-4222-8222-222222222222', durationMin: 37 }}
      />,
    );
    await user.click(await screen.findByRole('button', { name: /7 fois/ }));
    expect(
      (screen.getByRole('checkbox', { name: /impots\.gouv|DGFiP|Finances publiques/ }) as HTMLInputElement).checked,
    ).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Enregistrer la séance' }));
    await waitFor(() => expect(bridge['journal.create']).toHaveBeenCalledTimes(1));
    expect(sentCreate()).toMatchObject({ durationMin: 37, operators: ['dgfip'] });
  });
});

describe('TemplatePicker on a new desk', () => {
  it('shows nothing (no block, no Tab stop above the form) when there is no template, no session and no suggestion', async () => {
    installFakeApi({ 'journal.templates': () => [], 'journal.memory': () => ({ last: null, suggestions: [] }) });
    renderWithStatus(<SessionEditor mode={{ type: 'new', kind: 'individuel' }} />);
    await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(window.mediane!['journal.memory' as never]).toHaveBeenCalled());
    expect(screen.queryByRole('heading', { name: 'Partir d’un modèle' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Comme la dernière séance/ })).toBeNull();
  });
});

describe('SaveAsTemplate', () => {
  it('proposes a name from the saved session and creates the template from that session', async () => {
    const user = userEvent.setup();
    renderWithStatus(<SessionEditor mode={{ type: 'edit', id: SESSION_ID }} />);
    await user.click(await screen.findByRole('button', { name: 'Enregistrer comme modèle' }));
    const name = screen.getByLabelText(/Nom du modèle/) as HTMLInputElement;
    expect(name.value).toBe('CAF - Demande de RSA, 30 min, démarche finalisée');
    await user.clear(name);
    await user.click(screen.getByRole('button', { name: 'Créer le modèle' }));
    expect(await screen.findByText('Donnez un nom au modèle.')).toBeTruthy();
    expect(bridge['journal.createTemplate']).not.toHaveBeenCalled();

    await user.type(name, 'CAF - RSA{Enter}');
    await waitFor(() =>
      expect(bridge['journal.createTemplate']).toHaveBeenCalledWith({ sessionId: SESSION_ID, name: 'CAF - RSA' }),
    );
    expect(
      await screen.findByText('Modèle « CAF - RSA » créé : il est proposé en tête de chaque nouvelle séance.'),
    ).toBeTruthy();
    expect(bridge['journal.update']).not.toHaveBeenCalled();
  });
});
