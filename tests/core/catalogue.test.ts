import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../main/core/catalogue/archive';
import { createCatalogueService } from '../../main/core/catalogue/catalogue-service';
import { CATALOGUE_FILE } from '../../main/core/catalogue/catalogue-store';
import { parseEntryXml } from '../../main/core/catalogue/entry-parser';
import { createJobs } from '../../main/core/jobs/jobs';
import type { Core } from '../../main/core';
import type { ContentNode } from '../../shared/catalogue/content';
import type { JobView } from '../../shared/jobs/schema';
import { call, callResult, openCore, removeTempDirs, sequentialIds, tempDir, testClock } from './helpers';

afterEach(() => removeTempDirs());

const XML_DIR = join(__dirname, '..', 'fixtures', 'catalogue', 'xml');
const xml = (name: string) => readFileSync(join(XML_DIR, name));

/** A zip of the given files, written to a temp folder. */
function zipFile(files: Record<string, string | Uint8Array>, name = 'archive.zip'): string {
  const entries: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) entries[k] = typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
  const path = join(tempDir('mediane-catalogue-zip-'), name);
  writeFileSync(path, zipSync(entries));
  return path;
}

const particuliers = () =>
  zipFile({
    'F1341.xml': xml('F1341-3.3.xml'),
    'R42726.xml': xml('R42726-3.3.xml'),
    'N358.xml': xml('N358-3.3.xml'),
    'arborescence.xml': '<Arborescence/>',
  });
const professionnels = () =>
  zipFile({ 'vosdroits/F1341.xml': xml('F1341-3.4-pro.xml'), 'vosdroits/F23961.xml': xml('F23961-3.4.xml') });

function service(dataDir = tempDir()) {
  const clock = testClock();
  const newId = sequentialIds();
  const jobs = createJobs({ clock, newId, log: { error: () => undefined } });
  return { dataDir, jobs, catalogue: createCatalogueService({ dataDir, clock, newId, jobs }) };
}
const quiet = { signal: new AbortController().signal, progress: () => undefined };
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: { messageKey?: string }) => e.messageKey,
  );

function find(nodes: ContentNode[] | undefined, e: string): Extract<ContentNode, object>[] {
  const out: Extract<ContentNode, object>[] = [];
  for (const n of nodes ?? []) {
    if (typeof n === 'string') continue;
    if (n.e === e) out.push(n);
    out.push(...find(n.c, e));
  }
  return out;
}
const textOf = (nodes: ContentNode[] | undefined): string =>
  (nodes ?? []).map((n) => (typeof n === 'string' ? n : textOf(n.c))).join('');

