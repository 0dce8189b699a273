import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../ui/ModalDialog';
import { PinCheckForm } from './PinCheckForm';

/**
 * The header's way out of self-service mode: a button that opens a modal dialog asking for the PIN (the core checks
 * it; leaving without it is refused there too).
 */
export function LeaveSelfService() {
  const { t } = useTranslation('lock');
  const [open, setOpen] = useState(false);

  return (
    <>
      <button
        type="button"
        className="fr-btn fr-btn--tertiary-no-outline fr-icon-logout-box-r-line fr-btn--icon-left"
        onClick={() => setOpen(true)}
      >
        {t('selfService.leave')}
      </button>
      {/* Outside the header, whose tool styles would apply to the dialog's buttons and text. */}
      <ModalDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('selfService.leaveTitle')}
        closeLabel={t('selfService.close')}
        width="fr-col-md-6"
        // The PIN field is what the person came for.
        initialFocus="input"
        portal
      >
        <p>{t('selfService.leaveIntro')}</p>
        <PinCheckForm method="lock.leaveSelfService" submitLabel={t('selfService.leaveSubmit')} />
      </ModalDialog>
    </>
  );
}
