import { CoreError } from '../../../shared/errors';
import { localDate, type Clock, type IdSource } from '../../../shared/ids';
import type { ParsedInput } from '../../../shared/contract';
import type { Diagnosis, DiagnosisResults, NafEntry } from '../../../shared/diagnostic/contract';
import type { Questionnaire } from '../../../shared/diagnostic/questionnaire';
import { LATEST_VERSION, answerRules, questionnaireOf } from '../../../shared/diagnostic/questionnaires';
import type { AnswerValue, Business, DiagnosisMode, SizeBand } from '../../../shared/diagnostic/schema';
import type { PeersQuery } from '../../../shared/sync/api';
import type { PeerComparison } from '../../../shared/sync/desk-schema';
import { compareResults, scoreDiagnosis } from '../../../shared/diagnostic/scoring';
import type { Db } from '../storage/database';
import { loadDepartements, type NafIndex } from './naf-index';

/**
 * The journal as the diagnosis sees it: one method, injected by main/core/index.ts, so this feature never imports
 * the journal. A diagnosis done with a mediator is logged as a session (topic entrepreneuriat), without the name.
 */
export interface JournalPort {
  logDiagnosisSession(session: { date: string; durationMin: number }): { id: string };
}

/**
 * Self-service mode as the diagnosis sees it (the lock service, injected by main/core/index.ts): when the current
 * self-service period began, or null outside that mode. During the period a diagnosis is always done alone and only
 * the latest diagnosis started within it can be reached: the next person at the PC never sees the previous one's.
 */
export interface SelfServicePort {
  selfServiceSince(): string | null;
}

/**
 * Peer benchmarks as the diagnosis sees them (the sync service, injected by main/core/index.ts): the figures of
 * comparable businesses from the hub, or the last ones fetched. Absent: this desk has no hub.
 */
export interface PeersPort {
  benchmarks(query: PeersQuery): Promise<PeerComparison>;
}

/** A diagnosis closed in a period as the statistics sync takes it: the business's group and its scores only. */
export interface ClosedDiagnosisFigures {
  nafSection: string;
  sizeBand: SizeBand;
  departement: string;
  overall: number | null;
  dimensions: Array<{ id: string; score: number | null }>;
}

export interface DiagnosticDeps {
  db: Db;
  clock: Clock;
  newId: IdSource;
  naf: NafIndex;
  journal: JournalPort;
  selfService?: SelfServicePort;
  peers?: PeersPort;
}

interface Row {
  seq: number;
  id: string;
  mode: DiagnosisMode;
  questionnaire_version: string;
  business: string | null;
  siren: string | null;
  answers: string;
  previous_id: string | null;
  journal_session_id: string | null;
  started_at: string;
  updated_at: string;
  completed_at: string | null;
}

const MAX_DURATION_MIN = 23 * 60 + 59;

const localDay = (iso: string) => localDate(new Date(iso));

