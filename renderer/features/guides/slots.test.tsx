// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionGuides } from '../../../shared/guides/api';
import { initAppI18n } from '../../app/features';
import { installFakeApi, renderWithStatus } from '../../test-kit';
import { sessionSlots } from './slots';

const TIMER = '77777777-7777-4777-8777-777777777777';
const Editor = sessionSlots.editor!;

const state = (over: Partial<SessionGuides> = {}): SessionGuides => ({
  guides: [
    { id: 'caf-rsa', title: 'Demander le RSA', total: 5, done: [1, 2, 3, 4, 5], blocked: false, available: true },
  ],
  suggestedOutcome: 'finalisee',
  sites: [{ label: 'caf.fr', host: 'www.caf.fr' }],
  ...over,
});

beforeAll(() => {
  initAppI18n('fr');
});
afterEach(() => cleanup());

describe('guided mode in the session editor', () => {
  it('fills in the suggested outcome when none is chosen, once', async () => {
    installFakeApi({ 'guides.session': () => state() });
    const onSuggest = vi.fn();
    renderWithStatus(<Editor holder={{ timerId: TIMER }} outcome={null} onSuggest={onSuggest} />);
    expect(await screen.findByText('Demander le RSA')).toBeTruthy();
    await waitFor(() => expect(onSuggest).toHaveBeenCalledWith('finalisee'));
    expect(onSuggest).toHaveBeenCalledTimes(1);
    expect(screen.getByText('5 étape(s) sur 5 faite(s)')).toBeTruthy();
  });

  it('never overrides the mediator’s choice; offers the suggestion as a button instead', async () => {
    installFakeApi({ 'guides.session': () => state({ suggestedOutcome: 'doit_revenir' }) });
    const onSuggest = vi.fn();
    renderWithStatus(<Editor holder={{ timerId: TIMER }} outcome="finalisee" onSuggest={onSuggest} />);
    const button = await screen.findByRole('button', {
      name: 'Reprendre l’issue suggérée : La personne doit revenir',
    });
    expect(onSuggest).not.toHaveBeenCalled();
    fireEvent.click(button);
    expect(onSuggest).toHaveBeenCalledWith('doit_revenir');
  });

  it('shows nothing without a timer or a session to hold the guides', () => {
    installFakeApi({});
    renderWithStatus(<Editor holder={null} outcome={null} onSuggest={vi.fn()} />);
    expect(screen.queryByTestId('editor-guides')).toBeNull();
  });
});
