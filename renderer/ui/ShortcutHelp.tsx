import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translate } from '../i18n';
import { ModalDialog } from './ModalDialog';
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
// Its toggle turns the single-key shortcuts off (WCAG 2.1.4); the header's
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
  const shortcuts = useActiveShortcuts();
  const singleKeyOn = useSingleKeyShortcuts();
  const toggleId = useId();

  useShortcut(SHORTCUTS.help, 'common:shortcuts.do.help', () => setOpen(true));

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
      <ModalDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('shortcuts.title')}
        closeLabel={t('shortcuts.close')}
      >
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
      </ModalDialog>
    </>
  );
}
