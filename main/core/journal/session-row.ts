import type { SessionData } from '../../../shared/journal/schema';
import { TAXONOMY_VERSION } from '../../../shared/taxonomy';

/**
 * The sessions row of a record: the columns the journal filters and lists on, the full record as JSON in `data`
 * (minus the notes, kept in their own column so no export or sync ever reads them by accident, and minus the timer
 * id, which is an action, not a fact), and the taxonomy version it was written with.
 */
export function sessionColumns(data: SessionData) {
  const { liveId: _liveId, notes: _notes, ...stored } = data;
  return {
    kind: data.kind,
    date: data.date,
    start_time: data.startTime,
    duration_min: data.durationMin,
    outcome: data.outcome,
    follow_up_due: data.followUp?.dueDate ?? null,
    topics: JSON.stringify(data.topics),
    operators: JSON.stringify(data.operators),
    procedure_name: data.procedureName,
    workshop_title: data.kind === 'collectif' ? data.workshop.title : null,
    participants: data.kind === 'collectif' ? data.workshop.participants : 1,
    data: JSON.stringify(stored),
    notes: data.notes,
    taxonomy_version: TAXONOMY_VERSION,
  };
}
