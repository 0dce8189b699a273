import { describe, expect, it } from 'vitest';
import { nafSection } from './naf';
import type { Questionnaire } from './questionnaire';
import { QUESTIONNAIRES } from './questionnaires';
import { isValidSirenOrSiret, type AnswerValue, type SizeBand } from './schema';
import {
  bandOf,
  compareResults,
  scoreDiagnosis,
  scoreDii,
  scoreMaturity,
  scoreQuestion,
  type ScoringInput,
} from './scoring';

// Worked examples, one table per rule of maturity-model.md ("Scoring"), on questionnaire v1.
const q = QUESTIONNAIRES.v1!;
const question = (id: string) => q.dimensions.flatMap((d) => d.questions).find((x) => x.id === id)!;
const dimension = (id: string) => q.dimensions.find((d) => d.id === id)!;
const itemsOf = (id: string) => question(id).items.map((i) => i.id);

/** Every item answered with its best level (or the worst with `best = false`); e-invoicing all done. */
function allAnswers(best: boolean): Record<string, AnswerValue> {
  const maxOf = { check: 1, plan: 2, triple: 2, scale: 5, percent: 100 } as const;
  const answers: Record<string, AnswerValue> = {};
  for (const d of q.dimensions)
    for (const x of d.questions)
      for (const i of x.items) answers[i.id] = i.id === x.exclusive ? 0 : best ? maxOf[x.kind] : 0;
  answers.fe_plateforme = best ? 2 : 0;
  answers.fe_format = best ? 1 : 0;
  answers.fe_siren_clients = best ? 2 : 0;
  answers.fe_ereporting = best ? 2 : 0;
  return answers;
}

function input(answers: Record<string, AnswerValue>, more: Partial<ScoringInput> = {}): ScoringInput {
  return { sizeBand: '1-9', vatStatus: 'redevable', customerMix: 'mixte', answers, asOf: '2026-12-07', ...more };
}

describe('item values and question scores', () => {
  const prep = itemsOf('d1_preparation');
  it.each([
    [
      'three "yes" of six checkboxes',
      { [prep[0]!]: 1, [prep[1]!]: 1, [prep[2]!]: 1, [prep[3]!]: 0, [prep[4]!]: 0, [prep[5]!]: 0 },
      50,
    ],
    ['all "yes"', Object.fromEntries(prep.map((i) => [i, 1])), 100],
    ['all "no"', Object.fromEntries(prep.map((i) => [i, 0])), 0],
    ['one "yes", the rest not applicable or unknown', { [prep[0]!]: 1, [prep[1]!]: 'dk' }, 100],
  ] as const)('checklist: %s', (_, answers, expected) => {
    expect(scoreQuestion(question('d1_preparation'), answers, '1-9').score).toBeCloseTo(expected);
  });

  const areas = itemsOf('d1_domaines');
  it('D1 rows: "already" counts 1, "planned only" 0.5, "no" 0', () => {
    const answers = { [areas[0]!]: 2, [areas[1]!]: 1, [areas[2]!]: 0, [areas[3]!]: 'na' } as const;
    expect(scoreQuestion(question('d1_domaines'), answers, '1-9').score).toBeCloseTo((100 * 1.5) / 3);
  });

  const ai = itemsOf('d5_ia');
  it('0-5 adoption scale: level / 5 (3 "testing" and 5 "operational" give 80)', () => {
    expect(scoreQuestion(question('d5_ia'), { [ai[0]!]: 3, [ai[1]!]: 5 }, '1-9').score).toBeCloseTo(80);
  });

  const choices = itemsOf('d6_choix');
  it('No / Partially / Yes: 0, 0.5, 1', () => {
    expect(
      scoreQuestion(question('d6_choix'), { [choices[0]!]: 0, [choices[1]!]: 1, [choices[2]!]: 2 }, '1-9').score,
    ).toBeCloseTo(50);
  });

  it('"not applicable" and "don\'t know" leave the denominator; don\'t-knows are counted', () => {
    const r = scoreQuestion(
      question('d6_choix'),
      { [choices[0]!]: 2, [choices[1]!]: 'dk', [choices[2]!]: 'na' },
      '1-9',
    );
    expect(r).toEqual({ score: 100, applicable: 1, total: 3, dontKnow: 1 });
  });

  it('a question with nothing applicable has no score (not zero)', () => {
    expect(scoreQuestion(question('d5_ia'), Object.fromEntries(ai.map((i) => [i, 'na'])), '1-9').score).toBeNull();
  });

  it('"no digital data" makes the data question score zero whatever else is ticked', () => {
    const items = itemsOf('d4_donnees');
    const answers = Object.fromEntries(items.map((i) => [i, 1]));
    expect(scoreQuestion(question('d4_donnees'), answers, '1-9').score).toBe(0);
    expect(scoreQuestion(question('d4_donnees'), { ...answers, d4_aucune_donnee: 0 }, '1-9').score).toBe(100);
  });
});