describe('the entry parser', () => {
  it('reads a 3.3 fiche: metadata, breadcrumb, related links and content in the format’s vocabulary', () => {
    const e = parseEntryXml(xml('F1341-3.3.xml'), 'F1341');
    expect(e).toMatchObject({
      id: 'F1341',
      kind: 'fiche',
      title: "Carte d’identité d'un majeur : première demande",
      modified: '2020-07-21',
      audiences: ['particuliers'],
      schemaVersion: '3.3',
    });
    expect(e.breadcrumb.map((b) => b.id)).toEqual(['Particuliers', 'N19810', 'N358', 'F1341']);
    expect(e.related).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rel: 'service',
          id: 'R45668',
          url: 'https://passeport.ants.gouv.fr/demarches-en-ligne',
        }),
        expect.objectContaining({ rel: 'question', id: 'F556' }),
        expect.objectContaining({ rel: 'parent', id: 'N358' }),
      ]),
    );
    for (const el of [
      'Chapitre',
      'ASavoir',
      'Attention',
      'BlocCas',
      'Cas',
      'Tableau',
      'Rangée',
      'Cellule',
      'Liste',
      'Item',
    ])
      expect(find(e.content, el).length, el).toBeGreaterThan(0);
    // The guided-question logic never reaches the content; an unknown element is kept as its text only.
    expect(JSON.stringify(e.content)).not.toMatch(/Condition|estVrai|ElementInvent/);
    expect(textOf(e.content)).toContain("Texte d'un élément inconnu");
    // A link that is not http(s) loses its address (its text stays); an https one keeps it.
    const links = find(e.content, 'LienExterne');
    expect(links.map((l) => l.a?.URL)).toEqual([undefined, 'https://ants.gouv.fr']);
    expect(find(e.content, 'LienInterne')[0]?.a?.LienPublication).toBe('F1342');
    // Inline text keeps its spaces around the elements.
    expect(textOf(e.content)).toContain('La carte est gratuite pour une première demande.');
  });

  it('reads a 3.4 fiche, keeping an element it does not know as text', () => {
    const e = parseEntryXml(xml('F23961-3.4.xml'), 'F23961');
    expect(e).toMatchObject({
      kind: 'fiche',
      modified: '2025-01-14',
      audiences: ['professionnels'],
      schemaVersion: '3.4',
    });
    expect(find(e.content, 'SousChapitre')).toHaveLength(1);
    expect(find(e.content, 'ANoter')).toHaveLength(1);
    expect(textOf(e.content)).toContain('Un bloc introduit en 3.4');
  });

  it('reads an online service (root ServiceComplementaire) and a topic page', () => {
    const r = parseEntryXml(xml('R42726-3.3.xml'), 'R42726');
    expect(r).toMatchObject({
      kind: 'service',
      type: 'Téléservice',
      url: expect.stringMatching(/^https:\/\/wwwd\.caf\.fr/),
    });
    expect(r.related).toEqual([expect.objectContaining({ rel: 'fiche', id: 'F2882' })]);
    const n = parseEntryXml(xml('N358-3.3.xml'), 'N358');
    expect(n.kind).toBe('topic');
    expect(find(n.content, 'Fiche')[0]?.a?.ID).toBe('F1341');
  });

  it('refuses what is not one of the format’s files', () => {
    expect(() => parseEntryXml('<html><body>hello</body></html>', 'F1')).toThrow(/catalogue.notServicePublic/);
    expect(() => parseEntryXml('<Publication ID="F1"><dc:title>x', 'F1')).toThrow(/catalogue.damaged/);
    expect(() => parseEntryXml('<!DOCTYPE x [<!ENTITY a "aaaa">]><Publication>&a;</Publication>', 'F1')).toThrow(
      /catalogue.damaged/,
    );
    expect(() =>
      parseEntryXml('<Publication xsi:noNamespaceSchemaLocation="../Schemas/2.1/Publication.xsd"/>', 'F1'),
    ).toThrow(/catalogue.unsupportedVersion/);
  });
});

