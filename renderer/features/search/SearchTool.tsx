import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../../shared/search/schema';
import { api } from '../../api/client';
import { navigate } from '../../lib/router';
import { ariaKeys, SHORTCUTS, useShortcut, useSingleKeyShortcuts } from '../../lib/shortcuts';
import { ModalDialog } from '../../ui/ModalDialog';
import { showNotice } from '../../ui/notices';
import { SearchBox } from './SearchBox';
import './search.css';

/**
 * The header's search button, on every screen, and the dialog it opens (Ctrl+K, or / when not typing). Opening a
 * result goes to its page and, while a live session runs, links a guide or an online service to it (the core knows
 * whether one runs).
 */
export function SearchTool() {
  const { t } = useTranslation('search');
  const [open, setOpen] = useState(false);
  // Opening a result moves to its page: the focus must not jump back to the header's button.
  const [restoreFocus, setRestoreFocus] = useState(true);
  const singleKeyOn = useSingleKeyShortcuts();

  function show() {
    setRestoreFocus(true);
    setOpen(true);
  }

  useShortcut(SHORTCUTS.search, 'search:shortcuts.search', show, { inFields: true });
  useShortcut(SHORTCUTS.searchSlash, 'search:shortcuts.searchSlash', show);

  async function pick(result: SearchResult) {
    setRestoreFocus(false);
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
        onClick={show}
      >
        {t('open')}
        <span className="fr-sr-only"> {t('openSr')}</span>
      </button>
      <ModalDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('title')}
        closeLabel={t('close')}
        width="fr-col-md-10 fr-col-lg-8"
        className="mediane-search-modal"
        initialFocus="input"
        restoreFocus={restoreFocus}
      >
        <SearchBox onPick={(r) => void pick(r)} />
      </ModalDialog>
    </>
  );
}
