import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core';
import { BAKERY } from '../../shared/diagnostic/contract.examples';
import {
  CallFailed,
  call,
  fingerprint,
  openCore,
  removeTempDirs,
  sequentialIds,
  testClock,
  type TestClock,
} from './helpers';

const cores: Core[] = [];
let clock: TestClock;
function core(): Core {
  clock = testClock('2026-12-07T09:00:00.000Z');
  const c = openCore({ clock, newId: sequentialIds() });
  cores.push(c);
  return c;
}
afterEach(() => {
  for (const c of cores.splice(0)) void c.close();
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

async function described(c: Core, mode: 'mediateur' | 'autonome' = 'mediateur', business = BAKERY) {
  const d = await call(c, 'diagnostic.start', { mode });
  await call(c, 'diagnostic.describe', { id: d.id, business });
  return d.id;
}

describe('diagnostic core', () => {
  it('describes the business with the official NAF label and section, and checks SIREN/SIRET and département', async () => {
    const c = core();
    const d = await call(c, 'diagnostic.start', { mode: 'autonome' });
    const described = await call(c, 'diagnostic.describe', { id: d.id, business: BAKERY });
    expect(described.business).toMatchObject({
      naf: '10.71C',
      nafLabel: 'Boulangerie et boulangerie-pâtisserie',
      nafSection: 'C',
      siret: '73282932000074',
    });
    expect(described.questionnaireVersion).toBe('v1');
    const bad = await refusal(
      call(c, 'diagnostic.describe', { id: d.id, business: { ...BAKERY, naf: '10.71X', siret: '123' } }),
    );
    expect(bad.code).toBe('invalid_input');
    expect(bad.issues).toEqual(
      expect.arrayContaining([{ path: 'business.siret', message: 'diagnostic.siretInvalid' }]),
    );
    const unknownNaf = await refusal(
      call(c, 'diagnostic.describe', { id: d.id, business: { ...BAKERY, naf: '10.79Z' } }),
    );
    expect(unknownNaf.issues).toEqual([{ path: 'business.naf', message: 'diagnostic.nafInvalid' }]);
    const noDep = await refusal(
      call(c, 'diagnostic.describe', { id: d.id, business: { ...BAKERY, departement: '96' } }),
    );
    expect(noDep.code).toBe('invalid_input');
  });

  it('searches the NAF list by words or code', async () => {
    const c = core();
    const byWords = await call(c, 'diagnostic.searchNaf', { query: 'boulangerie patisserie', limit: 5 });
    expect(byWords.map((e) => e.code)).toContain('10.71C');
    const byCode = await call(c, 'diagnostic.searchNaf', { query: '4711', limit: 10 });
    expect(byCode[0]).toMatchObject({ code: '47.11A', section: 'G' });
    expect((await call(c, 'diagnostic.departements', {})).find((d) => d.code === '2A')?.name).toBe('Corse-du-Sud');
  });

  it('saves every answer at once and resumes later; refuses an answer the item does not allow, keeping the rest', async () => {
    const c = core();
    const id = await described(c);
    await call(c, 'diagnostic.answer', { id, answers: { d1_besoins: 1, d5_ia_generative: 'na' } });
    await call(c, 'diagnostic.answer', { id, answers: { d1_budget: 0, d1_besoins: null } });
    expect((await call(c, 'diagnostic.get', { id })).answers).toEqual({ d5_ia_generative: 'na', d1_budget: 0 });
    const before = fingerprint(c.db);
    const refused: Array<Record<string, number | 'na' | 'dk'>> = [
      { d1_besoins: 'na' },
      { d1_besoins: 2 },
      { unknown_item: 1 },
      { d4_mots_de_passe: 'dk' },
      { d1_budget: 1, d2_part_ca_en_ligne: 'na' },
    ];
    for (const answers of refused) {
      const r = await refusal(call(c, 'diagnostic.answer', { id, answers }));
      expect(r.code).toBe('invalid_input');
    }
    expect(fingerprint(c.db)).toEqual(before);
  });

  it('logs a diagnosis done with a mediator as a journal session (entrepreneuriat), without the business name', async () => {
    const c = core();
    const id = await described(c);
    clock.advance(35 * 60_000);
    const done = await call(c, 'diagnostic.finish', { id });
    expect(done.status).toBe('termine');
    const session = await call(c, 'journal.get', { id: done.journalSessionId! });
    expect(session).toMatchObject({
      kind: 'individuel',
      date: '2026-12-07',
      durationMin: 35,
      topics: ['entrepreneuriat'],
    });
    expect(JSON.stringify(session)).not.toContain('Boulangerie des Pentes');
    // Finishing again logs nothing more.
    await call(c, 'diagnostic.finish', { id });
    expect((await call(c, 'journal.list', {})).total).toBe(1);
  });

  it('logs nothing in the journal for a self-service diagnosis', async () => {
    const c = core();
    const id = await described(c, 'autonome');
    expect((await call(c, 'diagnostic.finish', { id })).journalSessionId).toBeNull();
    expect((await call(c, 'journal.list', {})).total).toBe(0);
  });

  it('shows progress per dimension since the previous diagnosis of the same business', async () => {
    const c = core();
    const first = await described(c);
    await call(c, 'diagnostic.answer', { id: first, answers: { d4_sauvegarde: 0, d4_mises_a_jour: 0 } });
    await call(c, 'diagnostic.finish', { id: first });
    clock.set('2027-05-07T09:00:00.000Z');
    // A mediator's new diagnosis finds the earlier one by SIREN; the description is typed again.
    const second = await described(c);
    await call(c, 'diagnostic.answer', { id: second, answers: { d4_sauvegarde: 1, d4_mises_a_jour: 1 } });
    await call(c, 'diagnostic.finish', { id: second });
    const r = await call(c, 'diagnostic.results', { id: second });
    expect(r.progress).toMatchObject({ previousId: first, previousAsOf: '2026-12-07' });
    expect(r.progress!.dimensions.find((d) => d.id === 'donnees')).toEqual({
      id: 'donnees',
      before: 0,
      now: 100,
      delta: 100,
    });
    expect(r.results.asOf).toBe('2027-05-07');
    // Started from the earlier one: its description is copied.
    const third = await call(c, 'diagnostic.start', { mode: 'autonome', previousId: second });
    expect(third).toMatchObject({ previousId: second, answers: {} });
    expect(third.business?.naf).toBe('10.71C');
  });

  it("never links a self-service diagnosis to another one by SIREN (a public number shows nobody's results)", async () => {
    const c = core();
    const first = await described(c);
    await call(c, 'diagnostic.finish', { id: first });
    const alone = await described(c, 'autonome');
    expect((await call(c, 'diagnostic.get', { id: alone })).previousId).toBeNull();
    expect((await call(c, 'diagnostic.results', { id: alone })).progress).toBeNull();
  });

  it('is always re-scored with the questionnaire version it was answered with', async () => {
    const c = core();
    const id = await described(c);
    c.db.prepare("UPDATE diagnoses SET questionnaire_version = 'v99' WHERE id = ?").run(id);
    const r = await refusal(call(c, 'diagnostic.results', { id }));
    expect(r).toMatchObject({ code: 'conflict', messageKey: 'diagnostic.versionUnknown' });
  });

  it('deletes a diagnosis on request, for good, and the list shows the rest', async () => {
    const c = core();
    const first = await described(c);
    await call(c, 'diagnostic.finish', { id: first });
    const second = await call(c, 'diagnostic.start', { mode: 'mediateur', previousId: first });
    expect((await call(c, 'diagnostic.list', {})).total).toBe(2);
    await call(c, 'diagnostic.delete', { id: first });
    const page = await call(c, 'diagnostic.list', {});
    expect(page.rows.map((r) => r.id)).toEqual([second.id]);
    expect((await call(c, 'diagnostic.get', { id: second.id })).previousId).toBeNull();
    expect(c.db.prepare('SELECT count(*) AS n FROM diagnoses WHERE id = ?').get(first)).toEqual({ n: 0 });
    expect((await refusal(call(c, 'diagnostic.get', { id: first }))).code).toBe('not_found');
  });
});
