// Guided mode's cost on the journal (npm run bench -- --only guides): the list filtered by the guide used, against a
// naive plan (a full scan of sessions with an unindexed IN over session_guides, ORDER BY, uncapped COUNT), and the
// cost of showing the guides on every page (the journal's SessionLinks port) against the same list without it.
import { createCore } from '../main/core';
import { createJournalService } from '../main/core/journal/journal-service';
import { JournalQuery } from '../shared/journal/schema';
import { measure, workDir } from './work';

/** The guides a busy desk uses, and about which share of its sessions followed each (a session follows at most one here). */
const GUIDES: Array<[string, number]> = [
  ['caf-prime-activite', 0.03],
  ['ants-carte-identite-passeport', 0.025],
  ['impots-declaration-revenus', 0.02],
  ['ameli-carte-vitale', 0.01],
  ['france-travail-actualisation', 0.01],
  ['justice-casier-judiciaire', 0.0005],
];

export interface GuidesBenchCase {
  name: string;
  measured: number[];
  baseline: number[];
  baselineName: string;
  ratioKind: 'speedup' | 'overhead';
  note: string;
}

export async function benchGuides(
  source: string,
  sessions: number,
  it: { iterations: number; warmup: number; naive: number },
  log: (m: string) => void,
): Promise<GuidesBenchCase[]> {
  const dir = workDir(source, 'guides', 'copy');
  const core = createCore({ dataDir: dir, maintenance: false });
  const out: GuidesBenchCase[] = [];
  try {
    // Attach guides to a share of the sessions, spread over the years, as guided mode would have written them.
    const t0 = Date.now();
    let lower = 0;
    const insert = core.db
      .prepare(`INSERT INTO session_guides (guide, date, seq, title, steps_total, steps_done, blocked, position, updated_at)
      SELECT ?, date, seq, ?, 6, '[1,2,3,4,5,6]', 0, 0, 0 FROM sessions
      WHERE ((seq * 2654435761) % 1000000) >= ? AND ((seq * 2654435761) % 1000000) < ?`);
    core.db.transaction(() => {
      for (const [id, share] of GUIDES) {
        const upper = lower + Math.round(share * 1_000_000);
        insert.run(id, `Guide ${id}`, lower, upper);
        lower = upper;
      }
    })();
    const attached = (core.db.prepare('SELECT count(*) AS n FROM session_guides').get() as { n: number }).n;
    log(
      `   guides attached to ${attached.toLocaleString('en')} sessions in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );

    const q = (filter: Record<string, unknown>, sort = 'date_desc') => JournalQuery.parse({ filter, sort });
    const cases = [
      { name: 'guide caf-prime-activite (3 %)', query: q({ guide: 'caf-prime-activite' }) },
      {
        name: 'guide caf-prime-activite + operator caf, 2025',
        query: q({ guide: 'caf-prime-activite', operator: 'caf', from: '2025-01-01', to: '2025-12-31' }),
      },
      { name: 'guide justice-casier-judiciaire (0.05 %)', query: q({ guide: 'justice-casier-judiciaire' }) },
      { name: 'guide impots + sort duration desc', query: q({ guide: 'impots-declaration-revenus' }, 'duration_desc') },
    ];
    for (const c of cases) {
      const page = await core.handlers['journal.list'](c.query);
      const measured = await measure(it.iterations, it.warmup, () => core.handlers['journal.list'](c.query));
      const f = c.query.filter;
      const where = [
        's.deleted_at IS NULL',
        's.seq IN (SELECT g.seq FROM session_guides g NOT INDEXED WHERE g.guide = @guide)',
      ];
      if (f.from) where.push('s.date >= @from');
      if (f.to) where.push('s.date <= @to');
      if (f.operator)
        where.push('s.seq IN (SELECT o.seq FROM session_operators o NOT INDEXED WHERE o.operator = @operator)');
      const params: Record<string, unknown> = { guide: f.guide };
      const codes = core.db.prepare("SELECT code FROM term_codes WHERE domain = 'operator' AND key = ?");
      if (f.operator) params.operator = (codes.get(f.operator) as { code: number }).code;
      if (f.from) params.from = Math.round((Date.parse(f.from) - Date.UTC(2000, 0, 1)) / 86_400_000);
      if (f.to) params.to = Math.round((Date.parse(f.to) - Date.UTC(2000, 0, 1)) / 86_400_000);
      const order = c.query.sort === 'duration_desc' ? 's.duration_min DESC, s.date DESC' : 's.date DESC, s.seq DESC';
      const rows = core.db.prepare(
        `SELECT s.* FROM sessions s NOT INDEXED WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT 50`,
      );
      const count = core.db.prepare(`SELECT count(*) AS n FROM sessions s NOT INDEXED WHERE ${where.join(' AND ')}`);
      const baseline = await measure(it.naive, 1, () => {
        rows.all(params);
        count.get(params);
      });
      out.push({
        name: c.name,
        measured,
        baseline,
        baselineName: 'full scan of sessions, unindexed IN over session_guides, ORDER BY, uncapped COUNT(*)',
        ratioKind: 'speedup',
        note: `${page.rows.length} rows, total ${page.total}${page.totalCapped ? '+' : ''}`,
      });
      log(`   ${c.name}: ${page.total} sessions`);
    }

    // Showing the guides on the list: the same first page through a journal service without the port.
    const plain = createJournalService({
      db: core.db,
      clock: { now: () => new Date() },
      newId: () => '',
      communeExists: () => true,
    });
    const first = q({});
    const shown = await core.handlers['journal.list'](first);
    out.push({
      name: 'first page, guides shown (SessionLinks.listed)',
      measured: await measure(it.iterations, it.warmup, () => core.handlers['journal.list'](first)),
      baseline: await measure(it.iterations, it.warmup, () => plain.list(first)),
      baselineName: 'the same page without the guides',
      ratioKind: 'overhead',
      note: `${shown.rows.filter((r) => r.guides).length} of ${shown.rows.length} rows with a guide`,
    });
  } finally {
    await core.close();
  }
  void sessions;
  return out;
}
