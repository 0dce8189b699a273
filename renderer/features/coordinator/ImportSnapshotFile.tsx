import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotFileReceipt } from '../../../shared/coordinator/schema';
import { useCoreMutation } from '../../api/hooks';
import { chooseOpenSource } from '../../api/files';
import { coreErrorText } from '../../lib/core-error';
import { formatDateTime } from '../../lib/format';

/**
 * « Importer un fichier de bureau »: a desk that never reaches the hub hands its signed snapshot file to the
 * coordinator, who sends it to the hub from here. The hub stores it whole or refuses it whole; its receipt per
 * snapshot is shown (stored, already had, superseded), and `onImported` lets the page ask for fresh figures.
 */
export function ImportSnapshotFile({ onImported }: { onImported: () => void }) {
  const { t, i18n } = useTranslation('coordinator');
  const id = useId();
  const importFile = useCoreMutation('coordinator.importSnapshotFile');
  const [receipt, setReceipt] = useState<SnapshotFileReceipt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);
  const result = useRef<HTMLDivElement>(null);
  const busy = choosing || importFile.pending;

  async function choose() {
    setError(null);
    setReceipt(null);
    setChoosing(true);
    let outcome = false;
    try {
      const source = await chooseOpenSource('snapshots');
      if (!source) return;
      outcome = true;
      setReceipt(await importFile.mutate({ sourceId: source.sourceId }));
      onImported();
    } catch (e) {
      outcome = true;
      setError(coreErrorText(e));
    } finally {
      setChoosing(false);
      // The outcome is announced by its alert; focus follows it so a keyboard user lands on the receipts (a
      // cancelled dialog leaves the focus on the button).
      if (outcome) requestAnimationFrame(() => result.current?.focus());
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="fr-mb-4w">
      <h2 id={`${id}-title`} className="fr-h4">
        {t('importFile.title')}
      </h2>
      <p id={`${id}-intro`}>{t('importFile.intro')}</p>
      <button
        type="button"
        className="fr-btn fr-btn--secondary fr-icon-upload-line fr-btn--icon-left"
        aria-describedby={`${id}-intro`}
        disabled={busy}
        onClick={() => void choose()}
      >
        {t('importFile.action')}
      </button>
      {importFile.pending && <p role="status">{t('importFile.sending')}</p>}
      <div ref={result} tabIndex={-1} className="fr-mt-2w">
        {error && (
          <div className="fr-alert fr-alert--error fr-alert--sm" role="alert">
            <p>{error}</p>
          </div>
        )}
        {receipt && (
          <>
            <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" role="status">
              <p>
                {t('importFile.done', {
                  site: receipt.site.name,
                  departement: receipt.site.departement,
                  when: formatDateTime(receipt.exportedAt, i18n.language),
                  count: receipt.receipts.filter((r) => r.status === 'stored').length,
                })}
              </p>
            </div>
            <div className="fr-table fr-table--sm">
              <table>
                <caption>{t('importFile.caption', { site: receipt.site.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('importFile.period')}</th>
                    <th scope="col">{t('importFile.version')}</th>
                    <th scope="col">{t('importFile.outcome')}</th>
                  </tr>
                </thead>
                <tbody>
                  {receipt.receipts.map((r) => (
                    <tr key={`${r.period.key}-${r.version}`}>
                      <th scope="row">{r.period.key}</th>
                      <td>{r.version}</td>
                      <td>{t(`importFile.status.${r.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    </section>
  );
}
