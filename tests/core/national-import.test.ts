import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core';
import type { JobView } from '../../shared/jobs/schema';
import type { ImportPreview } from '../../shared/exports/schema';
import { NATIONAL_EXPECTED, writeNationalCsv, writeNationalXlsx } from '../fixtures/national-export';
import { LYON_SITE, call, fingerprint, openCore, removeTempDirs, tempDir } from './helpers';
import { writeFileSync } from 'node:fs';

afterEach(() => removeTempDirs());

async function ended(core: Core, jobId: string): Promise<JobView> {
  let view = await call(core, 'jobs.get', { id: jobId });
  while (view.state === 'running')
    view = await call(core, 'jobs.get', { id: jobId, afterVersion: view.version, waitMs: 5000 });
  return view;
}

async function desk() {
  const dir = tempDir('mediane-import-');
  const state = { open: '' };
  const core = openCore({ dialogs: { pickSave: async () => join(dir, 'x'), pickOpen: async () => state.open } });
  await call(core, 'site.save', LYON_SITE);
  return { core, dir, state };
}

async function preview(core: Core, state: { open: string }, path: string): Promise<JobView> {
  state.open = path;
  const source = await call(core, 'files.pickOpen', { purpose: 'spreadsheet' });
  const { jobId } = await call(core, 'exports.previewImport', { sourceId: source!.sourceId });
  return ended(core, jobId);
}

async function commit(core: Core, planId: string) {
  const { jobId } = await call(core, 'exports.commitImport', { planId });
  return ended(core, jobId);
}

const allSessions = (core: Core) =>
  call(core, 'journal.list', { filter: { from: '2026-01-01', to: '2026-12-31' }, limit: 200 });

describe('import from the national tool', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`${format}: the preview says what would be written, and writes nothing`, async () => {
      const { core, dir, state } = await desk();
      const file = join(dir, `activites.${format}`);
      (format === 'csv' ? writeNationalCsv : writeNationalXlsx)(file);
      const before = fingerprint(core.db);
      const view = await preview(core, state, file);
      expect(view.state).toBe('done');
      const p = view.result as ImportPreview;
      expect(p.rows).toBe(NATIONAL_EXPECTED.rows);
      expect(p.sessions).toBe(NATIONAL_EXPECTED.sessions);
      expect(p.workshops).toBe(NATIONAL_EXPECTED.workshops);
      expect(p.alreadyImported).toBe(0);
      expect(p.unreadable.map((u) => u.line)).toEqual(NATIONAL_EXPECTED.unreadableLines);
      expect(p.unreadable.map((u) => u.reason)).toEqual([
        'journal.dateInvalid',
        'exports.rowKind',
        'exports.rowTopics',
      ]);
      expect(p.unmapped.map((u) => u.value)).toEqual(expect.arrayContaining(NATIONAL_EXPECTED.unmapped));
      expect(fingerprint(core.db)).toEqual(before);
      await core.close();
    });
  }

  it('commits one record per session (the workshop folded back), and re-importing creates no duplicate', async () => {
    const { core, dir, state } = await desk();
    const file = join(dir, 'activites.xlsx');
    writeNationalXlsx(file);
    const first = (await preview(core, state, file)).result as ImportPreview;
    const done = await commit(core, first.planId);
    expect(done.result).toEqual({ inserted: 5, alreadyImported: 0, unreadableCount: 3 });
    const page = await allSessions(core);
    expect(page.total).toBe(5);
    const ws = page.rows.find((r) => r.kind === 'collectif')!;
    expect(ws).toMatchObject({
      workshopTitle: 'Découvrir la messagerie électronique',
      participants: 3,
      durationMin: 120,
    });
    const full = await call(core, 'journal.get', { id: ws.id });
    expect(full.kind === 'collectif' && full.workshop).toMatchObject({
      level: 'debutant',
      byGender: { feminin: 1, masculin: 1 },
      byAge: { soixante_dix_plus: 1, soixante_soixante_neuf: 1 },
      byStatus: { retraite: 2 },
    });
    const first1 = page.rows.find((r) => r.date === '2026-01-05')!;
    const s1 = await call(core, 'journal.get', { id: first1.id });
    expect(s1).toMatchObject({
      kind: 'individuel',
      channel: 'lieu_activite',
      topics: ['aide_aux_demarches_administratives'],
      adminTopics: ['social_sante'],
      procedureName: 'Demande de complémentaire santé solidaire',
      autonomy: 'partiellement_autonome',
      person: { gender: 'feminin', ageBracket: 'soixante_soixante_neuf', status: 'retraite', communeCode: '69266' },
    });
    // The same file, as CSV this time: every session is recognised, nothing is added.
    const csv = join(dir, 'activites.csv');
    writeNationalCsv(csv);
    const again = (await preview(core, state, csv)).result as ImportPreview;
    expect(again.alreadyImported).toBe(5);
    expect((await commit(core, again.planId)).result).toEqual({ inserted: 0, alreadyImported: 5, unreadableCount: 3 });
    expect((await allSessions(core)).total).toBe(5);
    await core.close();
  });

  it('a plan is written once; an unknown plan is refused', async () => {
    const { core, dir, state } = await desk();
    const file = join(dir, 'a.csv');
    writeNationalCsv(file);
    const p = (await preview(core, state, file)).result as ImportPreview;
    await commit(core, p.planId);
    await expect(call(core, 'exports.commitImport', { planId: p.planId })).rejects.toMatchObject({
      error: { code: 'not_found', messageKey: 'exports.planExpired' },
    });
    await core.close();
  });

  it('a file without the national columns, or not a spreadsheet, gets a clear error and writes nothing', async () => {
    const { core, dir, state } = await desk();
    const before = fingerprint(core.db);
    const wrong = join(dir, 'wrong.csv');
    writeFileSync(wrong, 'Nom;Prénom\nDupont;Jean\n');
    const v1 = await preview(core, state, wrong);
    expect(v1.state).toBe('failed');
    expect(v1.error).toMatchObject({ code: 'invalid_input', messageKey: 'exports.columnsMissing' });
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, Buffer.from('PK\u0003\u0004 not really a zip'));
    const v2 = await preview(core, state, broken);
    expect(v2.error).toMatchObject({ code: 'invalid_input', messageKey: 'exports.fileUnreadable' });
    expect(fingerprint(core.db)).toEqual(before);
    await core.close();
  });

  it('the journal’s bulk insert is all or nothing', async () => {
    const { core } = await desk();
    const before = fingerprint(core.db);
    const { importedId } = await import('../../main/core/exports/national-import');
    const { SessionInput } = await import('../../shared/journal/schema');
    const ok = SessionInput.parse({
      kind: 'individuel',
      date: '2026-01-05',
      durationMin: 30,
      channel: 'domicile',
      topics: ['email'],
    });
    const bad = { ...ok, operators: ['not_an_operator'] };
    const { createJournalService } = await import('../../main/core/journal/journal-service');
    const journal = createJournalService({
      db: core.db,
      clock: { now: () => new Date('2026-03-01T10:00:00Z') },
      newId: () => importedId('x'),
      communeExists: () => true,
    });
    expect(() =>
      journal.importMany([
        { id: importedId('a'), data: ok, createdAt: null },
        { id: importedId('b'), data: bad, createdAt: null },
      ]),
    ).toThrow();
    expect(fingerprint(core.db)).toEqual(before);
    await core.close();
  });
});
