import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COUNT_CAP, SessionInput, type JournalFilter, type Session } from '../../shared/journal/schema';
import { TAXONOMY_VERSION } from '../../shared/taxonomy';
import {
  CallFailed,
  WORKSHOP,
  UUID_RE,
  call,
  callResult,
  fingerprint,
  individual,
  openCore,
  removeTempDirs,
  sequentialIds,
  testClock,
  workshop,
  type TestClock,
} from './helpers';
import type { Core } from '../../main/core';

const NOON = '2026-03-12T12:00:00.000Z';

let clock: TestClock;
let core: Core;

beforeEach(() => {
  clock = testClock(NOON);
  core = openCore({ clock, newId: sequentialIds() });
});
afterEach(() => {
  core.close();
  removeTempDirs();
});

async function rejected(p: Promise<unknown>): Promise<CallFailed['error']> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CallFailed) return e.error;
    throw e;
  }
  throw new Error('expected the call to be refused');
}

/** The taxonomy version stored on a session's row (a code of term_codes). */
function storedTaxonomyVersion(id: string) {
  return (
    core.db
      .prepare(
        `SELECT t.key FROM sessions s JOIN term_codes t ON t.domain = 'taxonomy_version' AND t.code = s.taxonomy_version WHERE s.id = ?`,
      )
      .get(id) as { key: string }
  ).key;
}

