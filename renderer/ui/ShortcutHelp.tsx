import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translate } from '../i18n';
import {
  ariaKeys,
  isSingleKey,
  keyParts,
  setSingleKeyShortcuts,
  SHORTCUTS,
  useActiveShortcuts,
  useShortcut,
  useSingleKeyShortcuts,
} from '../lib/shortcuts';

// The keyboard help (`?`, or the header's button): a DSFR modal listing every shortcut that works on this screen.
// A native modal <dialog> keeps the focus inside (the page behind is inert), closes on Escape, and gives the focus
// back to what had it when it opened. Its toggle turns the single-key shortcuts off (WCAG 2.1.4); the header's
// button still opens it then, and the list marks the keys that no longer act.

const NAMED_KEYS = new Set(['Enter', 'Escape']);

function Keys({ keys }: { keys: string }) {
  const { t } = useTranslation('common');
  const parts = keyParts(keys);
  return (
    <span className="mediane-keys">
      {parts.map((part, i) => (
        <span key={`${part}-${i}`}>
          {i > 0 && ' + '}
          <kbd>{NAMED_KEYS.has(part) ? t(`shortcuts.keyNames.${part as 'Enter' | 'Escape'}`) : part}</kbd>
        </span>
      ))}
    </span>
  );
}

export function ShortcutHelp() {
  const { t } = useTranslation('common');
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();
  const shortcuts = useActiveShortcuts();
  const singleKeyOn = useSingleKeyShortcuts();
  const toggleId = useId();

  useShortcut(SHORTCUTS.help, 'common:shortcuts.do.help', () => setOpen(true));

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
      if (opener.current instanceof HTMLElement) opener.current.focus();
    }
  }, [open]);

  // The content mounts with `open`: focus its close button once it is there.
  useEffect(() => {
    if (open) dialog.current?.querySelector<HTMLElement>('.fr-btn--close')?.focus();
  }, [open]);

  return (
    <>
      <button
        type="button"
        className="fr-btn fr-btn--tertiary-no-outline fr-icon-keyboard-line fr-btn--icon-left"
        aria-keyshortcuts={singleKeyOn ? ariaKeys(SHORTCUTS.help) : undefined}
        onClick={() => setOpen(true)}
      >
        {t('shortcuts.open')}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className={`fr-modal${open ? ' fr-modal--opened' : ''}`}
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
              <div className="fr-col-12 fr-col-md-8">
                <div className="fr-modal__body">
                  <div className="fr-modal__header">
                    <button
                      type="button"
                      className="fr-btn--close fr-btn"
                      title={t('shortcuts.close')}
                      onClick={() => setOpen(false)}
                    >
                      {t('shortcuts.close')}
                    </button>
                  </div>
                  <div className="fr-modal__content">
                    <h1 id={titleId} className="fr-modal__title">
                      {t('shortcuts.title')}
                    </h1>
                    <p>{t('shortcuts.intro')}</p>
                    <div className="fr-toggle fr-mb-2w">
                      <input
                        type="checkbox"
                        className="fr-toggle__input"
                        id={toggleId}
                        aria-describedby={`${toggleId}-hint`}
                        checked={singleKeyOn}
                        onChange={(e) => setSingleKeyShortcuts(e.target.checked)}
                      />
                      <label
                        className="fr-toggle__label"
                        htmlFor={toggleId}
                        data-fr-checked-label={t('shortcuts.singleKey.on')}
                        data-fr-unchecked-label={t('shortcuts.singleKey.off')}
                      >
                        {t('shortcuts.singleKey.label')}
                      </label>
                      <p className="fr-hint-text" id={`${toggleId}-hint`}>
                        {t('shortcuts.singleKey.hint')}
                      </p>
                    </div>
                    {!singleKeyOn && (
                      <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w">
                        <p>{t('shortcuts.singleKey.offNotice')}</p>
                      </div>
                    )}
                    <table className="mediane-shortcuts">
                      <caption className="fr-sr-only">{t('shortcuts.title')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('shortcuts.keys')}</th>
                          <th scope="col">{t('shortcuts.action')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {shortcuts.map((s) => (
                          <tr key={s.keys}>
                            <td>
                              <Keys keys={s.keys} />
                            </td>
                            <td>
                              {translate(s.description)}
                              {!singleKeyOn && isSingleKey(s.keys) && (
                                <>
                                  {' '}
                                  <span className="fr-badge fr-badge--sm fr-badge--no-icon">
                                    {t('shortcuts.singleKey.offBadge')}
                                  </span>
                                </>
                              )}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                    <p className="fr-text--sm fr-mt-2w">{t('shortcuts.inFields')}</p>
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
