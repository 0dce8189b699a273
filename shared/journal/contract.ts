import { z } from 'zod';
import { byId, mutation, noInput, query } from '../contract-kit';
import { FollowUpItem, JournalPage, JournalQuery, LiveTimer, Session, TimerLabelInput, SessionInput } from './schema';
import { CreateTemplateInput, MoveTemplateInput, RenameTemplateInput, SessionMemory, Template } from './templates';

const removed = z.object({ id: z.string() });

export const journalContract = {
  'journal.create': mutation(SessionInput, Session),
  'journal.update': mutation(z.object({ id: z.uuid(), session: SessionInput }).strict(), Session),
  'journal.get': query(byId, Session),
  'journal.delete': mutation(byId, removed),
  'journal.restore': mutation(byId, Session),
  'journal.list': query(JournalQuery, JournalPage),
  'journal.followUps': query(noInput, z.array(FollowUpItem)),
  'journal.closeFollowUp': mutation(byId, Session),
  'journal.startTimer': mutation(noInput, LiveTimer),
  'journal.timers': query(noInput, z.array(LiveTimer)),
  'journal.cancelTimer': mutation(byId, removed),
  'journal.templates': query(noInput, z.array(Template)),
  'journal.createTemplate': mutation(CreateTemplateInput, Template),
  'journal.renameTemplate': mutation(RenameTemplateInput, Template),
  'journal.moveTemplate': mutation(MoveTemplateInput, z.array(Template)),
  'journal.deleteTemplate': mutation(byId, removed),
  'journal.memory': query(noInput, SessionMemory),
  'journal.labelTimer': mutation(TimerLabelInput, LiveTimer),
} as const;
