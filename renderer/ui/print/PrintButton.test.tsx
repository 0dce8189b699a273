// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../i18n';
import { callsOf, installFakeApi, refused } from '../../test-kit';
import { PrintButton } from './PrintButton';
import { PrintSheet } from './PrintSheet';

const TARGET = '00000000-0000-4000-8000-0000000000bb';

beforeAll(() => initI18n('fr', []));
afterEach(() => {
  cleanup();
  delete window.mediane;
  vi.restoreAllMocks();
});

describe('PrintButton', () => {
  it('desktop: asks where to save, then has the shell write the PDF, and says where it went', async () => {
    const api = installFakeApi({
      'files.pickSave': () => ({ targetId: TARGET, name: 'fiche-caf.pdf', delivery: 'native' }),
      'print.savePdf': () => ({ name: 'fiche-caf.pdf', bytes: 1234 }),
    });
    render(<PrintButton fileName="fiche-caf.pdf" />);
    await userEvent.click(screen.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' }));
    expect(await screen.findByText('PDF enregistré : fiche-caf.pdf.')).toBeTruthy();
    expect(callsOf(api, 'files.pickSave')).toEqual([{ purpose: 'pdf', suggestedName: 'fiche-caf.pdf' }]);
    expect(callsOf(api, 'print.savePdf')).toEqual([{ targetId: TARGET }]);
  });

  it('desktop: a cancelled dialog prints nothing and says nothing', async () => {
    const api = installFakeApi({ 'files.pickSave': () => null });
    render(<PrintButton fileName="fiche-caf.pdf" />);
    await userEvent.click(screen.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' }));
    expect(callsOf(api, 'print.savePdf')).toEqual([]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('desktop: a failure is said in words', async () => {
    installFakeApi({
      'files.pickSave': () => ({ targetId: TARGET, name: 'fiche-caf.pdf', delivery: 'native' }),
      'print.savePdf': () => refused({ code: 'internal', messageKey: 'print.failed' }),
    });
    render(<PrintButton fileName="fiche-caf.pdf" />);
    await userEvent.click(screen.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Le PDF n’a pas pu être créé');
  });

  it('browser mode: opens the browser’s print window', async () => {
    const print = vi.fn();
    window.print = print;
    render(<PrintButton fileName="fiche-caf.pdf" />);
    await userEvent.click(screen.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' }));
    expect(print).toHaveBeenCalledTimes(1);
  });
});

describe('PrintSheet', () => {
  it('carries the printed language and direction, whatever the app’s language', () => {
    render(
      <PrintSheet lang="ar" dir="rtl" title="Fiche">
        <p>مرحبا</p>
      </PrintSheet>,
    );
    const sheet = screen.getByRole('article', { name: 'Fiche' });
    expect(sheet.getAttribute('lang')).toBe('ar');
    expect(sheet.getAttribute('dir')).toBe('rtl');
  });
});