export function createDiagnosticService({ db, clock, newId, naf, journal, selfService, peers }: DiagnosticDeps) {
  const s = {
    insert: db.prepare(`INSERT INTO diagnoses (id, mode, questionnaire_version, business, siren, answers, previous_id,
      started_at, updated_at) VALUES (@id, @mode, @questionnaire_version, @business, @siren, @answers, @previous_id,
      @started_at, @updated_at)`),
    byId: db.prepare('SELECT * FROM diagnoses WHERE id = ?'),
    describe: db.prepare('UPDATE diagnoses SET business = ?, siren = ?, previous_id = ?, updated_at = ? WHERE seq = ?'),
    answers: db.prepare('UPDATE diagnoses SET answers = ?, updated_at = ? WHERE seq = ?'),
    finish: db.prepare('UPDATE diagnoses SET completed_at = ?, journal_session_id = ?, updated_at = ? WHERE seq = ?'),
    latestOfSiren: db.prepare(`SELECT id FROM diagnoses WHERE siren = ? AND id <> ? AND completed_at IS NOT NULL
      ORDER BY completed_at DESC LIMIT 1`),
    page: db.prepare('SELECT * FROM diagnoses ORDER BY started_at DESC, seq DESC LIMIT ? OFFSET ?'),
    count: db.prepare('SELECT count(*) AS n FROM diagnoses'),
    remove: db.prepare('DELETE FROM diagnoses WHERE seq = ?'),
    latestSince: db.prepare(`SELECT id FROM diagnoses WHERE mode = 'autonome' AND started_at >= ?
      ORDER BY started_at DESC, seq DESC LIMIT 1`),
    unlinkPrevious: db.prepare('UPDATE diagnoses SET previous_id = NULL WHERE previous_id = ?'),
    completedBetween: db.prepare(`SELECT * FROM diagnoses WHERE completed_at IS NOT NULL AND completed_at >= ?
      AND completed_at < ? ORDER BY completed_at, seq`),
  };
  let departements: Map<string, string> | null = null;
  const departementList = () =>
    (departements ??= new Map(
      loadDepartements()
        .filter((d) => /^(?:\d{2}|2A|2B|97[1-6])$/.test(d.code))
        .map((d) => [d.code, d.name]),
    ));

  const selfServiceSince = () => selfService?.selfServiceSince() ?? null;

  /**
   * Whether this diagnosis may be reached now: always, except in self-service mode (see SelfServicePort), where only
   * the latest diagnosis started during the period is: once the next visitor starts theirs, the previous one's is out
   * of reach even through the window's history.
   */
  function reachable(row: Row, since = selfServiceSince()): boolean {
    if (since === null) return true;
    const latest = s.latestSince.get(since) as { id: string } | undefined;
    return row.mode === 'autonome' && row.started_at >= since && latest?.id === row.id;
  }

  /** The diagnosis, if it exists and may be reached now; otherwise "not found" (an id says nothing more). */
  function rowOf(id: string): Row {
    const row = s.byId.get(id) as Row | undefined;
    if (!row || !reachable(row)) throw new CoreError('not_found', 'diagnostic.notFound');
    return row;
  }

  function questionnaireFor(row: Row): Questionnaire {
    const q = questionnaireOf(row.questionnaire_version);
    // A diagnosis written by a newer Médiane (a version this one does not have) cannot be scored here.
    if (!q) throw new CoreError('conflict', 'diagnostic.versionUnknown');
    return q;
  }

  function toDiagnosis(row: Row): Diagnosis {
    return {
      id: row.id,
      mode: row.mode,
      questionnaireVersion: row.questionnaire_version,
      business: row.business ? (JSON.parse(row.business) as Business) : null,
      answers: JSON.parse(row.answers) as Record<string, AnswerValue>,
      status: row.completed_at ? 'termine' : 'en_cours',
      previousId: row.previous_id,
      startedAt: row.started_at,
      updatedAt: row.updated_at,
      completedAt: row.completed_at,
      journalSessionId: row.journal_session_id,
    };
  }

  const startTx = db.transaction((input: ParsedInput<'diagnostic.start'>): Diagnosis => {
    const now = clock.now().toISOString();
    const previous = input.previousId ? rowOf(input.previousId) : null;
    const id = newId();
    s.insert.run({
      id,
      // Alone at the PC whatever the input says: a self-service diagnosis never logs a journal session.
      mode: selfServiceSince() !== null ? 'autonome' : input.mode,
      questionnaire_version: LATEST_VERSION,
      // A new diagnosis of the same business starts from its description (the answers start afresh).
      business: previous?.business ?? null,
      siren: previous?.siren ?? null,
      answers: '{}',
      previous_id: previous?.id ?? null,
      started_at: now,
      updated_at: now,
    });
    return toDiagnosis(rowOf(id));
  });

  const describeTx = db.transaction((input: ParsedInput<'diagnostic.describe'>): Diagnosis => {
    const row = rowOf(input.id);
    const b = input.business;
    const entry: NafEntry | null = naf.get(b.naf);
    const issues = [];
    if (!entry) issues.push({ path: 'business.naf', message: 'diagnostic.nafInvalid' });
    if (!departementList().has(b.departement))
      issues.push({ path: 'business.departement', message: 'diagnostic.departementInvalid' });
    if (issues.length || !entry) throw new CoreError('invalid_input', undefined, issues);
    const business: Business = { ...b, nafLabel: entry.label, nafSection: entry.section };
    const siren = b.siret ? b.siret.slice(0, 9) : null;
    // With a mediator, an earlier diagnosis of the same SIREN is found for the progress view. Alone at the PC it is
    // not: typing a public SIREN must not show another business's results.
    let previous = row.previous_id;
    if (!previous && siren && row.mode === 'mediateur')
      previous = (s.latestOfSiren.get(siren, row.id) as { id: string } | undefined)?.id ?? null;
    s.describe.run(JSON.stringify(business), siren, previous, clock.now().toISOString(), row.seq);
    return toDiagnosis(rowOf(row.id));
  });

  const answerTx = db.transaction((input: ParsedInput<'diagnostic.answer'>): Diagnosis => {
    const row = rowOf(input.id);
    const rules = answerRules(questionnaireFor(row));
    const issues = [];
    const answers = JSON.parse(row.answers) as Record<string, AnswerValue>;
    for (const [item, value] of Object.entries(input.answers)) {
      const rule = rules.get(item);
      const ok =
        rule !== undefined &&
        (value === null ||
          (value === 'na' && rule.na) ||
          (value === 'dk' && rule.dk) ||
          (typeof value === 'number' && value <= rule.max));
      if (!ok) {
        issues.push({ path: `answers.${item}`, message: 'diagnostic.answerInvalid' });
        continue;
      }
      if (value === null) delete answers[item];
      else answers[item] = value;
    }
    if (issues.length) throw new CoreError('invalid_input', undefined, issues);
    s.answers.run(JSON.stringify(answers), clock.now().toISOString(), row.seq);
    return toDiagnosis(rowOf(row.id));
  });

  const finishTx = db.transaction((id: string): Diagnosis => {
    const row = rowOf(id);
    if (!row.business) throw new CoreError('invalid_input', 'diagnostic.businessRequired');
    if (row.completed_at) return toDiagnosis(row);
    const now = clock.now();
    let sessionId: string | null = null;
    if (row.mode === 'mediateur') {
      const minutes = Math.round((now.getTime() - Date.parse(row.started_at)) / 60_000);
      const durationMin = Math.min(MAX_DURATION_MIN, Math.max(1, minutes));
      // Same transaction: the journal session and the finished diagnosis commit together or not at all.
      sessionId = journal.logDiagnosisSession({ date: localDay(now.toISOString()), durationMin }).id;
    }
    s.finish.run(now.toISOString(), sessionId, now.toISOString(), row.seq);
    return toDiagnosis(rowOf(id));
  });

  function resultsOf(row: Row) {
    const q = questionnaireFor(row);
    const business = row.business ? (JSON.parse(row.business) as Business) : null;
    if (!business) throw new CoreError('invalid_input', 'diagnostic.businessRequired');
    return scoreDiagnosis(q, {
      sizeBand: business.sizeBand,
      vatStatus: business.vatStatus,
      customerMix: business.customerMix,
      answers: JSON.parse(row.answers) as Record<string, AnswerValue>,
      asOf: localDay(row.completed_at ?? row.updated_at),
    });
  }

  const deleteTx = db.transaction((id: string) => {
    const row = rowOf(id);
    s.unlinkPrevious.run(row.id);
    s.remove.run(row.seq);
    return { id };
  });

  return {
    questionnaire(version: string): Questionnaire {
      const q = questionnaireOf(version === 'latest' ? LATEST_VERSION : version);
      if (!q) throw new CoreError('not_found', 'diagnostic.versionUnknown');
      return q;
    },
    searchNaf: (query: string, limit: number) => naf.search(query, limit),
    departements: () => [...departementList()].map(([code, name]) => ({ code, name })),
    start: (input: ParsedInput<'diagnostic.start'>) => startTx(input),
    describe: (input: ParsedInput<'diagnostic.describe'>) => describeTx(input),
    answer: (input: ParsedInput<'diagnostic.answer'>) => answerTx(input),
    get: (id: string) => toDiagnosis(rowOf(id)),
    finish: (id: string) => finishTx(id),
    results(id: string): DiagnosisResults {
      const row = rowOf(id);
      const results = resultsOf(row);
      let previousRow = row.previous_id ? (s.byId.get(row.previous_id) as Row | undefined) : undefined;
      if (previousRow && !reachable(previousRow)) previousRow = undefined;
      let progress: DiagnosisResults['progress'] = null;
      if (previousRow?.business && questionnaireOf(previousRow.questionnaire_version)) {
        const before = resultsOf(previousRow);
        progress = { previousId: previousRow.id, previousAsOf: before.asOf, ...compareResults(before, results) };
      }
      return { diagnosis: toDiagnosis(row), results, progress };
    },
    list(input: ParsedInput<'diagnostic.list'>) {
      const rows = (s.page.all(input.limit, input.offset) as Row[]).map((row) => {
        const business = row.business ? (JSON.parse(row.business) as Business) : null;
        let overall: number | null = null;
        if (business && questionnaireOf(row.questionnaire_version)) overall = resultsOf(row).overall.score;
        return {
          id: row.id,
          mode: row.mode,
          name: business?.name ?? '',
          naf: business?.naf ?? '',
          nafLabel: business?.nafLabel ?? '',
          sizeBand: business?.sizeBand ?? '',
          departement: business?.departement ?? '',
          status: row.completed_at ? ('termine' as const) : ('en_cours' as const),
          startedAt: row.started_at,
          completedAt: row.completed_at,
          overall,
        };
      });
      return { rows, total: (s.count.get() as { n: number }).n };
    },
    remove: (id: string) => deleteTx(id),

    /**
     * The diagnoses finished between two local days (inclusive), scored with their own questionnaire version: what the
     * statistics sync summarises for peer benchmarks. Only the business's group and the scores leave this service.
     */
    closedBetween(from: string, to: string): ClosedDiagnosisFigures[] {
      // completed_at is UTC; the local day may be a day earlier or later: read wider, then keep the local days.
      const wide = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000);
      const rows = s.completedBetween.all(wide(from, -1).toISOString(), wide(to, 2).toISOString()) as Row[];
      const out: ClosedDiagnosisFigures[] = [];
      for (const row of rows) {
        const day = localDay(row.completed_at!);
        if (day < from || day > to || !row.business || !questionnaireOf(row.questionnaire_version)) continue;
        const business = JSON.parse(row.business) as Business;
        const results = resultsOf(row);
        out.push({
          nafSection: business.nafSection,
          sizeBand: business.sizeBand,
          departement: business.departement,
          overall: results.overall.score,
          dimensions: results.dimensions.map((d) => ({ id: d.id, score: d.score })),
        });
      }
      return out;
    },

    /** How comparable businesses score (same NAF section and size band; nationally and in the département). */
    async peers(id: string): Promise<PeerComparison> {
      const row = rowOf(id);
      const business = row.business ? (JSON.parse(row.business) as Business) : null;
      if (!business) throw new CoreError('invalid_input', 'diagnostic.businessRequired');
      if (!peers) return { state: 'not_enrolled', fetchedAt: null, benchmarks: null };
      return peers.benchmarks({
        naf: business.nafSection,
        size: business.sizeBand,
        departement: business.departement,
      });
    },
  };
}
export type DiagnosticService = ReturnType<typeof createDiagnosticService>;
