import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ORDINARY_SESSION } from '../../shared/journal/contract.examples';
import { DESK_GUIDE } from '../../shared/guides/contract.examples';
import { PACK_FORMAT, PACK_FORMAT_VERSION } from '../../shared/guides/api';
import type { Guide } from '../../shared/guides/schema';
import { CallFailed, call, callResult, fingerprint, openCore, removeTempDirs, tempDir, testClock } from './helpers';

// The guides feature through the real boundary: shipped guides from a folder of the test's own, overrides (a whole
// local copy, marked, revertible), guide packs (export; import all-or-nothing with typed refusals), guided mode
// (a timer's guides move to its session; the journal shows and filters them).

const SHIPPED_A: Guide = {
  ...DESK_GUIDE,
  id: 'caf-test-aides',
  title: 'CAF : demander une aide',
  reviewedOn: '2026-10-01',
};
const SHIPPED_B: Guide = {
  ...DESK_GUIDE,
  id: 'ants-test-titre',
  title: 'ANTS : un titre',
  operator: 'ants',
  entryPoints: [{ label: 'France Titres', url: 'https://ants.gouv.fr/' }],
  servicePublicRefs: ['R1234', 'F35003'],
  steps: [
    ...DESK_GUIDE.steps,
    {
      number: 3,
      title: 'Valider la demande',
      action: 'Cliquer sur « Valider » et noter le numéro.',
      check: 'Un numéro de demande est donné.',
    },
  ],
};

function shippedDir(guides: Guide[]): string {
  const dir = tempDir('mediane-guides-');
  writeFileSync(join(dir, 'README.md'), '# test guides\n');
  for (const g of guides) writeFileSync(join(dir, `${g.id}.json`), JSON.stringify(g));
  return dir;
}

let files: string;
let saves = 0;
let opens: string[] = [];
function newCore(clock = testClock('2026-12-07T09:00:00.000Z')) {
  files = tempDir('mediane-guide-files-');
  mkdirSync(files, { recursive: true });
  const dialogs = {
    pickSave: async () => join(files, `pack-${++saves}.json`),
    pickOpen: async () => opens.shift() ?? join(files, 'missing.json'),
  };
  return openCore({ clock, guidesDir: shippedDir([SHIPPED_A, SHIPPED_B]), dialogs });
}
let core: ReturnType<typeof newCore>;

beforeEach(() => {
  core = newCore();
  opens = [];
});
afterEach(async () => {
  await core.close();
  removeTempDirs();
});

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof CallFailed) return e.error;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('guides: shipped and local versions', () => {
  it('lists the shipped guides by title, none local', async () => {
    const list = await call(core, 'guides.list', {});
    expect(list.map((g) => [g.id, g.local])).toEqual([
      ['ants-test-titre', null],
      ['caf-test-aides', null],
    ]);
    expect((await call(core, 'guides.get', { id: 'caf-test-aides' })).guide).toEqual(SHIPPED_A);
  });

  it('an edit is a whole local copy marked with its date; revert gives the shipped text back', async () => {
    const edited = { ...SHIPPED_A, title: 'CAF : demander une aide (version du lieu)' };
    const saved = await call(core, 'guides.saveOverride', { guide: edited });
    expect(saved.guide).toEqual(edited);
    expect(saved.local).toEqual({
      updatedAt: '2026-12-07T09:00:00.000Z',
      source: 'edit',
      shipped: true,
      shippedNewer: false,
    });
    expect((await call(core, 'guides.list', {})).find((g) => g.id === 'caf-test-aides')?.local?.source).toBe('edit');
    const reverted = await call(core, 'guides.revert', { id: 'caf-test-aides' });
    expect(reverted.detail).toEqual({ guide: SHIPPED_A, local: null });
    // Nothing local left to revert.
    expect((await refusal(call(core, 'guides.revert', { id: 'caf-test-aides' }))).messageKey).toBe('guides.notLocal');
  });

  it('a guide the desk adds is listed as local and removed by revert', async () => {
    await call(core, 'guides.saveOverride', { guide: DESK_GUIDE });
    const detail = await call(core, 'guides.get', { id: DESK_GUIDE.id });
    expect(detail.local?.shipped).toBe(false);
    expect(await call(core, 'guides.revert', { id: DESK_GUIDE.id })).toEqual({ id: DESK_GUIDE.id, detail: null });
    expect((await refusal(call(core, 'guides.get', { id: DESK_GUIDE.id }))).code).toBe('not_found');
  });

  it('refuses an invalid guide with field issues and writes nothing', async () => {
    const before = fingerprint(core.db);
    const bad = { ...SHIPPED_A, entryPoints: [{ label: 'Un site', url: 'http://example.com/' }] };
    const r = await callResult(core, 'guides.saveOverride', { guide: bad });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues?.map((i) => i.message)).toContain('guides.urlNotOfficial');
    expect(fingerprint(core.db)).toEqual(before);
  });

  it('gives other features index entries and the guides citing a fiche', async () => {
    const before = core.guides.revision();
    await call(core, 'guides.saveOverride', { guide: DESK_GUIDE });
    expect(core.guides.revision()).toBeGreaterThan(before);
    expect(core.guides.guideIndexEntries().map((e) => [e.id, e.local])).toEqual([
      ['ants-test-titre', false],
      ['caf-test-aides', false],
      [DESK_GUIDE.id, true],
    ]);
    expect(core.guides.citing('R1234')).toEqual([{ id: 'ants-test-titre', title: 'ANTS : un titre' }]);
    expect(core.guides.citing('F35003').map((g) => g.id)).toHaveLength(3);
    expect(core.guides.citing('F1')).toEqual([]);
  });
});

