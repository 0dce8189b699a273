import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { coreErrorText } from '../../lib/core-error';
import { printSheet } from './print-pdf';

/** « Imprimer ou enregistrer en PDF »: prints the PrintSheet shown on the same screen (see print-pdf.ts). */
export function PrintButton({ fileName, className }: { fileName: string; className?: string }) {
  const { t } = useTranslation('common');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);

  async function onClick() {
    setBusy(true);
    setOutcome(null);
    try {
      const saved = await printSheet(fileName);
      if (saved) setOutcome({ kind: 'saved', text: t('print.saved', { name: saved.name }) });
    } catch (e) {
      setOutcome({ kind: 'error', text: coreErrorText(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={className}>
      <button
        type="button"
        className="fr-btn fr-btn--icon-left fr-icon-printer-line"
        onClick={() => void onClick()}
        disabled={busy}
      >
        {busy ? t('print.busy') : t('print.button')}
      </button>
      <div aria-live="polite">
        {outcome && (
          <p
            className={outcome.kind === 'error' ? 'fr-error-text' : 'fr-valid-text'}
            role={outcome.kind === 'error' ? 'alert' : undefined}
          >
            {outcome.text}
          </p>
        )}
      </div>
    </div>
  );
}
