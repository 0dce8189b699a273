import { MAX_LEVEL, type DiiIndicator, type Item, type Question, type Questionnaire } from './questionnaire';
import type { AnswerValue, Answers, DimensionScore, EinvoicingStatus, PlanAction, Results, SizeBand } from './schema';

// Pure scoring of a diagnosis (maturity-model.md, "Scoring"). Everything here is a function of the questionnaire, the
// business's size band, VAT status and customer mix, the answers and the day the diagnosis refers to: the same
// inputs always give the same result, and nothing reads the clock.

export interface ScoringInput {
  sizeBand: SizeBand;
  vatStatus: string;
  customerMix: string;
  answers: Answers;
  /** The day the diagnosis refers to (YYYY-MM-DD): suggested dates and deadlines are counted from it. */
  asOf: string;
}

type BandId = NonNullable<DimensionScore['band']>;

/** A business without employees: the staff items are left out of its score (never counted against it). */
const excludesStaff = (size: SizeBand) => size === '0';

function levelOf(value: AnswerValue | undefined): number | null {
  return typeof value === 'number' ? value : null;
}

/** Whether an item counts in this business's score at all (a staff item without employees does not). */
function inScope(question: Question, item: Item, size: SizeBand): boolean {
  return !(excludesStaff(size) && (question.staff || item.staff));
}

interface QuestionScore {
  score: number | null;
  applicable: number;
  total: number;
  dontKnow: number;
}

export function scoreQuestion(question: Question, answers: Answers, size: SizeBand): QuestionScore {
  const max = MAX_LEVEL[question.kind];
  let sum = 0;
  let applicable = 0;
  let total = 0;
  let dontKnow = 0;
  const noData = question.exclusive !== undefined && answers[question.exclusive] === 1;
  for (const item of question.items) {
    // The exclusive item ("no digital data") is not a positive answer: it only zeroes the question.
    if (item.id === question.exclusive) continue;
    if (!inScope(question, item, size)) continue;
    total++;
    const value = answers[item.id];
    if (value === 'dk') dontKnow++;
    const level = levelOf(value);
    if (noData) {
      applicable++;
      continue;
    }
    if (level === null) continue;
    applicable++;
    sum += Math.min(level, max) / max;
  }
  if (noData) return { score: 0, applicable, total, dontKnow };
  return { score: applicable === 0 ? null : (100 * sum) / applicable, applicable, total, dontKnow };
}

export function bandOf(q: Questionnaire, score: number | null): BandId | null {
  if (score === null) return null;
  const rounded = Math.round(score);
  return (q.bands.find((b) => rounded >= b.min && rounded <= b.max)?.id ?? null) as BandId | null;
}

interface RawDimension {
  id: string;
  raw: number | null;
  applicable: number;
  total: number;
  dontKnow: number;
}

function scoreDimensions(q: Questionnaire, answers: Answers, size: SizeBand): RawDimension[] {
  return q.dimensions.map((d) => {
    const scored = d.questions.filter((question) => question.scored !== false);
    const parts = scored.map((question) => scoreQuestion(question, answers, size));
    const present = parts.map((p) => p.score).filter((s): s is number => s !== null);
    return {
      id: d.id,
      raw: present.length ? present.reduce((a, b) => a + b, 0) / present.length : null,
      applicable: parts.reduce((a, p) => a + p.applicable, 0),
      total: parts.reduce((a, p) => a + p.total, 0),
      dontKnow: parts.reduce((a, p) => a + p.dontKnow, 0),
    };
  });
}

/** The scores only (dimensions and overall), without the plan: what the properties and the benchmark exercise. */
export function scoreMaturity(q: Questionnaire, answers: Answers, size: SizeBand) {
  const dims = scoreDimensions(q, answers, size);
  const present = dims.map((d) => d.raw).filter((s): s is number => s !== null);
  const overall = present.length ? present.reduce((a, b) => a + b, 0) / present.length : null;
  const dimensions: DimensionScore[] = dims.map((d) => ({
    id: d.id,
    score: d.raw === null ? null : Math.round(d.raw),
    band: bandOf(q, d.raw),
    // Under half its items applicable: the score says little, so the results say so.
    indicative: d.applicable * 2 < d.total,
    applicable: d.applicable,
    total: d.total,
    dontKnow: d.dontKnow,
  }));
  return { overall: { score: overall === null ? null : Math.round(overall), band: bandOf(q, overall) }, dimensions };
}