describe('journal: one session', () => {
  it('create fills the defaults, stamps the taxonomy version and the clock, and get returns the same record', async () => {
    const created = await call(core, 'journal.create', individual({ notes: 'Dossier presque complet' }));
    expect(created).toMatchObject({
      id: '00000000-0000-4000-8000-000000000001',
      kind: 'individuel',
      date: '2026-03-10',
      startTime: null,
      durationMin: 30,
      equipment: [],
      operators: ['caf'],
      autonomy: null,
      person: {
        ageBracket: 'non_communique',
        gender: 'non_communique',
        status: 'non_communique',
        communeCode: null,
        firstVisit: null,
      },
      notes: 'Dossier presque complet',
      followUp: null,
      taxonomyVersion: TAXONOMY_VERSION,
      createdAt: NOON,
      updatedAt: NOON,
      followUpClosedAt: null,
    });
    expect(created).not.toHaveProperty('liveId');
    expect(await call(core, 'journal.get', { id: created.id })).toEqual(created);
    expect(storedTaxonomyVersion(created.id)).toBe(TAXONOMY_VERSION);
  });

  it('uses UUIDs for ids by default', async () => {
    const real = openCore({ clock }); // no injected ids
    const a = await call(real, 'journal.create', individual());
    const b = await call(real, 'journal.create', individual());
    const t = await call(real, 'journal.startTimer', {});
    for (const id of [a.id, b.id, t.id]) expect(id).toMatch(UUID_RE);
    expect(new Set([a.id, b.id, t.id]).size).toBe(3);
    real.close();
  });

  it('get of an unknown id is not_found', async () => {
    const error = await rejected(call(core, 'journal.get', { id: '11111111-1111-4111-8111-111111111111' }));
    expect(error).toEqual({ code: 'not_found', messageKey: 'journal.notFound' });
  });

  it('update changes the record and updatedAt, keeps createdAt and the id, and moves the index rows', async () => {
    const created = await call(core, 'journal.create', individual({ operators: ['caf'] }));
    clock.advance(3_600_000);
    const updated = await call(core, 'journal.update', {
      id: created.id,
      session: individual({ date: '2026-03-11', operators: ['cpam', 'msa'], durationMin: 45, outcome: 'doit_revenir' }),
    });
    expect(updated).toMatchObject({
      id: created.id,
      date: '2026-03-11',
      operators: ['cpam', 'msa'],
      durationMin: 45,
      outcome: 'doit_revenir',
      createdAt: NOON,
      updatedAt: '2026-03-12T13:00:00.000Z',
      taxonomyVersion: TAXONOMY_VERSION,
    });
    expect(await call(core, 'journal.get', { id: created.id })).toEqual(updated);
    const byOp = (operator: string) =>
      call(core, 'journal.list', { filter: { operator } }).then((p) => p.rows.map((r) => r.id));
    expect(await byOp('caf')).toEqual([]);
    expect(await byOp('cpam')).toEqual([created.id]);
    // Stored as codes and days since 2000-01-01 (julianday 2451544.5).
    const links = core.db
      .prepare(
        `SELECT c.key AS operator, date(2451544.5 + o.date) AS date FROM session_operators o
        JOIN term_codes c ON c.domain = 'operator' AND c.code = o.operator ORDER BY c.key`,
      )
      .all();
    expect(links).toEqual([
      { operator: 'cpam', date: '2026-03-11' },
      { operator: 'msa', date: '2026-03-11' },
    ]);
  });

  it('update can turn an individual session into a workshop and back', async () => {
    const created = await call(core, 'journal.create', individual());
    const asWorkshop = await call(core, 'journal.update', { id: created.id, session: workshop() });
    expect(asWorkshop.kind).toBe('collectif');
    expect((await call(core, 'journal.list', {})).rows[0]).toMatchObject({
      kind: 'collectif',
      participants: 8,
      workshopTitle: 'Premiers pas avec la messagerie',
    });
    const back = await call(core, 'journal.update', { id: created.id, session: individual() });
    expect(back.kind).toBe('individuel');
    expect(back).not.toHaveProperty('workshop');
    expect((await call(core, 'journal.list', {})).rows[0]).toMatchObject({ participants: 1, workshopTitle: null });
  });

  it('delete hides the session everywhere and restore (undo) brings it back', async () => {
    const s = await call(
      core,
      'journal.create',
      individual({ followUp: { dueDate: '2026-03-15', reason: 'Relancer la CAF' } }),
    );
    clock.advance(1000);
    expect(await call(core, 'journal.delete', { id: s.id })).toEqual({ id: s.id });
    expect((await rejected(call(core, 'journal.get', { id: s.id }))).code).toBe('not_found');
    expect((await call(core, 'journal.list', {})).total).toBe(0);
    expect((await call(core, 'journal.list', { filter: { operator: 'caf' } })).total).toBe(0);
    expect(await call(core, 'journal.followUps', {})).toEqual([]);
    expect((await rejected(call(core, 'journal.delete', { id: s.id }))).code).toBe('not_found');
    expect((await rejected(call(core, 'journal.update', { id: s.id, session: individual() }))).code).toBe('not_found');
    expect((await rejected(call(core, 'journal.closeFollowUp', { id: s.id }))).code).toBe('not_found');

    clock.advance(1000);
    const restored = await call(core, 'journal.restore', { id: s.id });
    expect(restored).toEqual({ ...s, updatedAt: '2026-03-12T12:00:02.000Z' });
    expect(await call(core, 'journal.get', { id: s.id })).toEqual(restored);
    expect((await call(core, 'journal.list', {})).total).toBe(1);
    expect((await call(core, 'journal.followUps', {})).map((f) => f.id)).toEqual([s.id]);
    expect((await rejected(call(core, 'journal.restore', { id: '11111111-1111-4111-8111-111111111111' }))).code).toBe(
      'not_found',
    );
  });
});

