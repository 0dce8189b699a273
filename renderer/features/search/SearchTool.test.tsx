// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SearchAnswer } from '../../../shared/search/schema';
import { initAppI18n } from '../../app/features';
import { setSingleKeyShortcuts } from '../../lib/shortcuts';
import { callsOf, installFakeApi, refused, renderWithStatus } from '../../test-kit';
import { NoticeRegion } from '../../ui/notices';
import { SearchTool } from './SearchTool';

const ANSWER: SearchAnswer = {
  groups: [
    {
      kind: 'guide',
      results: [
        {
          id: 'ants-carte-grise',
          kind: 'guide',
          title: 'Carte grise : changement de titulaire',
          context: 'certificat d’immatriculation',
          operator: 'ants',
          route: '#/guide/ants-carte-grise',
        },
      ],
    },
    {
      kind: 'fiche',
      results: [
        {
          id: 'F1050',
          kind: 'fiche',
          title: 'Certificat d’immatriculation',
          context: 'Changement de propriétaire',
          operator: null,
          route: '#/fiche/F1050',
        },
      ],
    },
    {
      kind: 'service',
      results: [
        {
          id: 'R13567',
          kind: 'service',
          title: 'Demande en ligne',
          context: '',
          operator: null,
          route: '#/fiche/R13567',
        },
      ],
    },
  ],
  total: 3,
  catalogueDate: '2020-06-01',
  catalogueDemo: true,
};

beforeAll(() => {
  initAppI18n('fr');
});
beforeEach(() => {
  window.location.hash = '#/journal';
  setSingleKeyShortcuts(true);
});
afterEach(() => {
  cleanup();
  setSingleKeyShortcuts(true);
});

function install(linkedTo: string | null = null) {
  return installFakeApi({
    'search.query': ({ query }) =>
      query.includes('zz') ? { groups: [], total: 0, catalogueDate: '2020-06-01', catalogueDemo: true } : ANSWER,
    'search.open': () => ({ linkedTo }),
  });
}

async function openWithCtrlK() {
  // The shell mounts the tool once the status is loaded; its shortcuts are registered by an effect that may run a
  // little after the button appears (a loaded machine): press again until the box is there (opening is idempotent).
  await screen.findByRole('button', { name: /Rechercher/ });
  return waitFor(() => {
    fireEvent.keyDown(document.body, { key: 'k', code: 'KeyK', ctrlKey: true });
    return screen.getByRole('combobox', { name: /Guide, fiche ou service en ligne/ });
  });
}

describe('SearchTool', () => {
  it('Ctrl+K opens the box with the focus in it; results come grouped, guides first, with their count said', async () => {
    const fake = install();
    renderWithStatus(<SearchTool />);
    const box = await openWithCtrlK();
    await waitFor(() => expect(document.activeElement).toBe(box));
    fireEvent.change(box, { target: { value: 'carte grise' } });
    const list = await screen.findByRole('listbox', { name: 'Résultats' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(3));
    expect(callsOf(fake, 'search.query')).toEqual([{ query: 'carte grise', limit: 5 }]);
    const groups = within(list).getAllByRole('group');
    expect(
      groups.map(
        (g) =>
          g.getAttribute('aria-labelledby') && document.getElementById(g.getAttribute('aria-labelledby')!)?.textContent,
      ),
    ).toEqual(['Guides', 'Fiches service-public.fr', 'Services en ligne et formulaires']);
    expect(within(groups[0]!).getByRole('option').textContent).toContain('France Titres (ANTS)');
    expect(screen.getByRole('status').textContent).toBe('3 résultats.');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(
      screen.getByText(/catalogue de démonstration, service-public\.fr, Licence Ouverte, données du 01\/06\/2020/),
    ).toBeTruthy();
  });

  it('arrows move the active option, Enter opens it and records it with the core', async () => {
    const fake = install('timer-1');
    renderWithStatus(
      <>
        <SearchTool />
        <NoticeRegion />
      </>,
    );
    const box = await openWithCtrlK();
    fireEvent.change(box, { target: { value: 'carte grise' } });
    await screen.findAllByRole('option');
    const active = () => document.getElementById(box.getAttribute('aria-activedescendant') ?? '')?.textContent;
    await waitFor(() => expect(active()).toContain('Carte grise'));
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(active()).toContain('Certificat d’immatriculation');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(active()).toContain('Carte grise');
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(active()).toContain('Demande en ligne');
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(window.location.hash).toBe('#/fiche/R13567'));
    await waitFor(() => expect(callsOf(fake, 'search.open')).toEqual([{ kind: 'service', id: 'R13567' }]));
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(await screen.findByText('« Demande en ligne » est ajouté à la séance en cours.')).toBeTruthy();
  });

  it('says when nothing matches, and Escape closes the box', async () => {
    install();
    renderWithStatus(<SearchTool />);
    const box = await openWithCtrlK();
    fireEvent.change(box, { target: { value: 'zzz' } });
    expect(await screen.findByText(/Aucun guide ni aucune fiche ne correspond à « zzz »/)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Aucun résultat pour « zzz ».');
    fireEvent.keyDown(box, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('combobox')).toBeNull());
  });

  it('shows the core refusal in the list', async () => {
    installFakeApi({ 'search.query': () => refused({ code: 'internal' }) });
    renderWithStatus(<SearchTool />);
    const box = await openWithCtrlK();
    fireEvent.change(box, { target: { value: 'apl' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).not.toBe(''));
    expect(box.getAttribute('aria-expanded')).toBe('true');
  });

  it('/ opens it when not typing, unless single-key shortcuts are off; the header button always does', async () => {
    install();
    renderWithStatus(<SearchTool />);
    const button = await screen.findByRole('button', { name: /Rechercher/ });
    expect(button.getAttribute('aria-keyshortcuts')).toBe('Control+K /');
    setSingleKeyShortcuts(false);
    fireEvent.keyDown(document.body, { key: '/', code: 'Slash' });
    expect(screen.queryByRole('combobox')).toBeNull();
    await waitFor(() => expect(button.getAttribute('aria-keyshortcuts')).toBe('Control+K'));
    setSingleKeyShortcuts(true);
    fireEvent.keyDown(document.body, { key: '/', code: 'Slash' });
    expect(await screen.findByRole('combobox')).toBeTruthy();
  });
});