describe('importing archives', () => {
  it('stores fiches, services and topic pages once across audiences, with the data’s own date', async () => {
    const { catalogue } = service();
    const result = await catalogue.importArchives([particuliers(), professionnels()], { demo: false, ...quiet });
    expect(result).toEqual({
      counts: { fiche: 2, service: 1, topic: 1 },
      dataDate: '2025-01-14',
      audiences: ['particuliers', 'professionnels'],
    });
    const e = catalogue.entry('F1341');
    expect(e.audiences).toEqual(['particuliers', 'professionnels']);
    expect(e).toMatchObject({ dataDate: '2025-01-14', demo: false, source: 'service-public.fr, Licence Ouverte' });
    expect(catalogue.status()).toMatchObject({ installed: true, demo: false, dataDate: '2025-01-14' });
  });

  it('finds entries whatever the accents, case, elisions and typos', async () => {
    const { catalogue } = service();
    await catalogue.importArchives([particuliers(), professionnels()], { demo: false, ...quiet });
    const ids = (q: string) => catalogue.searchEntries(q, 5).map((h) => h.id);
    expect(ids("CARTE D'IDENTITE")).toEqual(['N358', 'F1341']);
    expect(ids('d’identité')).toContain('F1341');
    expect(ids('prime d activ')[0]).toBe('R42726');
    expect(ids('micro entrepreneur')[0]).toBe('F23961');
    expect(catalogue.searchEntries('micro-entrepeneur', 5)).toEqual([
      expect.objectContaining({ id: 'F23961', match: 'fuzzy' }),
    ]);
    expect(ids('')).toEqual([]);
    expect(ids('"*)(')).toEqual([]);
  });

  it.each([
    ['a file that is not a zip', () => zipText('PDF-1.4 not a zip'), 'catalogue.notZip'],
    ['a truncated archive', () => truncated(particuliers()), 'catalogue.damaged'],
    ['a zip of other files', () => zipFile({ 'readme.txt': 'hello', 'photo.jpg': 'x' }), 'catalogue.notServicePublic'],
    ['a zip of foreign XML', () => zipFile({ 'F12.xml': '<html><p>x</p></html>' }), 'catalogue.notServicePublic'],
    [
      'malformed XML',
      () => zipFile({ 'F12.xml': '<Publication ID="F12"><dc:title>x</Publication>' }),
      'catalogue.damaged',
    ],
    [
      'a zip bomb',
      () => zipFile({ 'F12.xml': new Uint8Array(LIMITS.maxEntryBytes - 1) }),
      'catalogue.suspiciousCompression',
    ],
    [
      'an oversized entry',
      () => zipFile({ 'F12.xml': new Uint8Array(LIMITS.maxEntryBytes + 1) }),
      'catalogue.tooLarge',
    ],
    ['an empty zip', () => zipFile({}), 'catalogue.empty'],
  ])('refuses %s and keeps the previous catalogue', async (_label, make, key) => {
    const { catalogue, dataDir } = service();
    await catalogue.importArchives([particuliers()], { demo: false, ...quiet });
    expect(await refusal(catalogue.importArchives([make()], { demo: false, ...quiet }))).toBe(key);
    expect(catalogue.searchEntries('carte identite', 5).map((h) => h.id)).toEqual(['N358', 'F1341']);
    expect(catalogue.status().counts).toEqual({ fiche: 1, service: 1, topic: 1 });
    expect(readdirSync(dataDir).filter((f) => f.startsWith(CATALOGUE_FILE))).toEqual([CATALOGUE_FILE]);
  });

  it('refuses an archive with too many files before reading any', async () => {
    const { catalogue } = service();
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`F${i + 1}.xml`] = '<Publication/>';
    const clock = testClock();
    const small = createCatalogueService({
      dataDir: tempDir(),
      clock,
      newId: sequentialIds(),
      jobs: createJobs({ clock, newId: sequentialIds() }),
      limits: { ...LIMITS, maxEntries: 20 },
    });
    expect(await refusal(small.importArchives([zipFile(files)], { demo: false, ...quiet }))).toBe(
      'catalogue.tooManyFiles',
    );
    expect(catalogue.status().installed).toBe(false);
  });

  it('keeps answering from the old catalogue during an import, and after one that is cancelled', async () => {
    const { catalogue, dataDir } = service();
    await catalogue.importArchives([particuliers()], { demo: false, ...quiet });
    const many: Record<string, Buffer> = {};
    const f = xml('F23961-3.4.xml').toString('utf8');
    for (let i = 0; i < 400; i++) many[`F${30000 + i}.xml`] = Buffer.from(f.replace(/F23961/g, `F${30000 + i}`));
    const big = zipFile(many);
    const controller = new AbortController();
    const answersDuring: string[] = [];
    const running = catalogue.importArchives([big], {
      demo: false,
      signal: controller.signal,
      progress: (done) => {
        if (done >= 100 && !controller.signal.aborted) {
          answersDuring.push(...catalogue.searchEntries('carte identite', 5).map((h) => h.id));
          controller.abort();
        }
      },
    });
    await expect(running).rejects.toThrow();
    expect(answersDuring).toEqual(['N358', 'F1341']);
    expect(catalogue.status().counts.fiche).toBe(1);
    expect(catalogue.searchEntries('micro entrepreneur', 5)).toEqual([]);
    expect(readdirSync(dataDir).filter((f) => f.startsWith(CATALOGUE_FILE))).toEqual([CATALOGUE_FILE]);
  });

  it('replaces the whole catalogue on a new import', async () => {
    const { catalogue, dataDir } = service();
    await catalogue.importArchives([particuliers()], { demo: true, ...quiet });
    expect(catalogue.status().demo).toBe(true);
    await catalogue.importArchives([professionnels()], { demo: false, ...quiet });
    expect(catalogue.status()).toMatchObject({ demo: false, counts: { fiche: 2, service: 0, topic: 0 } });
    expect(() => catalogue.entry('R42726')).toThrow(/catalogue.entryNotFound/);
    // A fresh service on the same folder opens what was installed (nothing is built at start).
    expect(service(dataDir).catalogue.status().counts.fiche).toBe(2);
  });
});

