import type { HandlersFor } from '../../../shared/contract';
import type { journalContract } from '../../../shared/journal/contract';
import type { createJournalService } from './journal-service';

type JournalService = ReturnType<typeof createJournalService>;

export function journalHandlers(journal: JournalService): HandlersFor<keyof typeof journalContract> {
  return {
    'journal.create': (input) => journal.create(input),
    'journal.update': (input) => journal.update(input.id, input.session),
    'journal.get': (input) => journal.get(input.id),
    'journal.delete': (input) => journal.remove(input.id),
    'journal.restore': (input) => journal.restore(input.id),
    'journal.list': (input) => journal.list(input),
    'journal.followUps': () => journal.followUps(),
    'journal.closeFollowUp': (input) => journal.closeFollowUp(input.id),
    'journal.startTimer': () => journal.startTimer(),
    'journal.timers': () => journal.timers(),
    'journal.cancelTimer': (input) => journal.cancelTimer(input.id),
    'journal.templates': () => journal.templates.list(),
    'journal.createTemplate': (input) => journal.templates.create(input.sessionId, input.name),
    'journal.renameTemplate': (input) => journal.templates.rename(input.id, input.name),
    'journal.moveTemplate': (input) => journal.templates.move(input.id, input.position),
    'journal.deleteTemplate': (input) => journal.templates.remove(input.id),
    'journal.memory': () => journal.templates.memory(),
    'journal.labelTimer': (input) => journal.labelTimer(input.id, input.label),
  };
}
