import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCoreQuery } from '../../api/hooks';

// "Leave the PC clean", at the end of a session that followed guides, on a shared PC (a desk setting, on by
// default): log out of the sites used, close the browser, delete the downloaded documents. One key press either
// way: Enter ("All done", focused) or Escape (skip). Shown once per session on this computer.

const HANDLED_KEY = 'mediane.guides.cleanPcHandled';

function handled(): string[] {
  try {
    return JSON.parse(sessionStorage.getItem(HANDLED_KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
}
function markHandled(id: string): void {
  sessionStorage.setItem(HANDLED_KEY, JSON.stringify([...handled().slice(-50), id]));
}

export function CleanPcChecklist({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('guides');
  const prefs = useCoreQuery('guides.preferences', {});
  const state = useCoreQuery('guides.session', { holder: { sessionId } });
  const [done, setDone] = useState(() => handled().includes(sessionId));
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [announce, setAnnounce] = useState('');
  const dialog = useRef<HTMLDialogElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const sites = state.data?.sites ?? [];
  const show = !done && prefs.data?.cleanPcChecklist === true && (state.data?.guides.length ?? 0) > 0;

  useEffect(() => {
    const box = dialog.current;
    if (!show || !box || box.open) return;
    if (typeof box.showModal === 'function') box.showModal();
    else box.setAttribute('open', '');
    confirm.current?.focus();
  }, [show]);

  function finish(all: boolean) {
    markHandled(sessionId);
    const box = dialog.current;
    if (box?.open) {
      if (typeof box.close === 'function') box.close();
      else box.removeAttribute('open');
    }
    setDone(true);
    setAnnounce(t(all ? 'clean.doneAll' : 'clean.skipped'));
  }

  const items = [
    ...sites.map((s) => ({ key: `site-${s.host}`, label: t('clean.logout', { site: s.label, host: s.host }) })),
    { key: 'browser', label: t('clean.browser') },
    { key: 'downloads', label: t('clean.downloads') },
  ];

  return (
    <>
      <p className="fr-sr-only" role="status">
        {announce}
      </p>
      {show && (
        <dialog
          ref={dialog}
          aria-labelledby={titleId}
          className="fr-modal fr-modal--opened"
          onCancel={(e) => {
            e.preventDefault();
            finish(false);
          }}
          data-testid="clean-pc"
        >
          <div className="fr-container fr-container--fluid fr-container-md">
            <div className="fr-grid-row fr-grid-row--center">
              <div className="fr-col-12 fr-col-md-8">
                <div className="fr-modal__body">
                  <div className="fr-modal__content fr-pt-4w">
                    <h1 id={titleId} className="fr-modal__title">
                      {t('clean.title')}
                    </h1>
                    <p>{t('clean.intro')}</p>
                    <fieldset className="fr-fieldset">
                      <legend className="fr-fieldset__legend fr-sr-only">{t('clean.title')}</legend>
                      {items.map((item) => (
                        <div className="fr-fieldset__element" key={item.key}>
                          <div className="fr-checkbox-group">
                            <input
                              type="checkbox"
                              id={`${titleId}-${item.key}`}
                              checked={ticked.has(item.key)}
                              onChange={(e) =>
                                setTicked((s) => {
                                  const next = new Set(s);
                                  if (e.target.checked) next.add(item.key);
                                  else next.delete(item.key);
                                  return next;
                                })
                              }
                            />
                            <label className="fr-label" htmlFor={`${titleId}-${item.key}`}>
                              {item.label}
                            </label>
                          </div>
                        </div>
                      ))}
                    </fieldset>
                    <p className="fr-hint-text">{t('clean.keys')}</p>
                  </div>
                  <div className="fr-modal__footer">
                    <ul className="fr-btns-group fr-btns-group--inline-md">
                      <li>
                        <button ref={confirm} type="button" className="fr-btn" onClick={() => finish(true)}>
                          {t('clean.allDone')}
                        </button>
                      </li>
                      <li>
                        <button type="button" className="fr-btn fr-btn--secondary" onClick={() => finish(false)}>
                          {t('clean.skip')}
                        </button>
                      </li>
                    </ul>
                  </div>
                </div>
              </div>
            </div>
          </div>
        </dialog>
      )}
    </>
  );
}