// ---- DII ---------------------------------------------------------------------------------------------------------

function kindsByItem(q: Questionnaire): Map<string, Question['kind']> {
  const kinds = new Map<string, Question['kind']>();
  for (const d of q.dimensions)
    for (const question of d.questions) for (const i of question.items) kinds.set(i.id, question.kind);
  return kinds;
}

function indicatorMet(
  ind: DiiIndicator,
  answers: Answers,
  size: SizeBand,
  kinds: Map<string, Question['kind']>,
): boolean {
  const level = (id: string | undefined) => (id ? levelOf(answers[id]) : null);
  const meets = (id: string) => {
    const l = level(id);
    if (l === null) return false;
    return kinds.get(id) === 'scale' ? l >= (ind.minLevel ?? 1) : l >= 1;
  };
  switch (ind.rule) {
    case 'item':
      return meets(excludesStaff(size) && ind.soloItem ? ind.soloItem : ind.item!);
    case 'anyOf':
      return (ind.items ?? []).some(meets);
    case 'onlineShare':
      return (level(ind.item) ?? 0) >= 1;
    case 'webB2c':
      return (level(ind.item) ?? 0) > 1 && (level(ind.items?.[0]) ?? 0) > 10;
  }
}

export function scoreDii(q: Questionnaire, answers: Answers, size: SizeBand): Results['dii'] {
  const kinds = kindsByItem(q);
  const indicators = q.dii.indicators.map((ind) => ({ id: ind.id, met: indicatorMet(ind, answers, size, kinds) }));
  const score = indicators.filter((i) => i.met).length;
  const level = q.dii.levels.find((l) => score >= l.min && score <= l.max)!.id;
  return {
    score,
    level,
    basic: score >= q.dii.basicLevel,
    // Eurostat's index covers businesses of 10 persons or more only.
    officialScope: size === '10-49' || size === '50-249',
    surveyYear: q.dii.surveyYear,
    indicators,
  };
}

// ---- E-invoicing gate --------------------------------------------------------------------------------------------

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function checkMet(check: Questionnaire['einvoicing']['checks'][number], input: ScoringInput): boolean {
  if (check.fromProfile) return input.vatStatus !== 'ne_sait_pas' && input.customerMix !== 'ne_sait_pas';
  const value = input.answers[check.id];
  if (value === 'na') return true;
  const level = levelOf(value);
  if (level === null) return false;
  // A platform chosen (2) or at least dated (1) meets the check; the other checks need their full "yes".
  if (check.kind === 'platform') return level >= 1;
  return level >= (check.kind === 'check' ? 1 : 2);
}

export function scoreEinvoicing(q: Questionnaire, input: ScoringInput): Results['einvoicing'] {
  const e = q.einvoicing;
  const receptionDeadline = e.receptionDeadline;
  const emissionDeadline = e.emissionDeadlines[input.sizeBand] ?? receptionDeadline;
  const checks = e.checks.map((c) => ({ id: c.id, met: checkMet(c, input) }));
  const status = ((): EinvoicingStatus => {
    if (input.vatStatus === 'non_assujetti') return 'non_concerne';
    const platformLevel = levelOf(input.answers[e.checks.find((c) => c.kind === 'platform')?.id ?? '']) ?? 0;
    if (checks.every((c) => c.met) && platformLevel >= 2) return 'pret';
    const receptionSoon = addDays(input.asOf, 90) >= receptionDeadline;
    const emissionSoon = addDays(input.asOf, 180) >= emissionDeadline;
    const emissionUnmet = e.checks.some((c, i) => c.deadline === 'emission' && !checks[i]!.met);
    if (receptionSoon && platformLevel < 1) return 'a_risque';
    if (emissionSoon && (emissionUnmet || platformLevel < 2)) return 'a_risque';
    if (checks.filter((c) => c.met).length < 2) return 'a_risque';
    return 'en_cours';
  })();
  return { status, receptionDeadline, emissionDeadline, checks };
}

