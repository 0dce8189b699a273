import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

// One DSFR modal for the app (search, keyboard help, leaving self-service). A native modal <dialog> makes the page
// behind inert and keeps the focus inside; Escape and the close button close it through the owner's state, so the
// focus goes back to what had it when it opened.

const FOCUSABLE = 'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])';

interface ModalDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  closeLabel: string;
  children: ReactNode;
  /** DSFR column width of the modal on medium screens and up. */
  width?: 'fr-col-md-6' | 'fr-col-md-8' | 'fr-col-md-10 fr-col-lg-8';
  className?: string;
  /** A selector, inside the dialog, for what takes the focus on opening instead of the close button. */
  initialFocus?: string;
  /** False when the owner moves the focus elsewhere itself on closing (e.g. to a page it opened). */
  restoreFocus?: boolean;
  /** Render in document.body, out of a container whose styles would leak into the dialog (the header's tools). */
  portal?: boolean;
}

function keepTabInside(e: React.KeyboardEvent<HTMLDialogElement>) {
  // The page behind is inert, but Tab could still leave for the browser's own controls: keep it inside.
  const focusable = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

export function ModalDialog({
  open,
  onClose,
  title,
  closeLabel,
  children,
  width = 'fr-col-md-8',
  className,
  initialFocus,
  restoreFocus = true,
  portal = false,
}: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();

  useEffect(() => {
    const box = dialog.current;
    if (!box) return;
    if (open && !box.open) {
      opener.current = document.activeElement;
      if (typeof box.showModal === 'function') box.showModal();
      else box.setAttribute('open', '');
      // The close button by default (some engines do not move the focus on showModal), or what the owner asks.
      box.querySelector<HTMLElement>(initialFocus ?? '.fr-btn--close')?.focus();
    }
    if (!open && box.open) {
      if (typeof box.close === 'function') box.close();
      else box.removeAttribute('open');
      if (restoreFocus && opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    }
  }, [open, initialFocus, restoreFocus]);

  const box = (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      className={`fr-modal${className ? ` ${className}` : ''}${open ? ' fr-modal--opened' : ''}`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
        if (e.key === 'Tab') keepTabInside(e);
      }}
    >
      {open && (
        <div className="fr-container fr-container--fluid fr-container-md">
          <div className="fr-grid-row fr-grid-row--center">
            <div className={`fr-col-12 ${width}`}>
              <div className="fr-modal__body">
                <div className="fr-modal__header">
                  <button type="button" className="fr-btn--close fr-btn" title={closeLabel} onClick={onClose}>
                    {closeLabel}
                  </button>
                </div>
                <div className="fr-modal__content">
                  <h1 id={titleId} className="fr-modal__title">
                    {title}
                  </h1>
                  {children}
                </div>
              </div>
            </div>
          </div>
        </div>
      )}
    </dialog>
  );
  return portal ? createPortal(box, document.body) : box;
}
