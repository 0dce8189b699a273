import v1 from '../../resources/diagnostic/questionnaire-v1.json';
import { Questionnaire } from './questionnaire';

// Every questionnaire version ever shipped stays here: a stored diagnosis names its version and is re-scored with it.
// A new version is a new file in resources/diagnostic/ added to this map (and LATEST_VERSION moved to it).
export const QUESTIONNAIRES: Readonly<Record<string, Questionnaire>> = { v1: Questionnaire.parse(v1) };
export const LATEST_VERSION = 'v1';

export function questionnaireOf(version: string): Questionnaire | null {
  return Object.prototype.hasOwnProperty.call(QUESTIONNAIRES, version) ? QUESTIONNAIRES[version]! : null;
}

/** Every item the business answers, with its kind and what it allows: the core checks each answer against it. */
export function answerRules(q: Questionnaire) {
  const rules = new Map<string, { max: number; na: boolean; dk: boolean }>();
  const maxOf = { check: 1, plan: 2, triple: 2, scale: 5, percent: 100, platform: 2 } as const;
  for (const d of q.dimensions)
    for (const question of d.questions)
      for (const item of question.items)
        rules.set(item.id, {
          max: maxOf[question.kind],
          na: item.notApplicable === true || question.staff === true || item.staff === true,
          dk: item.dontKnow === true,
        });
  for (const c of q.einvoicing.checks)
    if (!c.fromProfile)
      rules.set(c.id, {
        max: maxOf[c.kind ?? 'check'],
        na: c.notApplicable === true,
        dk: c.kind === 'check' || c.kind === 'platform',
      });
  return rules;
}
