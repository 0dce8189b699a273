// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContentNode } from '../../../shared/catalogue/content';
import { initAppI18n } from '../../app/features';
import { ContentView } from './ContentView';

beforeAll(() => {
  initAppI18n('fr');
});
afterEach(() => cleanup());

const p = (...c: ContentNode[]): ContentNode => ({ e: 'Paragraphe', c });
const titre = (text: string): ContentNode => ({ e: 'Titre', c: [p(text)] });

describe('ContentView (the allow-list renderer of fiches)', () => {
  it('never inserts markup found in the text, and links only to https outside and to fiches inside', () => {
    const { container } = render(
      <ContentView
        nodes={[
          p('<img src=x onerror="alert(1)"> <script>alert(2)</script>'),
          p(
            { e: 'LienExterne', a: { URL: 'javascript:alert(3)' }, c: ['piège'] },
            ' ',
            { e: 'LienExterne', a: { URL: 'http://example.org' }, c: ['en clair'] },
            ' ',
            { e: 'LienExterne', a: { URL: 'https://www.ameli.fr/' }, c: ['ameli'] },
            ' ',
            { e: 'LienInterne', a: { LienPublication: 'F1342' }, c: ['fiche mineur'] },
            ' ',
            { e: 'LienInterne', a: { LienPublication: '../../etc' }, c: ['chemin'] },
          ),
        ]}
      />,
    );
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.textContent).toContain('<script>alert(2)</script>');
    const links = [...container.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['ameli', 'https://www.ameli.fr/'],
      ['fiche mineur', '#/fiche/F1342'],
    ]);
    const external = container.querySelector('a[href^="https:"]')!;
    expect(external.getAttribute('target')).toBe('_blank');
    expect(external.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('renders chapters as accordions, cases as keyboard tabs, callouts and tables', async () => {
    const user = userEvent.setup({ delay: null });
    render(
      <ContentView
        nodes={[
          {
            e: 'Chapitre',
            c: [
              titre('Pièces à fournir'),
              { e: 'ASavoir', c: [titre('À savoir'), p('La photo doit dater de moins de 6 mois.')] },
              {
                e: 'BlocCas',
                c: [
                  { e: 'Cas', c: [titre('En France'), p('À la mairie.')] },
                  { e: 'Cas', c: [titre('À l’étranger'), p('Au consulat.')] },
                ],
              },
              {
                e: 'Tableau',
                c: [
                  {
                    e: 'Rangée',
                    a: { type: 'header' },
                    c: [
                      { e: 'Cellule', c: [p('Âge')] },
                      { e: 'Cellule', c: [p('Coût')] },
                    ],
                  },
                  {
                    e: 'Rangée',
                    c: [
                      { e: 'Cellule', c: [p('Majeur')] },
                      { e: 'Cellule', c: [p('Gratuit')] },
                    ],
                  },
                ],
              },
            ],
          },
        ]}
      />,
    );
    const chapter = screen.getByRole('button', { name: 'Pièces à fournir' });
    expect(chapter.getAttribute('aria-expanded')).toBe('false');
    await user.click(chapter);
    expect(chapter.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('À savoir')).toBeTruthy();
    const france = screen.getByRole('tab', { name: 'En France' });
    expect(france.getAttribute('aria-selected')).toBe('true');
    france.focus();
    await user.keyboard('{ArrowRight}');
    const abroad = screen.getByRole('tab', { name: 'À l’étranger' });
    expect(abroad.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(abroad);
    expect(screen.getByRole('tabpanel', { name: 'À l’étranger' }).textContent).toContain('Au consulat.');
    expect(screen.getByRole('columnheader', { name: 'Coût' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'Gratuit' })).toBeTruthy();
  });
});