describe('journal: references and validation', () => {
  it('refuses an unknown operator key with invalid_input and writes nothing', async () => {
    await call(core, 'journal.create', individual());
    const before = fingerprint(core.db);
    const error = await rejected(call(core, 'journal.create', individual({ operators: ['caf', 'urssaf'] })));
    expect(error).toEqual({
      code: 'invalid_input',
      issues: [{ path: 'operators.1', message: 'journal.operatorUnknown' }],
    });
    expect(fingerprint(core.db)).toEqual(before);
  });

  it('refuses an unknown commune code with invalid_input and writes nothing', async () => {
    const before = fingerprint(core.db);
    const error = await rejected(call(core, 'journal.create', individual({ person: { communeCode: '99999' } })));
    expect(error).toEqual({
      code: 'invalid_input',
      issues: [{ path: 'person.communeCode', message: 'journal.communeInvalid' }],
    });
    expect(fingerprint(core.db)).toEqual(before);
    // A real commune is accepted.
    const ok = await call(core, 'journal.create', individual({ person: { communeCode: '69123', firstVisit: true } }));
    expect(ok.kind === 'individuel' && ok.person.communeCode).toBe('69123');
  });

  it('an update with an unknown operator or commune changes nothing', async () => {
    const s = await call(core, 'journal.create', individual());
    const before = fingerprint(core.db);
    clock.advance(1000);
    expect(
      (await rejected(call(core, 'journal.update', { id: s.id, session: individual({ operators: ['nope_op'] }) })))
        .code,
    ).toBe('invalid_input');
    expect(
      (
        await rejected(
          call(core, 'journal.update', { id: s.id, session: individual({ person: { communeCode: '00000' } }) }),
        )
      ).code,
    ).toBe('invalid_input');
    expect(fingerprint(core.db)).toEqual(before);
    expect(await call(core, 'journal.get', { id: s.id })).toEqual(s);
  });

  it('refuses impossible dates, zero or too-long durations and admin topics without admin help', async () => {
    const before = fingerprint(core.db);
    const cases: Array<[unknown, string]> = [
      [individual({ date: '2026-02-29' }), 'journal.dateInvalid'],
      [individual({ durationMin: 0 }), 'journal.durationInvalid'],
      [individual({ durationMin: 24 * 60 }), 'journal.durationTooLong'],
      [individual({ topics: ['email'], adminTopics: ['logement'] }), 'journal.adminTopicsNeedAdminHelp'],
      [individual({ outcome: 'oriente_vers_structure', orientation: null }), 'journal.orientationRequired'],
      [individual({ followUp: { dueDate: '2026-03-01', reason: 'Trop tôt' } }), 'journal.followUpBeforeSession'],
    ];
    for (const [input, key] of cases) {
      const r = await callResult(core, 'journal.create', input as never);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.issues?.map((i) => i.message)).toContain(key);
    }
    expect(fingerprint(core.db)).toEqual(before);
  });
});

