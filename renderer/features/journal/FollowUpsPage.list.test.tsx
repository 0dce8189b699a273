// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FollowUpItem } from '../../../shared/journal/schema';
import { initAppI18n } from '../../app/features';
import { installFakeApi, renderWithStatus } from '../../test-kit';
import { FollowUpsPage } from './FollowUpsPage';

const items: FollowUpItem[] = [
  {
    id: '11111111-1111-4111-8111-111111111111',
    date: '2026-01-05',
    dueDate: '2001-01-10',
    reason: 'Vérifier le versement CAF',
    kind: 'individuel',
    operators: ['caf'],
    procedureName: 'Prime d’activité',
    workshopTitle: null,
  },
  {
    id: '22222222-2222-4222-8222-222222222222',
    date: '2026-01-06',
    dueDate: '2999-12-31',
    reason: 'Relancer pour la suite de l’atelier',
    kind: 'collectif',
    operators: [],
    procedureName: '',
    workshopTitle: 'Premiers pas sur tablette',
  },
];

beforeAll(() => {
  initAppI18n('fr');
});
afterEach(() => cleanup());

describe('FollowUpsPage', () => {
  it('lists open follow-ups with overdue and upcoming badges', async () => {
    installFakeApi({ 'journal.followUps': () => items });
    renderWithStatus(<FollowUpsPage />);
    expect(await screen.findByRole('heading', { level: 1, name: 'À relancer' })).toBeTruthy();
    await screen.findByText('Vérifier le versement CAF');
    const list = document.querySelector('ul.mediane-followups') as HTMLElement;
    const entries = within(list)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === list);
    expect(entries).toHaveLength(2);
    expect(entries[0]!.textContent).toContain('En retard');
    expect(entries[0]!.textContent).toContain('Prévue le 10/01/2001');
    expect(entries[0]!.textContent).toContain('Séance du 05/01/2026');
    expect(entries[0]!.textContent).toContain('CAF · Prime d’activité');
    expect(entries[1]!.textContent).toContain('À venir');
    expect(entries[1]!.textContent).toContain('Premiers pas sur tablette');
    expect(screen.getByRole('link', { name: 'Ouvrir la séance du 05/01/2026' }).getAttribute('href')).toBe(
      `#/seance/${items[0]!.id}`,
    );
    expect(screen.getByText('2 relances à faire')).toBeTruthy();
  });

  it('marks a follow-up as done, refreshes and moves the focus to the next one', async () => {
    let open = [...items];
    const fake = installFakeApi({
      'journal.followUps': () => open,
      'journal.closeFollowUp': ({ id }) => {
        open = open.filter((i) => i.id !== id);
        return { id } as never;
      },
    });
    renderWithStatus(<FollowUpsPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Marquer comme traitée : Vérifier le versement CAF' }));
    await waitFor(() => expect(fake['journal.closeFollowUp']).toHaveBeenCalledWith({ id: items[0]!.id }));
    await waitFor(() => expect(screen.queryByText('Vérifier le versement CAF')).toBeNull());
    expect(fake['journal.followUps']).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('status').textContent).toContain(
      'Relance « Vérifier le versement CAF » marquée comme traitée.',
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Marquer comme traitée : Relancer pour la suite de l’atelier' }),
      ),
    );
  });

  it('says when there is nothing to follow up', async () => {
    installFakeApi({ 'journal.followUps': () => [] });
    renderWithStatus(<FollowUpsPage />);
    expect(await screen.findByText('Aucune relance à faire pour l’instant.')).toBeTruthy();
  });
});
