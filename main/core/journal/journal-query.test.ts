// The journal list's query plans against a plain reference: every combination of filters, sorts and offsets must
// give exactly the rows and the capped total that filtering all sessions in JavaScript gives. Runs on a generated
// desk history larger than COUNT_CAP (so the cap is exercised), with soft-deleted sessions and closed follow-ups.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, generateDatabase, generateSessions } from '../../../tests/fixtures/journal-dataset';
import { COUNT_CAP, JournalQuery, SESSION_SORTS } from '../../../shared/journal/schema';
import { OUTCOMES } from '../../../shared/taxonomy';
import { createCore, type Core } from '../index';
import { listQuery } from './journal-query';
import { storedEncoding } from './session-row';
import { createTermCodes } from './term-codes';

interface Ref {
  seq: number;
  id: string;
  kind: string;
  date: string;
  duration_min: number;
  outcome: string | null;
  follow_up_due: string | null;
  follow_up_closed_at: string | null;
  deleted_at: string | null;
  operators: string[];
  topics: string[];
}

let dir: string;
let core: Core;
let all: Ref[];

const COUNT = COUNT_CAP + 4000;
const SEED = 42;
const DELETED_AT = '2026-01-01T00:00:00.000Z';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mediane-journal-query-'));
  generateDatabase(dir, COUNT, SEED);
  core = createCore({ dataDir: dir, maintenance: false });
  // More soft-deleted sessions than a desk has, spread over the years, so every plan meets them.
  core.db.prepare('UPDATE sessions SET deleted_at = ? WHERE seq % 23 = 0').run(Date.parse(DELETED_AT));
  // The reference is the generated history itself (the generator writes session n as seq n), not the stored rows.
  all = [];
  for (const g of generateSessions(COUNT, SEED)) {
    const seq = all.length + 1;
    all.push({
      seq,
      id: g.id,
      kind: g.data.kind,
      date: g.data.date,
      duration_min: g.data.durationMin,
      outcome: g.data.outcome,
      follow_up_due: g.data.followUp?.dueDate ?? null,
      follow_up_closed_at: g.followUpClosedAt,
      deleted_at: seq % 23 === 0 ? DELETED_AT : g.deletedAt,
      operators: g.data.operators,
      topics: g.data.topics,
    });
  }
}, 120_000);

afterAll(() => {
  core?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Query = ReturnType<typeof JournalQuery.parse>;

function reference(q: Query) {
  const f = q.filter;
  const rows = all.filter(
    (r) =>
      r.deleted_at === null &&
      (!f.from || r.date >= f.from) &&
      (!f.to || r.date <= f.to) &&
      (!f.kind || r.kind === f.kind) &&
      (!f.outcome || r.outcome === f.outcome) &&
      (!f.operator || r.operators.includes(f.operator)) &&
      (!f.topic || r.topics.includes(f.topic)) &&
      (!f.followUpDue || (r.follow_up_due !== null && r.follow_up_closed_at === null)),
  );
  const cmp = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);
  const asc = (a: Ref, b: Ref) =>
    q.sort.startsWith('date')
      ? cmp(a.date, b.date) || a.seq - b.seq
      : a.duration_min - b.duration_min || cmp(a.date, b.date) || a.seq - b.seq;
  rows.sort(q.sort.endsWith('_desc') ? (a, b) => asc(b, a) : asc);
  return {
    ids: rows.slice(q.offset, q.offset + q.limit).map((r) => r.id),
    total: Math.min(rows.length, COUNT_CAP),
    totalCapped: rows.length > COUNT_CAP,
  };
}

function queries(): Query[] {
  const rng = createRng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  const out: Query[] = [];
  const periods: Array<[string | null, string | null]> = [
    [null, null],
    [null, null],
    ['2025-01-01', '2025-12-31'],
    ['2026-03-01', '2026-03-31'],
    [null, '2020-06-30'],
    ['2026-11-20', null],
    ['2030-01-01', null],
  ];
  for (let i = 0; i < 400; i++) {
    const [from, to] = pick(periods);
    out.push(
      JournalQuery.parse({
        filter: {
          from,
          to,
          kind: pick([null, null, 'individuel', 'collectif']),
          operator: pick([null, null, null, 'caf', 'dgfip', 'justice', 'cpam', 'inconnu']),
          topic: pick([null, null, null, 'email', 'aide_aux_demarches_administratives', 'sante']),
          outcome: pick([null, null, null, ...OUTCOMES]),
          followUpDue: rng() < 0.2,
        },
        sort: pick(SESSION_SORTS),
        offset: pick([0, 0, 0, 37, 600, COUNT_CAP - 20, COUNT_CAP + 500]),
        limit: pick([50, 50, 1, 200]),
      }),
    );
  }
  // The corners: nothing at all, each sort; every filter alone.
  for (const sort of SESSION_SORTS) out.push(JournalQuery.parse({ sort }));
  return out;
}

describe('journal list queries', () => {
  it('give the same rows, order and capped total as a plain filter over every session', async () => {
    const seen = { capped: 0, exact: 0, empty: 0 };
    for (const q of queries()) {
      const page = await core.handlers['journal.list'](q);
      const want = reference(q);
      expect(
        { ids: page.rows.map((r) => r.id), total: page.total, totalCapped: page.totalCapped },
        JSON.stringify(q),
      ).toEqual(want);
      if (want.totalCapped) seen.capped++;
      else if (want.total > 0) seen.exact++;
      if (want.ids.length === 0) seen.empty++;
    }
    // The sample meets every case: totals past the cap, exact totals, empty pages.
    expect(seen.capped).toBeGreaterThan(5);
    expect(seen.exact).toBeGreaterThan(100);
    expect(seen.empty).toBeGreaterThan(5);
  });

  it('never scan the sessions table: every plan reads indexes', () => {
    for (const q of queries()) {
      const { rowsSql, countSql, params } = listQuery(q, storedEncoding(createTermCodes(core.db)));
      for (const sql of [rowsSql, countSql]) {
        const plan = (core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map(
          (r) => r.detail,
        );
        const tableScans = plan.filter(
          (d) => /^SCAN (s|d|sessions|session_operators|session_topics)\b/.test(d) && !/USING/.test(d),
        );
        expect(tableScans, `${JSON.stringify(q)}\n${plan.join('\n')}`).toEqual([]);
      }
    }
  });
});
