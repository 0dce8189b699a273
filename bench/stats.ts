// The statistics dashboard over a large journal: `stats.dashboard` (rollups) against a naive GROUP BY over the
// journal's sessions for the same period, in the same run. Part of `npm run bench` (section "stats").
import type Database from 'better-sqlite3';
import { createCore } from '../main/core';
import { dayNumber } from '../main/core/stats/cells';
import type { StatsFilters } from '../shared/stats/schema';
import type { PeriodUnit } from '../shared/stats/period';
import { yearEarlier } from '../shared/stats/period';
import { sessionInputs } from '../tests/fixtures/journal-dataset';
import { measure, summarise, workDir, type Sample } from './work';

export interface StatsCase {
  name: string;
  unit: PeriodUnit;
  from: string;
  to: string;
  filters?: StatsFilters;
}

/** Periods of every unit over the generated history (2019-01-02 to 2026-11-27), and the filters that use slices. */
export const STATS_CASES: StatsCase[] = [
  { name: 'week', unit: 'week', from: '2026-11-16', to: '2026-11-22' },
  { name: 'month', unit: 'month', from: '2026-10-01', to: '2026-10-31' },
  { name: 'quarter', unit: 'quarter', from: '2026-07-01', to: '2026-09-30' },
  { name: 'year', unit: 'year', from: '2025-01-01', to: '2025-12-31' },
  { name: 'custom, 3 years 5 months, odd edges', unit: 'custom', from: '2021-03-17', to: '2024-08-09' },
  { name: 'whole history (8 years)', unit: 'custom', from: '2019-01-01', to: '2026-11-30' },
  { name: 'year, operator CAF', unit: 'year', from: '2025-01-01', to: '2025-12-31', filters: { operator: 'caf' } },
  {
    name: 'year, individual sessions finalised',
    unit: 'year',
    from: '2025-01-01',
    to: '2025-12-31',
    filters: { kind: 'individuel', outcome: 'finalisee' },
  },
  {
    name: 'whole history, topic e-mail',
    unit: 'custom',
    from: '2019-01-01',
    to: '2026-11-30',
    filters: { topic: 'email' },
  },
  {
    name: 'whole history, guide caf-prime-activite (3 %)',
    unit: 'custom',
    from: '2019-01-01',
    to: '2026-11-30',
    filters: { guide: 'caf-prime-activite' },
  },
];

/**
 * The guides a busy desk's sessions followed (the same shares as bench/guides.ts): about 9.5 % of the sessions, so
 * that the key figure "sessions that used a guide", its table and the guide filter are measured on realistic rows.
 */
const GUIDE_SHARES: Array<[string, number]> = [
  ['caf-prime-activite', 0.03],
  ['ants-carte-identite-passeport', 0.025],
  ['impots-declaration-revenus', 0.02],
  ['ameli-carte-vitale', 0.01],
  ['france-travail-actualisation', 0.01],
  ['justice-casier-judiciaire', 0.0005],
];

function attachGuides(db: Database.Database): number {
  let lower = 0;
  const insert = db.prepare(`INSERT INTO session_guides
      (guide, date, seq, title, steps_total, steps_done, blocked, position, updated_at)
    SELECT ?, date, seq, ?, 6, '[1,2,3,4,5,6]', 0, 0, 0 FROM sessions
    WHERE ((seq * 2654435761) % 1000000) >= ? AND ((seq * 2654435761) % 1000000) < ?`);
  db.transaction(() => {
    for (const [id, share] of GUIDE_SHARES) {
      const upper = lower + Math.round(share * 1_000_000);
      insert.run(id, `Guide ${id}`, lower, upper);
      lower = upper;
    }
  })();
  return db.prepare('SELECT count(*) FROM session_guides').pluck().get() as number;
}

/**
 * The naive baseline: what the dashboard would cost without rollups. One GROUP BY per dimension over the period's
 * live sessions (through the date index), the link tables for operators and topics, the trend per month for the
 * period and the year before. It reads fewer dimensions than the dashboard (no equipment, administrative topics or
 * workshop brackets, which SQL cannot unpack from their BLOBs): a baseline that flatters itself, not the rollups.
 */
