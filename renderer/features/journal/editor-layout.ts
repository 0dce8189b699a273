import { ADMIN_TOPIC_TRIGGER } from '../../../shared/taxonomy';
import type { SITE_TYPES } from '../../../shared/site/schema';
import { emptyForm, isUnder, type FormState } from './editor-model';
import type { SectionId } from './FoldedSection';

// How the editor is shaped: what comes first depends on the site type, the rest folds into sections. Pure, so the
// rules read (and are tested) in one place.

/** At a France Services site, administrative help is the common case: the operators come first, before any topic. */
export function operatorsFirst(siteType: (typeof SITE_TYPES)[number] | null | undefined): boolean {
  return siteType === 'france_services';
}

// Which folded section holds a field path (the paths of the error summary); paths shown at the top map to none.
function sectionOf(path: string, form: FormState, adminFirst: boolean): SectionId | null {
  if (isUnder(path, ['date', 'startTime', 'channel'])) return 'when';
  if (isUnder(path, ['equipment', 'autonomy'])) return 'equipment';
  if (isUnder(path, ['followUp'])) return 'followUp';
  if (isUnder(path, ['person'])) return 'person';
  if (isUnder(path, ['notes'])) return 'notes';
  if (isUnder(path, ['workshop.byGender', 'workshop.byAge', 'workshop.byStatus'])) return 'breakdown';
  if (adminFirst && form.kind === 'individuel' && isUnder(path, ['topics', 'adminTopics', 'procedureName']))
    return 'details';
  return null;
}

/** The sections to open so that every path of a refusal is visible (the summary's links must lead somewhere). */
export function sectionsOfPaths(paths: readonly string[], form: FormState, adminFirst: boolean): SectionId[] {
  return [...new Set(paths.map((p) => sectionOf(p, form, adminFirst)).filter((s): s is SectionId => s !== null))];
}

/**
 * The sections that hold something other than the defaults of a new session: opened from the start, so that an edit
 * or a copy never hides a value it carries.
 */
export function sectionsWithValues(form: FormState, today: string, adminFirst: boolean): SectionId[] {
  const blank = emptyForm(form.kind, today);
  const out: SectionId[] = [];
  const otherTopics = form.topics.some((t) => t !== ADMIN_TOPIC_TRIGGER);
  if (
    adminFirst &&
    form.kind === 'individuel' &&
    (otherTopics || form.adminTopics.length > 0 || form.procedureName.trim() !== '')
  )
    out.push('details');
  if (form.date !== today || form.startTime !== '' || form.channel !== blank.channel) out.push('when');
  if (form.equipment.length > 0 || (form.kind === 'individuel' && form.autonomy !== null)) out.push('equipment');
  if (form.kind === 'individuel' && form.followUpOn) out.push('followUp');
  if (
    form.kind === 'individuel' &&
    JSON.stringify({ ...form.person, commune: form.person.commune?.code ?? null }) !==
      JSON.stringify({ ...blank.person, commune: null })
  )
    out.push('person');
  const w = form.workshop;
  if (
    form.kind === 'collectif' &&
    [w.byGender, w.byAge, w.byStatus].some((c) => Object.values(c).some((v) => (v ?? '').trim() !== ''))
  )
    out.push('breakdown');
  if (form.notes.trim() !== '') out.push('notes');
  return out;
}