describe('dimensions, overall and bands', () => {
  it('a dimension is the mean of its question scores, the overall the mean of the six dimensions', () => {
    const answers = { ...allAnswers(true), ...Object.fromEntries(itemsOf('d1_preparation').map((i) => [i, 0])) };
    const r = scoreMaturity(q, answers, '1-9');
    expect(r.dimensions.find((d) => d.id === 'strategie')!.score).toBe(50);
    expect(r.overall.score).toBe(Math.round((50 + 5 * 100) / 6));
  });

  it('all best answers give 100 everywhere; all worst give 0', () => {
    expect(scoreMaturity(q, allAnswers(true), '10-49').overall).toEqual({ score: 100, band: 'tres_avance' });
    expect(scoreMaturity(q, allAnswers(false), '10-49').overall).toEqual({ score: 0, band: 'elementaire' });
  });

  it.each([
    [0, 'elementaire'],
    [25, 'elementaire'],
    [25.4, 'elementaire'],
    [25.5, 'intermediaire'],
    [26, 'intermediaire'],
    [50, 'intermediaire'],
    [51, 'avance'],
    [75, 'avance'],
    [76, 'tres_avance'],
    [100, 'tres_avance'],
  ])('score %d is in band %s', (score, band) => {
    expect(bandOf(q, score)).toBe(band);
  });

  it('a dimension with under half its items applicable is marked indicative', () => {
    const ai = itemsOf('d5_ia');
    const answers = { [ai[0]!]: 5, [ai[1]!]: 5, [ai[2]!]: 'na', [ai[3]!]: 'na', [ai[4]!]: 'na' } as const;
    const d5 = scoreMaturity(q, answers, '1-9').dimensions.find((d) => d.id === 'automatisation')!;
    expect(d5).toMatchObject({ score: 100, indicative: true, applicable: 2, total: 5 });
    const enough = scoreMaturity(q, { ...answers, [ai[2]!]: 0 }, '1-9').dimensions.find(
      (d) => d.id === 'automatisation',
    )!;
    expect(enough.indicative).toBe(false);
  });

  it('without employees the staff question and staff items are left out (not counted as "no")', () => {
    const answers = {
      ...allAnswers(true),
      ...Object.fromEntries(itemsOf('d3_equipe').map((i) => [i, 0])),
      d2_internet_salaries: 0,
      d1_rh: 0,
    };
    const solo = scoreMaturity(q, answers, '0');
    expect(solo.dimensions.find((d) => d.id === 'competences')!.score).toBe(100);
    expect(solo.dimensions.find((d) => d.id === 'equipements')!.score).toBe(100);
    expect(solo.dimensions.find((d) => d.id === 'strategie')!.score).toBe(100);
    const team = scoreMaturity(q, answers, '1-9');
    expect(team.dimensions.find((d) => d.id === 'competences')!.score).toBe(50);
  });
});