describe('guides on the catalogue’s fiche page', () => {
  it('a fiche lists the guides citing it, the desk’s own versions included', async () => {
    const xml = readFileSync(join(__dirname, '..', 'fixtures', 'catalogue', 'xml', 'F1341-3.3.xml'));
    const archive = join(files, 'particuliers.zip');
    writeFileSync(
      archive,
      zipSync({ 'F1341.xml': new Uint8Array(xml), 'arborescence.xml': new TextEncoder().encode('<Arborescence/>') }),
    );
    opens.push(archive);
    const source = await call(core, 'files.pickOpen', { purpose: 'catalogue' });
    const { jobId } = await call(core, 'catalogue.import', { sourceIds: [source!.sourceId] });
    let view = await call(core, 'jobs.get', { id: jobId });
    while (view.state === 'running')
      view = await call(core, 'jobs.get', { id: jobId, afterVersion: view.version, waitMs: 5000 });
    expect(view.state).toBe('done');
    expect((await call(core, 'catalogue.entry', { id: 'F1341' })).citedBy).toEqual([]);
    await call(core, 'guides.saveOverride', { guide: { ...DESK_GUIDE, servicePublicRefs: ['F1341'] } });
    expect((await call(core, 'catalogue.entry', { id: 'F1341' })).citedBy).toEqual([
      { id: DESK_GUIDE.id, title: DESK_GUIDE.title },
    ]);
  });
});

