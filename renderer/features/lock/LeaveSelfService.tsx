import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { PinCheckForm } from './PinCheckForm';

/**
 * The header's way out of self-service mode: a button that opens a modal dialog asking for the PIN (the core checks
 * it; leaving without it is refused there too). A native modal <dialog> keeps the focus inside and gives it back.
 */
export function LeaveSelfService() {
  const { t } = useTranslation('lock');
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    const box = dialog.current;
    if (!box) return;
    if (open && !box.open) {
      if (typeof box.showModal === 'function') box.showModal();
      else box.setAttribute('open', '');
      // showModal focuses the first control (the close button): the PIN field is what the person came for.
      box.querySelector<HTMLInputElement>('input')?.focus();
    }
    if (!open && box.open) {
      if (typeof box.close === 'function') box.close();
      else box.removeAttribute('open');
      opener.current?.focus();
    }
  }, [open]);

  return (
    <>
      <button
        ref={opener}
        type="button"
        className="fr-btn fr-btn--tertiary-no-outline fr-icon-logout-box-r-line fr-btn--icon-left"
        onClick={() => setOpen(true)}
      >
        {t('selfService.leave')}
      </button>
      {/* Outside the header, whose tool styles would apply to the dialog's buttons and text. */}
      {createPortal(
        <dialog
          ref={dialog}
          aria-labelledby={titleId}
          className={`fr-modal${open ? ' fr-modal--opened' : ''}`}
          onCancel={(e) => {
            e.preventDefault();
            setOpen(false);
          }}
        >
          {open && (
            <div className="fr-container fr-container--fluid fr-container-md">
              <div className="fr-grid-row fr-grid-row--center">
                <div className="fr-col-12 fr-col-md-6">
                  <div className="fr-modal__body">
                    <div className="fr-modal__header">
                      <button
                        type="button"
                        className="fr-btn--close fr-btn"
                        title={t('selfService.close')}
                        onClick={() => setOpen(false)}
                      >
                        {t('selfService.close')}
                      </button>
                    </div>
                    <div className="fr-modal__content">
                      <h1 id={titleId} className="fr-modal__title">
                        {t('selfService.leaveTitle')}
                      </h1>
                      <p>{t('selfService.leaveIntro')}</p>
                      <PinCheckForm method="lock.leaveSelfService" submitLabel={t('selfService.leaveSubmit')} />
                    </div>
                  </div>
                </div>
              </div>
            </div>
          )}
        </dialog>,
        document.body,
      )}
    </>
  );
}
