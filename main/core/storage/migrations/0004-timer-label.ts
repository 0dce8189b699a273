import type { Migration } from './migration';

// A running timer may carry a short label the mediator types ("CAF", "ANTS permis"), shown in the header on every
// screen. Empty by default so the timers already running keep working unchanged. Numbered 4: 3 is the templates'.
export const migration0004: Migration = {
  version: 4,
  name: 'timer-label',
  sql: `ALTER TABLE live_timers ADD COLUMN label TEXT NOT NULL DEFAULT '';`,
};