describe('guides: packs', () => {
  function pack(guides: unknown[], extra: Record<string, unknown> = {}) {
    const path = join(files, `in-${opens.length}-${Math.abs(JSON.stringify(guides).length)}.json`);
    writeFileSync(path, JSON.stringify({ format: PACK_FORMAT, formatVersion: PACK_FORMAT_VERSION, guides, ...extra }));
    return path;
  }
  async function importFile(path: string) {
    opens.push(path);
    const source = await call(core, 'files.pickOpen', { purpose: 'guidePack' });
    return call(core, 'guides.importPack', { sourceId: source!.sourceId });
  }

  it('exports the local guides and another desk imports them in one go', async () => {
    const edited = { ...SHIPPED_A, title: 'CAF : version corrigée' };
    await call(core, 'guides.saveOverride', { guide: edited });
    await call(core, 'guides.saveOverride', { guide: DESK_GUIDE });
    const target = await call(core, 'files.pickSave', { purpose: 'guidePack', suggestedName: 'guides.json' });
    const result = await call(core, 'guides.exportPack', { targetId: target!.targetId });
    expect(result.guides).toBe(2);
    const written = JSON.parse(readFileSync(join(files, result.name), 'utf8'));
    expect(written.format).toBe(PACK_FORMAT);
    expect(written.formatVersion).toBe(PACK_FORMAT_VERSION);
    expect(written.guides.map((g: Guide) => g.id).sort()).toEqual(['caf-test-aides', DESK_GUIDE.id]);

    // The other desk reads it back: the same guides, marked as coming from a pack.
    const exported = join(files, result.name);
    await core.close();
    core = newCore();
    expect(await importFile(exported)).toEqual({
      added: 1,
      updated: 1,
      unchanged: 0,
      ids: ['caf-test-aides', DESK_GUIDE.id],
    });
    expect((await call(core, 'guides.get', { id: 'caf-test-aides' })).guide).toEqual(edited);
    expect((await call(core, 'guides.get', { id: DESK_GUIDE.id })).local?.source).toBe('pack');
  });

  it('imports a valid pack: added, updated, unchanged counted; marked as coming from a pack', async () => {
    const path = pack([DESK_GUIDE, { ...SHIPPED_A, title: 'CAF : autre titre' }, SHIPPED_B]);
    const result = await importFile(path);
    expect(result).toEqual({
      added: 1,
      updated: 1,
      unchanged: 1,
      ids: [DESK_GUIDE.id, 'caf-test-aides', 'ants-test-titre'],
    });
    expect((await call(core, 'guides.get', { id: 'caf-test-aides' })).local?.source).toBe('pack');
    expect((await call(core, 'guides.get', { id: 'ants-test-titre' })).local).toBeNull();
  });

  it('refuses foreign, newer, empty, non-JSON and invalid packs with typed errors, writing nothing', async () => {
    const before = fingerprint(core.db);
    const cases: Array<[string, string]> = [];
    const notJson = join(files, 'not.json');
    writeFileSync(notJson, '{ not json');
    cases.push([notJson, 'guides.packNotJson']);
    const foreign = join(files, 'foreign.json');
    writeFileSync(foreign, JSON.stringify({ guides: [DESK_GUIDE] }));
    cases.push([foreign, 'guides.packForeign']);
    cases.push([pack([DESK_GUIDE], { formatVersion: PACK_FORMAT_VERSION + 1 }), 'guides.packNewer']);
    cases.push([pack([]), 'guides.packEmpty']);
    // One bad guide among good ones: nothing of the pack lands.
    cases.push([pack([DESK_GUIDE, { ...SHIPPED_A, steps: [] }]), 'guides.packInvalid']);
    cases.push([pack([DESK_GUIDE, DESK_GUIDE]), 'guides.packInvalid']);
    for (const [path, key] of cases) {
      const error = await refusal(importFile(path));
      expect(error.code, key).toBe('invalid_input');
      expect(error.messageKey).toBe(key);
      expect(fingerprint(core.db)).toEqual(before);
    }
    const invalid = await refusal(importFile(pack([DESK_GUIDE, { ...SHIPPED_A, steps: [] }])));
    expect(invalid.issues?.[0]?.path).toMatch(/^guides\.1\.steps/);
  });

  it('refuses to export when the desk has no guide of its own', async () => {
    const target = await call(core, 'files.pickSave', { purpose: 'guidePack', suggestedName: 'guides.json' });
    expect((await refusal(call(core, 'guides.exportPack', { targetId: target!.targetId }))).messageKey).toBe(
      'guides.packNothingLocal',
    );
  });
});

