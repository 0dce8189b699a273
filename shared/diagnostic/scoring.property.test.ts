import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LEVEL, type Questionnaire } from './questionnaire';
import { QUESTIONNAIRES } from './questionnaires';
import { SIZE_BANDS, type AnswerValue, type SizeBand } from './schema';
import { scoreDiagnosis, scoreMaturity } from './scoring';

// The properties maturity-model.md asks of the scoring, over random answers to questionnaire v1 (seeded).
const q = QUESTIONNAIRES.v1!;
const SEED = 20261207;
const RUNS = 300;

interface Slot {
  id: string;
  max: number;
  staff: boolean;
  /** The exclusive "no digital data" item: its "yes" is a negative answer. */
  negative: boolean;
}
const slots: Slot[] = q.dimensions.flatMap((d) =>
  d.questions
    .filter((x) => x.scored !== false)
    .flatMap((x) =>
      x.items.map((i) => ({
        id: i.id,
        max: MAX_LEVEL[x.kind],
        staff: x.staff === true || i.staff === true,
        negative: i.id === x.exclusive,
      })),
    ),
);

const valueOf = (slot: Slot) =>
  fc.oneof(
    fc.integer({ min: 0, max: slot.max }) as fc.Arbitrary<AnswerValue>,
    fc.constant<AnswerValue>('na'),
    fc.constant<AnswerValue>('dk'),
  );
const answersArb = fc.record(Object.fromEntries(slots.map((s) => [s.id, valueOf(s)])), {
  requiredKeys: [],
}) as fc.Arbitrary<Record<string, AnswerValue>>;
const sizeArb = fc.constantFrom<SizeBand>(...SIZE_BANDS);
const slotArb = fc.constantFrom(...slots.filter((s) => !s.negative));

/** Every score a diagnosis reports: overall and per dimension (null for "no score"). */
function scores(answers: Record<string, AnswerValue>, size: SizeBand, questionnaire: Questionnaire = q) {
  const r = scoreMaturity(questionnaire, answers, size);
  return [r.overall.score, ...r.dimensions.map((d) => d.score)];
}

const options = { seed: SEED, numRuns: RUNS };

describe('scoring properties', () => {
  it('every score stays within 0-100', () => {
    fc.assert(
      fc.property(answersArb, sizeArb, (answers, size) => {
        for (const s of scores(answers, size))
          if (s !== null) expect(s >= 0 && s <= 100 && Number.isInteger(s)).toBe(true);
      }),
      options,
    );
  });

  it('a better answer on one item never lowers any score (raising its level, or giving its best answer)', () => {
    fc.assert(
      fc.property(answersArb, sizeArb, slotArb, fc.nat(), (answers, size, slot, pick) => {
        const current = answers[slot.id];
        const better = typeof current === 'number' ? current + (pick % (slot.max - current + 1)) : slot.max; // na/dk/unanswered -> best
        const before = scores(answers, size);
        const after = scores({ ...answers, [slot.id]: better }, size);
        before.forEach((b, i) => {
          if (b !== null) expect(after[i]).not.toBeNull();
          if (b !== null) expect(after[i]!).toBeGreaterThanOrEqual(b);
        });
      }),
      options,
    );
  });

  it('a "not applicable" item changes no score: the same as if the questionnaire did not have it', () => {
    fc.assert(
      fc.property(answersArb, sizeArb, fc.constantFrom(...slots), (answers, size, slot) => {
        const without: Questionnaire = {
          ...q,
          dimensions: q.dimensions.map((d) => ({
            ...d,
            questions: d.questions.map((x) => ({ ...x, items: x.items.filter((i) => i.id !== slot.id) })),
          })),
        };
        expect(scores({ ...answers, [slot.id]: 'na' }, size)).toEqual(scores(answers, size, without));
      }),
      options,
    );
  });

  it('the same answers always give the same result', () => {
    fc.assert(
      fc.property(answersArb, sizeArb, (answers, size) => {
        const input = { sizeBand: size, vatStatus: 'redevable', customerMix: 'mixte', answers, asOf: '2026-12-07' };
        expect(scoreDiagnosis(q, { ...input, answers: { ...answers } })).toEqual(scoreDiagnosis(q, input));
      }),
      options,
    );
  });

  it('a business without employees is never penalised for staff questions: their answers change nothing', () => {
    const staffSlots = slots.filter((s) => s.staff);
    expect(staffSlots.length).toBeGreaterThan(3);
    fc.assert(
      fc.property(answersArb, fc.array(fc.constantFrom(...staffSlots)), fc.nat(), (answers, changed, level) => {
        const worse = { ...answers };
        for (const s of changed) worse[s.id] = level % (s.max + 1);
        const cleared = { ...answers };
        for (const s of staffSlots) delete cleared[s.id];
        expect(scores(worse, '0')).toEqual(scores(cleared, '0'));
        const plan = scoreDiagnosis(q, {
          sizeBand: '0',
          vatStatus: 'redevable',
          customerMix: 'mixte',
          answers: worse,
          asOf: '2026-12-07',
        }).plan;
        const staffIds = new Set(staffSlots.map((s) => s.id));
        expect(plan.flatMap((a) => a.items).filter((id) => staffIds.has(id))).toEqual([]);
      }),
      options,
    );
  });
});
