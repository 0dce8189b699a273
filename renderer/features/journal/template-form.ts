import type { TemplateFields } from '../../../shared/journal/templates';
import { formatDuration, taxonomyLabel } from '../../lib/format';
import { durationFields, durationOf, type FormState } from './editor-model';

/**
 * The form once a template, a suggestion or the last session is picked: its reusable fields replace the form's, and
 * what belongs to this session stays as it is (date, start time, the person, the follow-up, the notes, and the
 * duration when a timer measured it). Everything stays editable: picking only fills the form.
 */
export function applyTemplate(form: FormState, fields: TemplateFields, { keepDuration = false } = {}): FormState {
  return {
    ...form,
    kind: fields.kind,
    ...(keepDuration ? {} : durationFields(fields.durationMin)),
    channel: fields.channel,
    equipment: [...fields.equipment],
    topics: [...fields.topics],
    adminTopics: [...fields.adminTopics],
    operators: [...fields.operators],
    procedureName: fields.procedureName,
    autonomy: fields.kind === 'individuel' ? fields.autonomy : null,
    outcome: fields.outcome,
    orientation: fields.orientation ?? '',
    workshop:
      fields.kind === 'collectif'
        ? {
            ...form.workshop,
            title: fields.workshopTitle ?? form.workshop.title,
            level: fields.workshopLevel ?? form.workshop.level,
          }
        : form.workshop,
  };
}

/** A short reading of the fields ("CAF · Aide aux démarches administratives · 30 min · Finalisée"). */
export function describeFields(fields: TemplateFields): string {
  const parts = [
    ...fields.operators.map((k) => taxonomyLabel('operator', k)),
    ...fields.topics.map((k) => taxonomyLabel('topic', k)),
    formatDuration(fields.durationMin),
  ];
  if (fields.outcome) parts.push(taxonomyLabel('outcome', fields.outcome));
  return parts.join(' · ');
}

/** A name to start from when saving a session as a template ("CAF - Demande de RSA, 30 min, finalisée"). */
export function proposedName(form: FormState): string {
  const what =
    form.kind === 'collectif'
      ? form.workshop.title.trim()
      : form.procedureName.trim() || (form.topics[0] ? taxonomyLabel('topic', form.topics[0]) : '');
  const who = form.operators.map((k) => taxonomyLabel('operator', k)).join(', ');
  const minutes = durationOf(form);
  const tail = [
    minutes && Number.isFinite(minutes) ? formatDuration(minutes) : null,
    form.outcome ? taxonomyLabel('outcome', form.outcome).toLowerCase() : null,
  ];
  return [[who, what].filter(Boolean).join(' - '), ...tail].filter(Boolean).join(', ').slice(0, 80);
}