// ---- Cyber red flags and the action plan -------------------------------------------------------------------------

export function redFlags(q: Questionnaire, answers: Answers): string[] {
  const flags: string[] = [];
  for (const d of q.dimensions)
    for (const question of d.questions)
      for (const item of question.items) if (item.redFlag && answers[item.id] !== 1) flags.push(item.id);
  return flags;
}

const EFFORT_RANK = { S: 0, M: 1, L: 2 } as const;

interface Draft {
  recommendation: string;
  items: string[];
  dimension: string | null;
  dimensionScore: number;
  redFlag: boolean;
  legalDeadline: string | null;
}

function buildPlan(
  q: Questionnaire,
  input: ScoringInput,
  dims: RawDimension[],
  flags: Set<string>,
  einvoicing: Results['einvoicing'],
): PlanAction[] {
  const drafts = new Map<string, Draft>();
  const dimScore = new Map(dims.map((d) => [d.id, d.raw ?? 0]));
  const add = (rec: string, item: string, dimension: string | null, legalDeadline: string | null) => {
    const score = dimension === null ? -1 : dimScore.get(dimension)!;
    const draft = drafts.get(rec);
    if (!draft) {
      drafts.set(rec, {
        recommendation: rec,
        items: [item],
        dimension,
        dimensionScore: score,
        redFlag: flags.has(item),
        legalDeadline,
      });
      return;
    }
    draft.items.push(item);
    draft.redFlag ||= flags.has(item);
    if (score < draft.dimensionScore) {
      draft.dimension = dimension;
      draft.dimensionScore = score;
    }
    if (legalDeadline && (!draft.legalDeadline || legalDeadline < draft.legalDeadline))
      draft.legalDeadline = legalDeadline;
  };

  // Legal deadlines first: a business outside the VAT system has none.
  if (einvoicing.status !== 'non_concerne' && einvoicing.status !== 'pret') {
    q.einvoicing.checks.forEach((c, i) => {
      if (einvoicing.checks[i]!.met && c.kind !== 'platform') return;
      if (c.kind === 'platform' && (input.answers[c.id] ?? 0) === 2) return;
      const deadline = c.deadline === 'emission' ? einvoicing.emissionDeadline : einvoicing.receptionDeadline;
      add(c.recommendation, c.id, null, deadline);
    });
  }
  for (const d of q.dimensions)
    for (const question of d.questions) {
      if (question.scored === false) continue;
      const max = MAX_LEVEL[question.kind];
      const noData = question.exclusive !== undefined && input.answers[question.exclusive] === 1;
      for (const item of question.items) {
        if (!item.recommendation || !inScope(question, item, input.sizeBand)) continue;
        const value = input.answers[item.id];
        if (item.id === question.exclusive) {
          if (value === 1) add(item.recommendation, item.id, d.id, null);
          continue;
        }
        const below = noData || value === 'dk' || (typeof value === 'number' && value < max);
        if (below || (item.redFlag && value === undefined)) add(item.recommendation, item.id, d.id, null);
      }
    }

  const actions = [...drafts.values()].map((draft) => {
    const rec = q.recommendations[draft.recommendation]!;
    const suggested = addDays(input.asOf, rec.delayDays);
    const overdue = draft.legalDeadline !== null && draft.legalDeadline <= input.asOf;
    // A legal deadline still ahead caps the suggested date; one already past means "as soon as possible" (two weeks).
    const dueDate = draft.legalDeadline
      ? overdue
        ? addDays(input.asOf, Math.min(rec.delayDays, 14))
        : suggested < draft.legalDeadline
          ? suggested
          : addDays(draft.legalDeadline, -1)
      : suggested;
    const reason: PlanAction['reason'] = draft.legalDeadline
      ? 'legal'
      : draft.redFlag || rec.priority === 1
        ? 'cyber'
        : 'improve';
    const priority: 1 | 2 = draft.legalDeadline || draft.redFlag ? 1 : rec.priority;
    return {
      draft,
      rec,
      action: {
        recommendation: draft.recommendation,
        priority,
        effort: rec.effort,
        dueDate,
        reason,
        legalDeadline: draft.legalDeadline,
        overdue,
        dimension: draft.dimension,
        items: draft.items,
      },
    };
  });
  // Ordered by legal deadline, then cyber first priority (red flags ahead), then weakest dimension, then effort.
  actions.sort((a, b) => {
    const keyA = sortKey(a.draft, a.action, a.rec.effort);
    const keyB = sortKey(b.draft, b.action, b.rec.effort);
    for (let i = 0; i < keyA.length; i++) {
      if (keyA[i]! < keyB[i]!) return -1;
      if (keyA[i]! > keyB[i]!) return 1;
    }
    return 0;
  });
  return actions.map((a) => a.action);
}