function zipText(text: string): string {
  const path = join(tempDir('mediane-catalogue-zip-'), 'not-a-zip.zip');
  writeFileSync(path, text);
  return path;
}
function truncated(path: string): string {
  const bytes = readFileSync(path);
  const out = join(tempDir('mediane-catalogue-zip-'), 'truncated.zip');
  writeFileSync(out, bytes.subarray(0, Math.floor(bytes.length / 2)));
  return out;
}

describe('catalogue.import through the contract (a job)', () => {
  function desk() {
    const state = { openPath: '' };
    const core = openCore({ dialogs: { pickSave: async () => null, pickOpen: async () => state.openPath } });
    return { core, state };
  }
  async function ended(core: Core, jobId: string): Promise<JobView> {
    let view = await call(core, 'jobs.get', { id: jobId });
    while (view.state === 'running')
      view = await call(core, 'jobs.get', { id: jobId, afterVersion: view.version, waitMs: 5000 });
    return view;
  }
  async function importThrough(core: Core, state: { openPath: string }, paths: string[]) {
    const sourceIds: string[] = [];
    for (const p of paths) {
      state.openPath = p;
      const src = await call(core, 'files.pickOpen', { purpose: 'catalogue' });
      sourceIds.push(src!.sourceId);
    }
    const { jobId } = await call(core, 'catalogue.import', { sourceIds });
    return ended(core, jobId);
  }

  it('imports the picked archives, then refuses a corrupted one with a typed error while the old one answers', async () => {
    const { core, state } = desk();
    try {
      expect(await call(core, 'catalogue.status', {})).toMatchObject({ installed: false });
      const done = await importThrough(core, state, [particuliers(), professionnels()]);
      expect(done).toMatchObject({ state: 'done', result: { counts: { fiche: 2, service: 1, topic: 1 } } });
      const failed = await importThrough(core, state, [truncated(particuliers())]);
      expect(failed).toMatchObject({
        state: 'failed',
        error: { code: 'invalid_input', messageKey: 'catalogue.damaged' },
      });
      const found = await call(core, 'catalogue.search', { query: 'carte d’identité' });
      expect(found).toMatchObject({
        dataDate: '2025-01-14',
        demo: false,
        hits: [expect.objectContaining({ id: 'N358' }), expect.objectContaining({ id: 'F1341' })],
      });
      expect(await call(core, 'catalogue.entry', { id: 'R42726' })).toMatchObject({ kind: 'service' });
      // A desk file's source is not a catalogue source: single use, and of its own purpose.
      state.openPath = particuliers();
      const deskSource = await call(core, 'files.pickOpen', { purpose: 'desk' });
      const wrong = await callResult(core, 'catalogue.import', { sourceIds: [deskSource!.sourceId] });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await callResult(core, 'catalogue.entry', { id: 'F9' })).toMatchObject({
        ok: false,
        error: { code: 'not_found', messageKey: 'catalogue.entryNotFound' },
      });
    } finally {
      await core.close();
    }
  });

  it('installs the demo catalogue at the first start only, marked as a demo', async () => {
    const dataDir = tempDir();
    const demo = [particuliers()];
    let core = openCore({ dataDir, demoCatalogue: demo });
    try {
      for (let i = 0; i < 200 && !(await call(core, 'catalogue.status', {})).installed; i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(await call(core, 'catalogue.status', {})).toMatchObject({
        installed: true,
        demo: true,
        dataDate: '2020-07-21',
      });
    } finally {
      await core.close();
    }
    expect(existsSync(join(dataDir, CATALOGUE_FILE))).toBe(true);
    core = openCore({ dataDir, demoCatalogue: [professionnels()] });
    try {
      expect(await call(core, 'catalogue.status', {})).toMatchObject({ demo: true, counts: { fiche: 1 } });
    } finally {
      await core.close();
    }
  });
});
