import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../../shared/search/schema';
import { api } from '../../api/client';
import { navigate } from '../../lib/router';
import { ariaKeys, SHORTCUTS, useShortcut, useSingleKeyShortcuts } from '../../lib/shortcuts';
import { showNotice } from '../../ui/notices';
import { SearchBox } from './SearchBox';
import './search.css';

/**
 * The header's search button, on every screen, and the dialog it opens (Ctrl+K, or / when not typing). A native
 * modal <dialog> keeps the focus inside and gives it back to what had it; opening a result goes to its page and,
 * while a live session runs, links a guide or an online service to it (the core knows whether one runs).
 */
export function SearchTool() {
  const { t } = useTranslation('search');
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();
  const singleKeyOn = useSingleKeyShortcuts();

  useShortcut(SHORTCUTS.search, 'search:shortcuts.search', () => setOpen(true), { inFields: true });
  useShortcut(SHORTCUTS.searchSlash, 'search:shortcuts.searchSlash', () => setOpen(true));

  useEffect(() => {
    const box = dialog.current;
    if (!box) return;
    if (open && !box.open) {
      opener.current = document.activeElement;
      if (typeof box.showModal === 'function') box.showModal();
      else box.setAttribute('open', '');
    }
    if (!open && box.open) {
      if (typeof box.close === 'function') box.close();
      else box.removeAttribute('open');
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    }
    if (open) input.current?.focus();
  }, [open]);

  async function pick(result: SearchResult) {
    opener.current = null;
    setOpen(false);
    navigate(result.route);
    try {
      const { linkedTo } = await api('search.open', { kind: result.kind, id: result.id });
      if (linkedTo) showNotice({ tone: 'info', message: { key: 'search:linked', params: { title: result.title } } });
    } catch {
      // The page opens either way; a link that could not be recorded is not worth stopping the person for.
    }
  }

  const keys = [ariaKeys(SHORTCUTS.search), singleKeyOn ? ariaKeys(SHORTCUTS.searchSlash) : null]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <button
        type="button"
        className="fr-btn fr-btn--tertiary fr-icon-search-line fr-btn--icon-left"
        aria-keyshortcuts={keys}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {t('open')}
        <span className="fr-sr-only"> {t('openSr')}</span>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className={`fr-modal mediane-search-modal${open ? ' fr-modal--opened' : ''}`}
        onCancel={(e) => {
          // Escape: close through our state so the focus goes back where it was.
          e.preventDefault();
          setOpen(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            setOpen(false);
          }
          // The page behind is inert, but Tab could still leave for the browser's own controls: keep it inside.
          if (e.key === 'Tab') {
            const focusable = Array.from(
              e.currentTarget.querySelectorAll<HTMLElement>('button, input, a[href], [tabindex]:not([tabindex="-1"])'),
            );
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
        }}
      >
        {open && (
          <div className="fr-container fr-container--fluid fr-container-md">
            <div className="fr-grid-row fr-grid-row--center">
              <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
                <div className="fr-modal__body">
                  <div className="fr-modal__header">
                    <button
                      type="button"
                      className="fr-btn--close fr-btn"
                      title={t('close')}
                      onClick={() => setOpen(false)}
                    >
                      {t('close')}
                    </button>
                  </div>
                  <div className="fr-modal__content">
                    <h1 id={titleId} className="fr-modal__title">
                      {t('title')}
                    </h1>
                    <SearchBox inputRef={input} onPick={(r) => void pick(r)} />
                  </div>
                </div>
              </div>
            </div>
          </div>
        )}
      </dialog>
    </>
  );
}