export function naiveDashboard(db: Database.Database) {
  const live = 'FROM sessions s WHERE s.deleted_at IS NULL AND s.date BETWEEN @from AND @to';
  const queries = [
    `SELECT s.kind, count(*), sum(s.participants), sum(s.duration_min), sum(s.first_visit) ${live} GROUP BY s.kind`,
    `SELECT s.outcome, count(*) ${live} GROUP BY s.outcome`,
    `SELECT s.orientation, count(*) ${live} GROUP BY s.orientation`,
    `SELECT s.channel, count(*) ${live} GROUP BY s.channel`,
    `SELECT CASE WHEN s.duration_min < 30 THEN 0 WHEN s.duration_min < 60 THEN 1 WHEN s.duration_min < 120 THEN 2 ELSE 3 END, count(*) ${live} GROUP BY 1`,
    `SELECT s.autonomy, count(*) ${live} AND s.kind = 0 GROUP BY s.autonomy`,
    `SELECT s.age_bracket, count(*) ${live} AND s.kind = 0 GROUP BY s.age_bracket`,
    `SELECT s.gender, count(*) ${live} AND s.kind = 0 GROUP BY s.gender`,
    `SELECT s.status, count(*) ${live} AND s.kind = 0 GROUP BY s.status`,
    `SELECT s.commune_code, count(*) ${live} AND s.kind = 0 GROUP BY s.commune_code`,
    // Driven by the period's sessions (date index), each joined to its links by seq (their seq index).
    `SELECT o.operator, count(*) FROM sessions s CROSS JOIN session_operators o ON o.seq = s.seq
       WHERE s.deleted_at IS NULL AND s.date BETWEEN @from AND @to GROUP BY o.operator`,
    `SELECT t.topic, count(*) FROM sessions s CROSS JOIN session_topics t ON t.seq = s.seq
       WHERE s.deleted_at IS NULL AND s.date BETWEEN @from AND @to GROUP BY t.topic`,
    `SELECT count(*) ${live} AND s.follow_up_due IS NOT NULL AND s.follow_up_closed_at IS NULL`,
    // Guided mode: sessions that used a guide, and sessions per guide.
    `SELECT count(DISTINCT g.seq) FROM session_guides g CROSS JOIN sessions s ON s.seq = g.seq
       WHERE s.deleted_at IS NULL AND g.date BETWEEN @from AND @to`,
    `SELECT g.guide, count(*) FROM session_guides g CROSS JOIN sessions s ON s.seq = g.seq
       WHERE s.deleted_at IS NULL AND g.date BETWEEN @from AND @to GROUP BY g.guide`,
    `SELECT strftime('%Y-%m', s.date + 2451544.5), count(*), sum(s.participants) ${live} GROUP BY 1`,
    `SELECT strftime('%Y-%m', s.date + 2451544.5), count(*), sum(s.participants) FROM sessions s
       WHERE s.deleted_at IS NULL AND s.date BETWEEN @pfrom AND @pto GROUP BY 1`,
  ].map((q) => db.prepare(q));
  return (from: string, to: string) => {
    const p = {
      from: dayNumber(from),
      to: dayNumber(to),
      pfrom: dayNumber(yearEarlier(from)),
      pto: dayNumber(yearEarlier(to)),
    };
    for (const q of queries) q.all(p);
  };
}

export interface StatsBenchResult {
  name: string;
  measured: Sample;
  baseline: Sample | null;
  sessions: number;
}

export async function benchStats(
  source: string,
  sessions: number,
  it: { iterations: number; warmup: number; naive: number },
  log: (m: string) => void,
): Promise<StatsBenchResult[]> {
  // A copy: the guides followed are added to it.
  const dir = workDir(source, 'stats', 'copy');
  log(`e. statistics dashboard on ${sessions.toLocaleString('en')} sessions …`);
  const core = createCore({ dataDir: dir, maintenance: false });
  log(`   guides attached to ${attachGuides(core.db).toLocaleString('en')} sessions`);
  const naive = naiveDashboard(core.db);
  const out: StatsBenchResult[] = [];
  try {
    for (const c of STATS_CASES) {
      const run = () => core.stats.dashboard({ unit: c.unit, from: c.from, to: c.to }, c.filters);
      const measured = summarise(await measure(it.iterations, it.warmup, run));
      const baseline = summarise(await measure(it.naive, 1, () => naive(c.from, c.to)));
      log(`   ${c.name}: ${measured.p50.toFixed(2)} ms (naive ${baseline.p50.toFixed(1)} ms)`);
      out.push({ name: c.name, measured, baseline, sessions });
    }
    // What the rollups add to a save: one session's update inside a transaction (rolled back, so every run sees
    // the same file), as the journal's listener does it inside journal.create.
    const inputs = sessionInputs(it.iterations * 20 + 100, 9);
    const rollback = new Error('rollback');
    const once = core.db.transaction((x: (typeof inputs)[number]) => {
      core.stats.rollups.applySessionChange(null, x);
      throw rollback;
    });
    let i = 0;
    const measured = summarise(
      await measure(it.iterations * 20, 100, () => {
        try {
          once(inputs[i++]!);
        } catch (e) {
          if (e !== rollback) throw e;
        }
      }),
    );
    log(`   one save's rollup update: ${measured.p50.toFixed(3)} ms (p99 ${measured.p99.toFixed(3)} ms)`);
    out.push({
      name: "one save's rollup update (applySessionChange in a transaction)",
      measured,
      baseline: null,
      sessions,
    });
  } finally {
    core.close();
  }
  return out;
}
