import type { ComponentType } from 'react';
import type { LiveTimer } from '../../shared/journal/schema';
import type { Outcome } from '../../shared/taxonomy';

// Places where another feature adds to a session's screens, which belong to the journal: the running timer in the
// header, the session editor, the journal after a save, and its filters. The journal renders the outlets below and
// never knows who fills them; the shell (renderer/app/features.ts) hands them each feature's `sessionSlots`. With
// nothing provided (the journal's own tests), every outlet renders nothing.

/** Who holds what a feature attaches to a session: a running timer, or a saved session. */
export type SessionHolder = { timerId: string } | { sessionId: string };

export interface EditorSlotProps {
  holder: SessionHolder | null;
  outcome: Outcome | null;
  /** Proposes an outcome; the editor applies it only when none is chosen yet. */
  onSuggest(outcome: Outcome): void;
}

export interface SessionSlots {
  /** Beside the running timer in the header. */
  timer?: ComponentType<{ timer: LiveTimer }>;
  /** In the session editor, above the outcome. */
  editor?: ComponentType<EditorSlotProps>;
  /** On the journal, right after a session was saved. */
  saved?: ComponentType<{ sessionId: string }>;
  /** One more filter of the journal's list (the guide used). */
  guideFilter?: ComponentType<{ id: string; value: string | null; onChange(value: string | null): void }>;
}

let provided: readonly SessionSlots[] = [];

/** Called once by the shell with every feature's slots. */
export function provideSessionSlots(slots: readonly SessionSlots[]): void {
  provided = slots;
}

export function TimerSlots({ timer }: { timer: LiveTimer }) {
  return (
    <>
      {provided.map((s, i) => {
        const Slot = s.timer;
        return Slot ? <Slot key={i} timer={timer} /> : null;
      })}
    </>
  );
}

export function EditorSlots(props: EditorSlotProps) {
  return (
    <>
      {provided.map((s, i) => {
        const Slot = s.editor;
        return Slot ? <Slot key={i} {...props} /> : null;
      })}
    </>
  );
}

export function SavedSlots({ sessionId }: { sessionId: string }) {
  return (
    <>
      {provided.map((s, i) => {
        const Slot = s.saved;
        return Slot ? <Slot key={i} sessionId={sessionId} /> : null;
      })}
    </>
  );
}

/** The guide filter, when a feature provides one (the first does). */
export function GuideFilterSlot(props: { id: string; value: string | null; onChange(value: string | null): void }) {
  const Slot = provided.find((s) => s.guideFilter)?.guideFilter;
  return Slot ? <Slot {...props} /> : null;
}

export function hasGuideFilter(): boolean {
  return provided.some((s) => s.guideFilter);
}