function sortKey(draft: Draft, action: PlanAction, effort: 'S' | 'M' | 'L'): Array<string | number> {
  return [
    draft.legalDeadline ? 0 : 1,
    draft.legalDeadline ?? '9999-12-31',
    draft.redFlag ? 0 : 1,
    action.priority,
    draft.dimensionScore,
    EFFORT_RANK[effort],
    action.dueDate,
    draft.recommendation,
  ];
}

/** Counts the scored questions' items answered (any answer, "don't know" and "not applicable" included). */
function answeredCount(q: Questionnaire, input: ScoringInput): { answered: number; questions: number } {
  let answered = 0;
  let questions = 0;
  for (const d of q.dimensions)
    for (const question of d.questions)
      for (const item of question.items) {
        if (!inScope(question, item, input.sizeBand)) continue;
        questions++;
        if (input.answers[item.id] !== undefined) answered++;
      }
  for (const c of q.einvoicing.checks) {
    if (c.fromProfile) continue;
    questions++;
    if (input.answers[c.id] !== undefined) answered++;
  }
  return { answered, questions };
}

/** The whole result of a diagnosis: scores, DII, e-invoicing gate, red flags and the dated action plan. */
export function scoreDiagnosis(q: Questionnaire, input: ScoringInput): Results {
  const { overall, dimensions } = scoreMaturity(q, input.answers, input.sizeBand);
  const dims = scoreDimensions(q, input.answers, input.sizeBand);
  const einvoicing = scoreEinvoicing(q, input);
  const flags = redFlags(q, input.answers);
  return {
    questionnaireVersion: q.version,
    asOf: input.asOf,
    overall,
    dimensions,
    dontKnow: dimensions.reduce((a, d) => a + d.dontKnow, 0),
    ...answeredCount(q, input),
    dii: scoreDii(q, input.answers, input.sizeBand),
    einvoicing,
    redFlags: flags,
    plan: buildPlan(q, input, dims, new Set(flags), einvoicing),
  };
}

export interface DimensionProgress {
  id: string;
  before: number | null;
  now: number | null;
  delta: number | null;
}

/** Progress since an earlier diagnosis of the same business: per dimension and overall, plus the DII. */
export function compareResults(before: Results, now: Results) {
  const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  const previous = new Map(before.dimensions.map((d) => [d.id, d.score]));
  return {
    dimensions: now.dimensions.map((d): DimensionProgress => ({
      id: d.id,
      before: previous.get(d.id) ?? null,
      now: d.score,
      delta: delta(previous.get(d.id) ?? null, d.score),
    })),
    overall: {
      before: before.overall.score,
      now: now.overall.score,
      delta: delta(before.overall.score, now.overall.score),
    },
    dii: { before: before.dii.score, now: now.dii.score, delta: now.dii.score - before.dii.score },
    einvoicing: { before: before.einvoicing.status, now: now.einvoicing.status },
  };
}
export type Progress = ReturnType<typeof compareResults>;
