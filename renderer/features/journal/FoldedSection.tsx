import { useCallback, useState, type ReactNode } from 'react';

// The editor's rarely used groups fold; a group opened once stays open on this desk (the next session shows it open),
// so a desk that always fills the person's brackets is not made to open them every time. Kept in localStorage: a
// display preference of this computer, not data of the journal.
const STORAGE_KEY = 'mediane.journal.editor.open';

export type SectionId = 'details' | 'when' | 'equipment' | 'followUp' | 'person' | 'breakdown' | 'notes';

function readRemembered(): Set<string> {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    const list: unknown = raw ? JSON.parse(raw) : [];
    return new Set(Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    // Storage refused or a value written by hand: fold everything, as on a new desk.
    return new Set();
  }
}

function remember(open: ReadonlySet<string>) {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify([...open]));
  } catch {
    // A preference that cannot be kept is not worth an error: the section is open for this session anyway.
  }
}

/**
 * Which sections are open: those opened before on this desk, plus `forced` (sections holding a value or an error,
 * which must never hide what is in them). Opening or closing one by hand is remembered.
 */
export function useOpenSections(forced: readonly SectionId[]) {
  const [open, setOpen] = useState<Set<string>>(() => new Set([...readRemembered(), ...forced]));
  const toggle = useCallback((id: SectionId) => {
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      const stored = readRemembered();
      if (next.has(id)) stored.add(id);
      else stored.delete(id);
      remember(stored);
      return next;
    });
  }, []);
  // Opening for a reason of the form (an error to show) is not a preference: not remembered.
  const reveal = useCallback((ids: readonly SectionId[]) => {
    setOpen((prev) => (ids.every((id) => prev.has(id)) ? prev : new Set([...prev, ...ids])));
  }, []);
  return { isOpen: (id: SectionId) => open.has(id), toggle, reveal };
}

interface Props {
  id: SectionId;
  title: string;
  open: boolean;
  onToggle(id: SectionId): void;
  children: ReactNode;
}

/** A DSFR accordion section; its content stays in the page when folded (hidden), so nothing typed is lost. */
export function FoldedSection({ id, title, open, onToggle, children }: Props) {
  const bodyId = `section-${id}`;
  return (
    <section className="fr-accordion mediane-fold">
      <h2 className="fr-accordion__title">
        <button
          type="button"
          className="fr-accordion__btn"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => onToggle(id)}
        >
          {title}
        </button>
      </h2>
      <div id={bodyId} className="mediane-fold__body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}
