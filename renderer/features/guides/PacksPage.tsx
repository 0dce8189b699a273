import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPackResult } from '../../../shared/guides/api';
import { api } from '../../api/client';
import { chooseOpenSource, chooseSaveTarget, deliver } from '../../api/files';
import { useCoreQuery } from '../../api/hooks';
import { errorText } from '../../i18n';
import { coreErrorText, toAppError } from '../../lib/core-error';
import { paths } from './paths';

type Outcome = { tone: 'success' | 'error' | 'info'; text: string; details?: string[] } | null;

/** Guide packs: a coordinator shares a desk's corrected or added guides with other sites; and the desk's settings. */
export function PacksPage() {
  const { t } = useTranslation('guides');
  const list = useCoreQuery('guides.list', {});
  const prefs = useCoreQuery('guides.preferences', {});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const [cleanPc, setCleanPc] = useState<boolean | null>(null);
  const result = useRef<HTMLDivElement>(null);
  const local = (list.data ?? []).filter((g) => g.local !== null);

  const show = (o: Outcome) => {
    setOutcome(o);
    setTimeout(() => result.current?.focus(), 0);
  };

  async function exportPack() {
    if (busy) return;
    setBusy(true);
    try {
      const target = await chooseSaveTarget(
        'guidePack',
        `guides-mediane-${new Date().toISOString().slice(0, 10)}.json`,
      );
      if (!target) return show({ tone: 'info', text: t('packs.cancelled') });
      const done = await api('guides.exportPack', { targetId: target.targetId });
      deliver(target);
      show({ tone: 'success', text: t('packs.exported', { count: done.guides, name: done.name }) });
    } catch (e) {
      show({ tone: 'error', text: coreErrorText(e) });
    } finally {
      setBusy(false);
    }
  }

  async function importPack() {
    if (busy) return;
    setBusy(true);
    try {
      const source = await chooseOpenSource('guidePack');
      if (!source) return show({ tone: 'info', text: t('packs.cancelled') });
      const done: ImportPackResult = await api('guides.importPack', { sourceId: source.sourceId });
      list.refetch();
      show({
        tone: 'success',
        text: t('packs.imported', { added: done.added, updated: done.updated, unchanged: done.unchanged }),
      });
    } catch (e) {
      const error = toAppError(e);
      show({
        tone: 'error',
        text: coreErrorText(e),
        details: (error.issues ?? []).map((i) => t('packs.issue', { path: i.path, message: errorText(i.message) })),
      });
    } finally {
      setBusy(false);
    }
  }

  const cleanPcOn = cleanPc ?? prefs.data?.cleanPcChecklist ?? true;

  return (
    <>
      <p className="fr-mb-1w">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={paths.list()}>
          {t('page.back')}
        </a>
      </p>
      <h1>{t('packs.title')}</h1>
      <p className="fr-text--lead">{t('packs.intro')}</p>
      <div ref={result} tabIndex={-1} aria-live="polite">
        {outcome && (
          <div className={`fr-alert fr-alert--${outcome.tone} fr-alert--sm fr-mb-3w`}>
            <p>{outcome.text}</p>
            {outcome.details && outcome.details.length > 0 && (
              <ul>
                {outcome.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      <section aria-labelledby="packs-export" className="fr-mb-4w">
        <h2 id="packs-export">{t('packs.exportTitle')}</h2>
        <p>{t('packs.exportIntro', { count: local.length })}</p>
        {local.length > 0 && (
          <ul>
            {local.map((g) => (
              <li key={g.id}>
                <a href={paths.guide(g.id)}>{g.title}</a>
              </li>
            ))}
          </ul>
        )}
        <button
          type="button"
          className="fr-btn fr-icon-download-line fr-btn--icon-left"
          onClick={() => void exportPack()}
          disabled={busy || local.length === 0}
        >
          {t('packs.export')}
        </button>
      </section>
      <section aria-labelledby="packs-import" className="fr-mb-4w">
        <h2 id="packs-import">{t('packs.importTitle')}</h2>
        <p>{t('packs.importIntro')}</p>
        <button
          type="button"
          className="fr-btn fr-btn--secondary fr-icon-upload-line fr-btn--icon-left"
          onClick={() => void importPack()}
          disabled={busy}
        >
          {t('packs.import')}
        </button>
      </section>
      <section aria-labelledby="guides-settings">
        <h2 id="guides-settings">{t('settings.title')}</h2>
        <div className="fr-toggle">
          <input
            type="checkbox"
            className="fr-toggle__input"
            id="guides-clean-pc"
            aria-describedby="guides-clean-pc-hint"
            checked={cleanPcOn}
            onChange={(e) => {
              const next = e.target.checked;
              setCleanPc(next);
              api('guides.setPreferences', { cleanPcChecklist: next }).catch((err: unknown) => {
                setCleanPc(!next);
                show({ tone: 'error', text: coreErrorText(err) });
              });
            }}
          />
          <label className="fr-toggle__label" htmlFor="guides-clean-pc">
            {t('settings.cleanPc')}
          </label>
          <p className="fr-hint-text" id="guides-clean-pc-hint">
            {t('settings.cleanPcHint')}
          </p>
        </div>
      </section>
    </>
  );
}