describe('journal: workshops', () => {
  it('stores a workshop with its participant breakdowns', async () => {
    const w = await call(core, 'journal.create', workshop());
    expect(w.kind).toBe('collectif');
    if (w.kind !== 'collectif') return;
    expect(w.workshop).toEqual(WORKSHOP);
    expect(w.taxonomyVersion).toBe(TAXONOMY_VERSION);
    expect(await call(core, 'journal.get', { id: w.id })).toEqual(w);
    const row = (await call(core, 'journal.list', { filter: { kind: 'collectif' } })).rows[0];
    expect(row).toMatchObject({
      id: w.id,
      participants: 8,
      workshopTitle: 'Premiers pas avec la messagerie',
      operators: [],
    });
    // Partial breakdowns (fewer counted than present) are fine.
    await call(
      core,
      'journal.create',
      workshop({ workshop: { title: 'Tablette', level: 'avance', participants: 10, byGender: { feminin: 2 } } }),
    );
  });

  it('refuses a breakdown that exceeds the number of participants, and writes nothing', async () => {
    const before = fingerprint(core.db);
    for (const key of ['byGender', 'byAge', 'byStatus'] as const) {
      const counts = {
        byGender: { feminin: 6, masculin: 3 },
        byAge: { soixante_dix_plus: 9 },
        byStatus: { retraite: 5, en_emploi: 5 },
      }[key];
      const error = await rejected(
        call(
          core,
          'journal.create',
          workshop({ workshop: { title: 'Atelier', level: 'debutant', participants: 8, [key]: counts } }),
        ),
      );
      expect(error.code).toBe('invalid_input');
      expect(error.issues).toContainEqual({ path: `workshop.${key}`, message: 'journal.breakdownExceedsTotal' });
    }
    expect(fingerprint(core.db)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Lists: checked against a plain in-memory oracle over every combination of a few filter values.

type Fixture = { key: string; input: ReturnType<typeof individual> };
const ADMIN = 'aide_aux_demarches_administratives' as const;
const FIXTURES: Fixture[] = [
  {
    key: 'A',
    input: individual({
      date: '2026-01-05',
      durationMin: 30,
      operators: ['caf'],
      topics: [ADMIN],
      adminTopics: [],
      outcome: 'finalisee',
    }),
  },
  {
    key: 'B',
    input: individual({
      date: '2026-01-20',
      durationMin: 45,
      operators: ['cpam', 'caf'],
      topics: [ADMIN, 'email'],
      adminTopics: [],
      outcome: 'doit_revenir',
      followUp: { dueDate: '2026-02-01', reason: 'Attestation à apporter' },
    }),
  },
  {
    key: 'C',
    input: workshop({ date: '2026-02-03', durationMin: 120, operators: [], topics: ['email', 'securite_numerique'] }),
  },
  {
    key: 'D',
    input: individual({
      date: '2026-02-15',
      durationMin: 15,
      operators: ['france_travail'],
      topics: [ADMIN, 'insertion_professionnelle'],
      adminTopics: [],
      outcome: 'oriente_vers_structure',
      orientation: 'insertion_professionnelle',
      followUp: { dueDate: '2026-02-20', reason: 'Vérifier le rendez-vous' },
    }),
  },
  {
    key: 'E',
    input: individual({
      date: '2026-03-01',
      durationMin: 60,
      operators: ['caf'],
      topics: [ADMIN, 'banque_et_achats_en_ligne'],
      adminTopics: [],
      outcome: 'a_finaliser_en_autonomie',
      followUp: { dueDate: '2026-03-05', reason: 'Relance' },
    }),
  },
  { key: 'F', input: workshop({ date: '2026-03-01', durationMin: 90, topics: ['culture_numerique'] }) },
  {
    key: 'G',
    input: individual({
      date: '2026-03-10',
      durationMin: 30,
      operators: ['dgfip'],
      topics: [ADMIN],
      adminTopics: [],
      outcome: 'finalisee',
    }),
  },
  {
    key: 'H',
    input: individual({
      date: '2026-01-25',
      durationMin: 20,
      operators: ['caf'],
      topics: ['email'],
      adminTopics: [],
      outcome: 'finalisee',
      followUp: { dueDate: '2026-01-26', reason: 'Supprimé ensuite' },
    }),
  },
  {
    key: 'I',
    input: individual({
      date: '2026-02-10',
      durationMin: 50,
      operators: ['cpam'],
      topics: [ADMIN],
      adminTopics: [],
      outcome: 'doit_revenir',
      followUp: { dueDate: '2026-02-12', reason: 'Clos ensuite' },
    }),
  },
];

interface Known {
  key: string;
  seq: number;
  session: Session;
  deleted: boolean;
  closed: boolean;
}

async function seedList(): Promise<Known[]> {
  const known: Known[] = [];
  for (const [i, f] of FIXTURES.entries()) {
    const session = await call(core, 'journal.create', f.input);
    known.push({ key: f.key, seq: i, session, deleted: false, closed: false });
  }
  const by = (k: string) => known.find((x) => x.key === k)!;
  await call(core, 'journal.delete', { id: by('H').session.id });
  by('H').deleted = true;
  await call(core, 'journal.closeFollowUp', { id: by('I').session.id });
  by('I').closed = true;
  return known;
}

function oracle(known: Known[], f: Omit<Required<JournalFilter>, 'guide'>, sort: string): string[] {
  const rows = known.filter(({ session: s, deleted, closed }) => {
    if (deleted) return false;
    if (f.from && s.date < f.from) return false;
    if (f.to && s.date > f.to) return false;
    if (f.kind && s.kind !== f.kind) return false;
    if (f.operator && !s.operators.includes(f.operator)) return false;
    if (f.topic && !(s.topics as string[]).includes(f.topic)) return false;
    if (f.outcome && s.outcome !== f.outcome) return false;
    if (f.followUpDue && (!s.followUp || closed)) return false;
    return true;
  });
  const cmp: Record<string, (a: Known, b: Known) => number> = {
    date_desc: (a, b) => b.session.date.localeCompare(a.session.date) || b.seq - a.seq,
    date_asc: (a, b) => a.session.date.localeCompare(b.session.date) || a.seq - b.seq,
    duration_desc: (a, b) =>
      b.session.durationMin - a.session.durationMin || b.session.date.localeCompare(a.session.date) || b.seq - a.seq,
    duration_asc: (a, b) =>
      a.session.durationMin - b.session.durationMin || a.session.date.localeCompare(b.session.date) || a.seq - b.seq,
  };
  return rows.sort(cmp[sort]).map((k) => k.key);
}

describe('journal: list', () => {
  it('matches the oracle for every combination of period, kind, operator, topic, outcome and followUpDue, in every sort', async () => {
    const known = await seedList();
    const keyOf = new Map(known.map((k) => [k.session.id, k.key]));
    let combos = 0;
    for (const from of [null, '2026-02-01'])
      for (const to of [null, '2026-03-01', '2026-01-20'])
        for (const kind of [null, 'individuel', 'collectif'] as const)
          for (const operator of [null, 'caf', 'cpam', 'msa'])
            for (const topic of [null, ADMIN, 'email'] as const)
              for (const outcome of [null, 'finalisee', 'doit_revenir'] as const)
                for (const followUpDue of [false, true])
                  for (const sort of ['date_desc', 'date_asc', 'duration_desc', 'duration_asc'] as const) {
                    const filter = { from, to, kind, operator, topic, outcome, followUpDue };
                    const page = await call(core, 'journal.list', { filter, sort, limit: 200 });
                    const expected = oracle(known, filter, sort);
                    const got = page.rows.map((r) => keyOf.get(r.id));
                    expect({ filter, sort, got }).toEqual({ filter, sort, got: expected });
                    expect(page.total).toBe(expected.length);
                    expect(page.totalCapped).toBe(false);
                    combos++;
                  }
    expect(combos).toBe(2 * 3 * 3 * 4 * 3 * 3 * 2 * 4);
  });

  it('the period is inclusive on both ends', async () => {
    const known = await seedList();
    const page = await call(core, 'journal.list', { filter: { from: '2026-03-01', to: '2026-03-01' } });
    expect(page.rows.map((r) => r.id).sort()).toEqual(
      known
        .filter((k) => ['E', 'F'].includes(k.key))
        .map((k) => k.session.id)
        .sort(),
    );
  });

  it('rows carry what the list shows', async () => {
    await seedList();
    const page = await call(core, 'journal.list', { filter: { from: '2026-01-20', to: '2026-01-20' } });
    expect(page.rows).toEqual([
      {
        id: expect.any(String),
        kind: 'individuel',
        date: '2026-01-20',
        startTime: null,
        durationMin: 45,
        topics: [ADMIN, 'email'],
        operators: ['cpam', 'caf'],
        procedureName: 'Demande de RSA',
        workshopTitle: null,
        participants: 1,
        outcome: 'doit_revenir',
        followUpDue: '2026-02-01',
        followUpClosed: false,
      },
    ]);
  });

  it('pages through the results with offset and limit; total counts the whole result', async () => {
    const known = await seedList();
    const all = oracle(
      known,
      { from: null, to: null, kind: null, operator: null, topic: null, outcome: null, followUpDue: false },
      'date_desc',
    );
    const keyOf = new Map(known.map((k) => [k.session.id, k.key]));
    for (const sort of ['date_desc', 'duration_asc'] as const) {
      const seen: string[] = [];
      for (let offset = 0; offset < all.length + 3; offset += 3) {
        const page = await call(core, 'journal.list', { sort, offset, limit: 3 });
        expect(page.total).toBe(all.length);
        expect(page.rows.length).toBe(Math.max(0, Math.min(3, all.length - offset)));
        seen.push(...page.rows.map((r) => keyOf.get(r.id)!));
      }
      expect(seen).toEqual(
        oracle(
          known,
          { from: null, to: null, kind: null, operator: null, topic: null, outcome: null, followUpDue: false },
          sort,
        ),
      );
    }
  });

  it('pages stay consistent when many sessions tie on the sort key', async () => {
    // 30 sessions with the same date and duration, with an operator filter (sorted outside any index).
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await call(core, 'journal.create', individual({ operators: ['caf'] }))).id);
    for (const filter of [{}, { operator: 'caf' }, { topic: ADMIN }]) {
      for (const sort of ['date_desc', 'date_asc', 'duration_desc', 'duration_asc'] as const) {
        const seen: string[] = [];
        for (let offset = 0; offset < 30; offset += 7) {
          seen.push(...(await call(core, 'journal.list', { filter, sort, offset, limit: 7 })).rows.map((r) => r.id));
        }
        expect(new Set(seen).size).toBe(30);
        expect(seen.sort()).toEqual([...ids].sort());
      }
    }
  });

  it(`caps the count at ${COUNT_CAP} and says so`, async () => {
    const input = SessionInput.parse(individual({ notes: '' }));
    const create = core.handlers['journal.create'];
    core.db.transaction(() => {
      for (let i = 0; i < COUNT_CAP + 5; i++) create(input);
    })();
    const page = await call(core, 'journal.list', { limit: 10 });
    expect(page).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    expect(page.rows).toHaveLength(10);
    const filtered = await call(core, 'journal.list', { filter: { operator: 'caf' }, limit: 1 });
    expect(filtered).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    const none = await call(core, 'journal.list', { filter: { operator: 'msa' } });
    expect(none).toMatchObject({ total: 0, totalCapped: false });
  });
});

describe('journal: follow-ups', () => {
  it('lists open follow-ups by due date, without closed or deleted ones', async () => {
    const known = await seedList();
    const items = await call(core, 'journal.followUps', {});
    const keyOf = new Map(known.map((k) => [k.session.id, k.key]));
    expect(items.map((i) => keyOf.get(i.id))).toEqual(['B', 'D', 'E']);
    expect(items.map((i) => i.dueDate)).toEqual(['2026-02-01', '2026-02-20', '2026-03-05']);
    expect(items[0]).toEqual({
      id: known[1]!.session.id,
      date: '2026-01-20',
      dueDate: '2026-02-01',
      reason: 'Attestation à apporter',
      kind: 'individuel',
      operators: ['cpam', 'caf'],
      procedureName: 'Demande de RSA',
      workshopTitle: null,
    });
  });

  it('closeFollowUp stamps the record, removes it from the view and the followUpDue filter', async () => {
    const s = await call(
      core,
      'journal.create',
      individual({ followUp: { dueDate: '2026-03-20', reason: 'Relancer' } }),
    );
    expect((await call(core, 'journal.list', { filter: { followUpDue: true } })).total).toBe(1);
    clock.advance(5000);
    const closed = await call(core, 'journal.closeFollowUp', { id: s.id });
    expect(closed.followUpClosedAt).toBe('2026-03-12T12:00:05.000Z');
    expect(closed.updatedAt).toBe('2026-03-12T12:00:05.000Z');
    expect(closed.followUp).toEqual({ dueDate: '2026-03-20', reason: 'Relancer' });
    expect(await call(core, 'journal.followUps', {})).toEqual([]);
    expect((await call(core, 'journal.list', { filter: { followUpDue: true } })).total).toBe(0);
    expect((await call(core, 'journal.list', {})).rows[0]).toMatchObject({
      followUpDue: '2026-03-20',
      followUpClosed: true,
    });
  });

  it('editing something else keeps a closed follow-up closed; changing the follow-up reopens it', async () => {
    const input = individual({ followUp: { dueDate: '2026-03-20', reason: 'Relancer' } });
    const s = await call(core, 'journal.create', input);
    const closed = await call(core, 'journal.closeFollowUp', { id: s.id });
    const fixedTypo = await call(core, 'journal.update', {
      id: s.id,
      session: { ...input, notes: 'Coquille corrigée' },
    });
    expect(fixedTypo.followUpClosedAt).toBe(closed.followUpClosedAt);
    expect(await call(core, 'journal.followUps', {})).toEqual([]);

    const moved = await call(core, 'journal.update', {
      id: s.id,
      session: { ...input, followUp: { dueDate: '2026-03-27', reason: 'Relancer' } },
    });
    expect(moved.followUpClosedAt).toBeNull();
    expect((await call(core, 'journal.followUps', {})).map((f) => f.dueDate)).toEqual(['2026-03-27']);
  });
});

describe('journal: live timers', () => {
  it('startTimer, timers in start order, cancelTimer', async () => {
    const a = await call(core, 'journal.startTimer', {});
    clock.advance(1000);
    const b = await call(core, 'journal.startTimer', {});
    expect(a).toEqual({ id: '00000000-0000-4000-8000-000000000001', startedAt: NOON, label: '' });
    expect(await call(core, 'journal.timers', {})).toEqual([a, b]);
    expect(await call(core, 'journal.cancelTimer', { id: a.id })).toEqual({ id: a.id });
    expect(await call(core, 'journal.timers', {})).toEqual([b]);
    expect(await rejected(call(core, 'journal.cancelTimer', { id: a.id }))).toEqual({
      code: 'not_found',
      messageKey: 'journal.timerNotFound',
    });
  });

  it('creating the session with liveId removes its timer; a refused save keeps it', async () => {
    const t = await call(core, 'journal.startTimer', {});
    const other = await call(core, 'journal.startTimer', {});
    expect(
      (await rejected(call(core, 'journal.create', individual({ liveId: t.id, operators: ['inconnu'] })))).code,
    ).toBe('invalid_input');
    expect((await call(core, 'journal.timers', {})).map((x) => x.id)).toEqual([t.id, other.id]);
    const s = await call(core, 'journal.create', individual({ liveId: t.id }));
    expect(s).not.toHaveProperty('liveId');
    expect(await call(core, 'journal.timers', {})).toEqual([other]);
  });

  it('the session and the timer removal are one transaction: if the timer removal fails, no session is written', async () => {
    const t = await call(core, 'journal.startTimer', {});
    core.db.exec(
      `CREATE TEMP TRIGGER fail_timer_delete BEFORE DELETE ON live_timers BEGIN SELECT RAISE(ABORT, 'disk says no'); END`,
    );
    const before = fingerprint(core.db);
    const r = await callResult(core, 'journal.create', individual({ liveId: t.id }));
    expect(r).toEqual({ ok: false, error: { code: 'internal' } });
    expect(fingerprint(core.db)).toEqual(before);
    core.db.exec('DROP TRIGGER fail_timer_delete');
    await call(core, 'journal.create', individual({ liveId: t.id }));
    expect(await call(core, 'journal.timers', {})).toEqual([]);
  });

  it('labelTimer sets a short label, trimmed; refuses a long one, personal data, or a timer that is gone', async () => {
    const t = await call(core, 'journal.startTimer', {});
    expect(await call(core, 'journal.labelTimer', { id: t.id, label: '  CAF prime d’activité ' })).toEqual({
      ...t,
      label: 'CAF prime d’activité',
    });
    expect(await call(core, 'journal.timers', {})).toEqual([{ ...t, label: 'CAF prime d’activité' }]);
    const before = fingerprint(core.db);
    expect(await rejected(call(core, 'journal.labelTimer', { id: t.id, label: 'Mme X 06 12 34 56 78' }))).toMatchObject(
      {
        code: 'invalid_input',
      },
    );
    const long = await callResult(core, 'journal.labelTimer', { id: t.id, label: 'x'.repeat(41) });
    expect(long.ok).toBe(false);
    expect(fingerprint(core.db)).toEqual(before);
    await call(core, 'journal.cancelTimer', { id: t.id });
    expect(await rejected(call(core, 'journal.labelTimer', { id: t.id, label: 'ANTS' }))).toEqual({
      code: 'not_found',
      messageKey: 'journal.timerNotFound',
    });
  });

  it('timers survive a restart', async () => {
    const t = await call(core, 'journal.startTimer', {});
    core.close();
    const again = openCore({ dataDir: (core as unknown as { dataDir: string }).dataDir, clock });
    expect(await call(again, 'journal.timers', {})).toEqual([t]);
    again.close();
  });
});