describe('Eurostat-style DII (2023 list)', () => {
  const dii = (answers: Record<string, AnswerValue>, size: SizeBand = '10-49') => scoreDii(q, answers, size);
  it.each([
    [{}, 0, 'tres_faible', false],
    [{ d2_haut_debit: 1, d2_internet_salaries: 1, d2_reseau_social: 1 }, 3, 'tres_faible', false],
    [{ d2_haut_debit: 1, d2_internet_salaries: 1, d2_reseau_social: 1, d2_deux_reseaux: 1 }, 4, 'faible', true],
    [
      { d2_cloud: 1, d2_cloud_gestion: 1, d2_erp: 1, d2_crm: 1, d5_ia_generative: 4, d4_analyse: 1, d2_haut_debit: 1 },
      7,
      'eleve',
      true,
    ],
  ] as const)('%o scores %d (%s, basic level %s)', (answers, score, level, basic) => {
    expect(dii(answers)).toMatchObject({ score, level, basic, surveyYear: 2023, officialScope: true });
  });

  it('AI counts from "implementing" (4) up; "testing" (3) does not', () => {
    expect(dii({ d5_assistants: 3 }).indicators.find((i) => i.id === 'ia')!.met).toBe(false);
    expect(dii({ d5_assistants: 4 }).indicators.find((i) => i.id === 'ia')!.met).toBe(true);
  });

  it('online sales: >= 1 % of turnover; web B2C needs > 1 % and > 10 % to consumers', () => {
    const met = (a: Record<string, AnswerValue>) =>
      dii(a)
        .indicators.filter((i) => i.met)
        .map((i) => i.id);
    expect(met({ d2_part_ca_en_ligne: 1, d2_part_particuliers: 50 })).toEqual(['ecommerce_1pct']);
    expect(met({ d2_part_ca_en_ligne: 20, d2_part_particuliers: 10 })).toEqual(['ecommerce_1pct']);
    expect(met({ d2_part_ca_en_ligne: 20, d2_part_particuliers: 11 })).toEqual(['ecommerce_1pct', 'web_b2c']);
    expect(met({ d2_part_ca_en_ligne: 'dk', d2_part_particuliers: 'dk' })).toEqual([]);
  });

  it('is flagged outside the official scope under 10 persons; alone, the owner\'s broadband stands for "staff with internet"', () => {
    expect(dii({ d2_haut_debit: 1 }, '0')).toMatchObject({ score: 2, officialScope: false });
    expect(dii({ d2_haut_debit: 1 }, '1-9')).toMatchObject({ score: 1, officialScope: false });
  });
});

describe('e-invoicing gate (as of 7 December 2026)', () => {
  const done = { fe_plateforme: 2, fe_format: 1, fe_siren_clients: 2, fe_ereporting: 2 } as const;
  it.each([
    ['every check done, platform chosen', done, {}, 'pret'],
    ['platform only dated, the rest done', { ...done, fe_plateforme: 1 }, {}, 'en_cours'],
    ['platform chosen, software not yet structured', { ...done, fe_format: 0 }, {}, 'en_cours'],
    ['no platform after the reception deadline', { ...done, fe_plateforme: 0 }, {}, 'a_risque'],
    ['platform unknown', { ...done, fe_plateforme: 'dk' }, {}, 'a_risque'],
    ['VAT status unknown: the first check fails, the rest done', done, { vatStatus: 'ne_sait_pas' }, 'en_cours'],
    ['not subject to VAT', {}, { vatStatus: 'non_assujetti' }, 'non_concerne'],
  ] as const)('%s: %s', (_, answers, more, status) => {
    expect(scoreDiagnosis(q, input({ ...answers }, more)).einvoicing.status).toBe(status);
  });

  it('six months before the emission deadline, anything left for emission is at risk', () => {
    const r = scoreDiagnosis(q, input({ ...done, fe_format: 0 }, { asOf: '2027-04-01' }));
    expect(r.einvoicing.status).toBe('a_risque');
  });

  it('gives the business its own deadlines: reception 1 Sept 2026, emission 1 Sept 2027 for every SME band', () => {
    for (const sizeBand of ['0', '1-9', '10-49', '50-249'] as const) {
      const r = scoreDiagnosis(q, input({}, { sizeBand }));
      expect([r.einvoicing.receptionDeadline, r.einvoicing.emissionDeadline]).toEqual(['2026-09-01', '2027-09-01']);
    }
  });
});

