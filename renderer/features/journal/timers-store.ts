import { useSyncExternalStore } from 'react';
import type { LiveTimer } from '../../../shared/journal/schema';
import type { AppError } from '../../../shared/errors';
import { api } from '../../api/client';
import { toAppError } from '../../lib/core-error';
import { navigate } from '../../lib/router';
import { elapsedMinutes, elapsedSince, localClockTime } from './list-format';
import { paths } from './paths';

// The running timers, one copy for the header (every screen) and the journal's "Séance en cours" block, so that a
// timer started in one shows in the other at once. Timers live in the database; this only mirrors them.

interface TimersState {
  timers: readonly LiveTimer[];
  /** The latest load's failure (null once a load succeeds). */
  loadError: AppError | null;
  loaded: boolean;
}

let state: TimersState = { timers: [], loadError: null, loaded: false };
const listeners = new Set<() => void>();
let loadSeq = 0;
/** Timers started while the latest load was on its way: its answer may not have them yet. */
let startedDuringLoad: LiveTimer[] = [];

function set(next: Partial<TimersState>) {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useTimers(): TimersState {
  return useSyncExternalStore(subscribe, () => state);
}

/** Reads the timers again (a session saved from a timer closes it in the core); only the latest answer applies. */
export async function loadTimers(): Promise<void> {
  const seq = ++loadSeq;
  startedDuringLoad = [];
  try {
    const stored = await api('journal.timers', {});
    if (seq !== loadSeq) return;
    const extra = startedDuringLoad.filter((x) => !stored.some((y) => y.id === x.id));
    set({ timers: [...stored, ...extra], loadError: null, loaded: true });
  } catch (e) {
    if (seq === loadSeq) set({ loadError: toAppError(e), loaded: true });
  }
}

export async function startTimer(): Promise<LiveTimer> {
  const timer = await api('journal.startTimer', {});
  startedDuringLoad.push(timer);
  set({ timers: [...state.timers, timer] });
  return timer;
}

/** Cancels a timer; one that no longer exists (closed elsewhere) leaves the list either way. */
export async function cancelTimer(id: string): Promise<void> {
  try {
    await api('journal.cancelTimer', { id });
  } finally {
    startedDuringLoad = startedDuringLoad.filter((x) => x.id !== id);
    set({ timers: state.timers.filter((x) => x.id !== id) });
  }
}

export async function labelTimer(id: string, label: string): Promise<LiveTimer> {
  const timer = await api('journal.labelTimer', { id, label });
  set({ timers: state.timers.map((x) => (x.id === id ? timer : x)) });
  return timer;
}

/** Opens the editor for a new session with the timer's start time and the minutes elapsed. */
export function finishTimer(timer: LiveTimer): void {
  const durationMin = elapsedMinutes(elapsedSince(timer.startedAt));
  navigate(paths.newSession('individuel', { id: timer.id, durationMin, startTime: localClockTime(timer.startedAt) }));
}

/** For tests: forget every timer. */
export function resetTimers(): void {
  loadSeq++;
  startedDuringLoad = [];
  state = { timers: [], loadError: null, loaded: false };
}