describe('guided mode', () => {
  it('a timer holds guides; ticking steps suggests an outcome; saving the session moves them; the journal shows and filters them', async () => {
    const timer = await call(core, 'journal.startTimer', {});
    const holder = { timerId: timer.id };
    let state = await call(core, 'guides.open', { holder, id: 'ants-test-titre' });
    expect(state.guides).toEqual([
      { id: 'ants-test-titre', title: 'ANTS : un titre', total: 3, done: [], blocked: false, available: true },
    ]);
    expect(state.suggestedOutcome).toBeNull();
    expect(state.sites).toEqual([{ label: 'France Titres', host: 'ants.gouv.fr' }]);
    state = await call(core, 'guides.tick', { holder, id: 'ants-test-titre', step: 2, done: true });
    expect(state.suggestedOutcome).toBe('a_finaliser_en_autonomie');
    await call(core, 'guides.tick', { holder, id: 'ants-test-titre', step: 1, done: true });
    state = await call(core, 'guides.tick', { holder, id: 'ants-test-titre', step: 3, done: true });
    expect(state.guides[0]!.done).toEqual([1, 2, 3]);
    expect(state.suggestedOutcome).toBe('finalisee');
    await call(core, 'guides.open', { holder, id: 'caf-test-aides' });
    state = await call(core, 'guides.block', { holder, id: 'caf-test-aides', blocked: true });
    expect(state.suggestedOutcome).toBe('doit_revenir');
    state = await call(core, 'guides.close', { holder, id: 'caf-test-aides' });
    expect(state.suggestedOutcome).toBe('finalisee');

    const saved = await call(core, 'journal.create', { ...ORDINARY_SESSION, liveId: timer.id });
    expect(await call(core, 'journal.timers', {})).toEqual([]);
    const ofSession = await call(core, 'guides.session', { holder: { sessionId: saved.id } });
    expect(ofSession.guides.map((g) => [g.id, g.done])).toEqual([['ants-test-titre', [1, 2, 3]]]);
    const other = await call(core, 'journal.create', ORDINARY_SESSION);

    const page = await call(core, 'journal.list', {});
    expect(page.rows.find((r) => r.id === saved.id)?.guides).toEqual([
      { id: 'ants-test-titre', title: 'ANTS : un titre', done: 3, total: 3 },
    ]);
    expect(page.rows.find((r) => r.id === other.id)).not.toHaveProperty('guides');
    const filtered = await call(core, 'journal.list', { filter: { guide: 'ants-test-titre' } });
    expect(filtered.rows.map((r) => r.id)).toEqual([saved.id]);
    expect(filtered.total).toBe(1);
    for (const sort of ['duration_desc', 'date_asc'] as const) {
      const withOthers = await call(core, 'journal.list', {
        filter: { guide: 'ants-test-titre', operator: 'caf', from: '2026-01-01' },
        sort,
      });
      expect(withOthers.rows.map((r) => r.id)).toEqual([saved.id]);
    }
    expect((await call(core, 'journal.list', { filter: { guide: 'caf-test-aides' } })).total).toBe(0);
    expect(await call(core, 'guides.used', {})).toEqual([{ id: 'ants-test-titre', title: 'ANTS : un titre' }]);

    // A deleted session leaves the filter; its date moves with an edit.
    await call(core, 'journal.delete', { id: saved.id });
    expect((await call(core, 'journal.list', { filter: { guide: 'ants-test-titre' } })).total).toBe(0);
    await call(core, 'journal.restore', { id: saved.id });
    await call(core, 'journal.update', { id: saved.id, session: { ...ORDINARY_SESSION, date: '2026-02-01' } });
    const moved = await call(core, 'journal.list', { filter: { guide: 'ants-test-titre', to: '2026-02-01' } });
    expect(moved.rows.map((r) => r.id)).toEqual([saved.id]);
  });

  it('a cancelled timer takes its guides with it; unknown holders and steps are refused', async () => {
    const timer = await call(core, 'journal.startTimer', {});
    await call(core, 'guides.open', { holder: { timerId: timer.id }, id: 'caf-test-aides' });
    await call(core, 'journal.cancelTimer', { id: timer.id });
    expect((core.db.prepare('SELECT count(*) AS n FROM timer_guides').get() as { n: number }).n).toBe(0);
    expect((await refusal(call(core, 'guides.session', { holder: { timerId: timer.id } }))).messageKey).toBe(
      'guides.timerNotFound',
    );
    const t2 = await call(core, 'journal.startTimer', {});
    await call(core, 'guides.open', { holder: { timerId: t2.id }, id: 'caf-test-aides' });
    const before = fingerprint(core.db);
    expect(
      (
        await refusal(
          call(core, 'guides.tick', { holder: { timerId: t2.id }, id: 'caf-test-aides', step: 9, done: true }),
        )
      ).messageKey,
    ).toBe('guides.stepUnknown');
    expect(
      (
        await refusal(
          call(core, 'guides.tick', { holder: { timerId: t2.id }, id: 'ants-test-titre', step: 1, done: true }),
        )
      ).messageKey,
    ).toBe('guides.notOpen');
    expect(
      (
        await refusal(
          call(core, 'guides.open', {
            holder: { sessionId: '00000000-0000-4000-8000-000000000999' },
            id: 'caf-test-aides',
          }),
        )
      ).messageKey,
    ).toBe('guides.sessionNotFound');
    expect(fingerprint(core.db)).toEqual(before);
  });

  it('the clean-PC checklist preference is on by default and can be turned off', async () => {
    expect(await call(core, 'guides.preferences', {})).toEqual({ cleanPcChecklist: true });
    expect(await call(core, 'guides.setPreferences', { cleanPcChecklist: false })).toEqual({ cleanPcChecklist: false });
    expect(await call(core, 'guides.preferences', {})).toEqual({ cleanPcChecklist: false });
  });
});