describe('cyber red flags and the action plan', () => {
  it('no backup, no MFA on e-mail, no updates are red flags and first-priority actions whatever the D4 score', () => {
    const answers = {
      ...allAnswers(true),
      d4_sauvegarde: 0,
      d4_double_authentification: 'dk',
      d4_mises_a_jour: 0,
    } as const;
    const r = scoreDiagnosis(q, input(answers));
    expect(r.redFlags.sort()).toEqual(['d4_double_authentification', 'd4_mises_a_jour', 'd4_sauvegarde']);
    expect(r.dimensions.find((d) => d.id === 'donnees')!.score).toBeGreaterThan(75);
    expect(r.plan.slice(0, 3).map((a) => [a.recommendation, a.priority, a.reason])).toEqual([
      ['r_double_authentification', 1, 'cyber'],
      ['r_mises_a_jour', 1, 'cyber'],
      ['r_sauvegarde', 1, 'cyber'],
    ]);
  });

  it('orders legal deadlines first, then cyber priority 1, then the weakest dimension, then effort', () => {
    const answers = {
      ...allAnswers(true),
      fe_plateforme: 0,
      d4_sauvegarde: 0,
      d6_fournisseurs: 0,
      d3_pix: 0,
      d1_besoins: 0,
    } as const;
    const r = scoreDiagnosis(q, input(answers));
    expect(r.plan.map((a) => a.recommendation)).toEqual([
      'r_fe_plateforme',
      'r_sauvegarde',
      // D6 lost a third of one question (83), D3 a sixth (92), D1 a sixth (92, effort S before S: by date then id).
      'r_achats_responsables',
      'r_pix',
      'r_plan_numerique',
    ]);
  });

  it('dates each action from the diagnosis day; an overdue legal obligation is due within two weeks', () => {
    const r = scoreDiagnosis(q, input({ ...allAnswers(true), fe_plateforme: 0, d3_pix: 0, fe_format: 0 }));
    const byRec = new Map(r.plan.map((a) => [a.recommendation, a]));
    expect(byRec.get('r_fe_plateforme')).toMatchObject({
      dueDate: '2026-12-21',
      overdue: true,
      legalDeadline: '2026-09-01',
    });
    expect(byRec.get('r_fe_logiciel')).toMatchObject({
      dueDate: '2027-04-06',
      overdue: false,
      legalDeadline: '2027-09-01',
    });
    expect(byRec.get('r_pix')).toMatchObject({ dueDate: '2027-01-06', priority: 2, reason: 'improve' });
  });

  it('a suggested date never goes past the legal deadline', () => {
    const r = scoreDiagnosis(q, input({ ...allAnswers(true), fe_ereporting: 0 }, { asOf: '2027-08-01' }));
    expect(r.plan[0]).toMatchObject({ recommendation: 'r_fe_ereporting', dueDate: '2027-08-31' });
  });

  it('has no action when every answer is at its maximum', () => {
    expect(scoreDiagnosis(q, input(allAnswers(true))).plan).toEqual([]);
  });
});

describe('progress between two diagnoses', () => {
  it('gives the per-dimension and overall change', () => {
    const before = scoreDiagnosis(q, input(allAnswers(false)));
    const now = scoreDiagnosis(
      q,
      input({ ...allAnswers(false), ...Object.fromEntries(itemsOf('d4_cyber').map((i) => [i, 1])) }),
    );
    const p = compareResults(before, now);
    expect(p.dimensions.find((d) => d.id === 'donnees')).toEqual({ id: 'donnees', before: 0, now: 50, delta: 50 });
    expect(p.dimensions.find((d) => d.id === 'strategie')!.delta).toBe(0);
    expect(p.overall).toEqual({ before: 0, now: 8, delta: 8 });
  });
});

describe('business identity rules', () => {
  it.each([
    ['47.11F', 'G'],
    ['01.11Z', 'A'],
    ['62.01Z', 'J'],
    ['35.11Z', 'D'],
    ['99.00Z', 'U'],
    ['04.00Z', null],
  ])('NAF %s is in section %s', (code, section) => {
    expect(nafSection(code)).toBe(section);
  });

  it.each([
    ['732829320', true],
    ['732 829 320', true],
    ['732829321', false],
    ['73282932000074', true],
    ['73282932000075', false],
    ['12345', false],
  ])('SIREN/SIRET %s valid: %s', (v, ok) => {
    expect(isValidSirenOrSiret(v)).toBe(ok);
  });
});

// The questionnaire file itself: every scored item leads to a recommendation, every question has help in both languages.
describe('questionnaire v1 data', () => {
  it('has six dimensions with plain help on every question', () => {
    const dims: Questionnaire['dimensions'] = q.dimensions;
    expect(dims.map((d) => d.id)).toEqual([
      'strategie',
      'equipements',
      'competences',
      'donnees',
      'automatisation',
      'responsable',
    ]);
    for (const d of dims) for (const x of d.questions) expect(x.help.fr.length).toBeGreaterThan(40);
    expect(dimension('automatisation').questions).toHaveLength(1);
  });
});
