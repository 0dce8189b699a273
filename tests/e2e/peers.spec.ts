import { buildSnapshot, type RawDiagnosis, type RawSnapshot } from '../../shared/sync/disclosure';
import { rpc, withSite } from './helpers';
import { expect, expectAccessible, test } from './fixtures';
import { testHub } from './test-hub';

// Peer benchmarks end to end: a hub started by the test (`npm run hub`, SQLite in a temp folder) already holds last
// month's diagnoses of three other desks (bakeries of the Rhône, 1-9 persons); a desk in browser mode enrolls, a
// diagnosis is finished, and its results show the comparison (table beside the chart, date of the figures) and the
// printed report carries it. With the hub stopped, a business of another group gets the plain sentence instead.

const hub = testHub('peers');
const admin = hub.admin;
let hubUrl: string;

const BAKERY = {
  name: 'Boulangerie des Pentes',
  naf: '10.71C',
  sizeBand: '1-9',
  departement: '69',
  vatStatus: 'redevable',
  customerMix: 'mixte',
  siret: '',
};

function lastMonthKey() {
  const d = new Date();
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
  return first.toISOString().slice(0, 7);
}

/** Another desk's month: a few sessions and ten diagnosed bakeries of the Rhône with the given overall score. */
function otherDeskMonth(deskId: string, overall: number): RawSnapshot {
  const diagnoses: RawDiagnosis[] = Array.from({ length: 10 }, () => ({
    nafSection: 'C',
    sizeBand: '1-9',
    departement: '69',
    overall,
    dimensions: { strategie: overall - 10, donnees: overall + 10 },
  }));
  return {
    deskId,
    period: { granularity: 'month', key: lastMonthKey() },
    version: 1,
    totals: {
      sessions: 10,
      individualSessions: 10,
      workshops: 0,
      workshopParticipants: 0,
      peopleHelped: 10,
      totalMinutes: 300,
    },
    activity: {
      kind: { individuel: 10 },
      topics: { entrepreneuriat: 10 },
      adminTopics: {},
      outcomes: {},
      orientation: {},
      channels: { lieu_activite: 10 },
      durationRanges: { de_30_a_60: 10 },
      autonomy: {},
      equipment: {},
      operators: {},
    },
    population: {
      age: { vingt_cinq_trente_neuf: 10 },
      gender: { feminin: 5, masculin: 5 },
      status: { retraite: 10 },
      firstVisit: { premiere_visite: 10 },
      area: { '69123': 10 },
    },
    diagnostics: diagnoses,
  };
}

async function seedOtherDesk(name: string, overall: number) {
  const site = admin('site:create', '--name', name, '--departement', '69');
  const { code } = admin('code:issue', '--site', site.id!);
  const enrolled = (await (
    await fetch(`${hubUrl}/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    })
  ).json()) as { deskId: string; credential: string };
  const { snapshot } = buildSnapshot(otherDeskMonth(enrolled.deskId, overall), 5);
  const res = await fetch(`${hubUrl}/v1/snapshots`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${enrolled.credential}` },
    body: JSON.stringify(snapshot),
  });
  expect(res.status, await res.text()).toBe(200);
}

test.beforeAll(async () => {
  hubUrl = await hub.start();
  await seedOtherDesk('France Services Vaulx-en-Velin', 40);
  await seedOtherDesk('Médiathèque de Villeurbanne', 50);
  await seedOtherDesk('France Services Lyon 8e', 60);
});
test.afterAll(() => hub.dispose());

test.describe.configure({ timeout: 180_000 });

test('the results compare the business with similar ones from the hub, on screen and on paper; offline, a plain sentence (fr, en)', async ({
  app,
}) => {
  await withSite(app);
  const site = admin('site:create', '--name', 'France Services de Lunel', '--departement', '34');
  const { code } = admin('code:issue', '--site', site.id!);
  await rpc(app, 'sync.enroll', { hubUrl, code });
  const d = await rpc<{ id: string }>(app, 'diagnostic.start', { mode: 'mediateur' });
  await rpc(app, 'diagnostic.describe', { id: d.id, business: BAKERY });
  await rpc(app, 'diagnostic.answer', { id: d.id, answers: { d4_sauvegarde: 1, d1_ventes: 2 } });
  await rpc(app, 'diagnostic.finish', { id: d.id });

  await app.evaluate((hash) => (window.location.hash = hash), `#/diagnostic/${d.id}/resultats`);
  const section = app.getByRole('region', { name: 'Comparaison avec des entreprises comparables' });
  await expect(section).toBeVisible();
  const table = section.getByRole('table', { name: /Votre score et la moyenne des entreprises comparables/ });
  // Three desks, 30 bakeries: overall means (40 + 50 + 60) / 3 = 50 in the Rhône and in the country.
  await expect(table.getByRole('row', { name: /Score global .* 50 50$/ })).toBeVisible();
  await expect(section.getByText(/Chiffres du réseau reçus le/)).toBeVisible();
  await expect(section.getByText(/Moyenne nationale sur 30 diagnostics venant de 3 lieux/)).toBeVisible();
  await expect(section.getByRole('img', { name: /Graphique radar/ })).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await app.screenshot({ path: '/tmp/peers-results-fr.png', fullPage: true });
  await section.screenshot({ path: '/tmp/peers-section-fr.png' });
  await expectAccessible(app, 'results with peers (fr)');

  await app.getByRole('link', { name: 'Voir et imprimer le rapport' }).click();
  const sheet = app.locator('.mediane-print-sheet');
  await expect(sheet.getByRole('heading', { name: 'Comparaison avec des entreprises comparables' })).toBeVisible();
  await expect(sheet.getByRole('table', { name: /Votre score et la moyenne/ })).toBeVisible();

  await app.getByRole('button', { name: 'English' }).click();
  await app.getByRole('link', { name: 'Back to the results' }).click();
  const en = app.getByRole('region', { name: 'Comparison with similar businesses' });
  await expect(en.getByRole('table', { name: /Your score and the average of similar businesses/ })).toBeVisible();
  await expectAccessible(app, 'results with peers (en)');

  // The hub goes away: a business of another group has no figures yet, and the page says so plainly.
  await hub.stop();
  const other = await rpc<{ id: string }>(app, 'diagnostic.start', { mode: 'mediateur' });
  await rpc(app, 'diagnostic.describe', { id: other.id, business: { ...BAKERY, departement: '01', sizeBand: '0' } });
  await rpc(app, 'diagnostic.finish', { id: other.id });
  await app.evaluate((hash) => (window.location.hash = hash), `#/diagnostic/${other.id}/resultats`);
  await expect(
    app.getByText(/The comparison needs the network’s statistics server, which is not answering/),
  ).toBeVisible({
    timeout: 20_000,
  });
  await app.getByRole('button', { name: 'Français' }).click();
  await expect(
    app.getByText(/La comparaison a besoin du serveur statistique du réseau, qui ne répond pas/),
  ).toBeVisible();
  await expectAccessible(app, 'results, hub unreachable (fr)');
});
