import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { templateName } from '../../../shared/journal/templates';
import { useCoreMutation } from '../../api/hooks';
import { errorText } from '../../i18n';
import { coreErrorText, coreFieldErrors } from '../../lib/core-error';
import { InputField } from '../../ui/fields';
import type { FormState } from './editor-model';
import { proposedName } from './template-form';

/**
 * "Enregistrer comme modèle" on a saved session: a name (proposed from the session), then the core copies the
 * session's reusable fields as it is stored. Outside the session's form (no nested form), so its Enter and the
 * session's Ctrl+Enter never mix.
 */
export function SaveAsTemplate({ sessionId, saved }: { sessionId: string; saved: FormState }) {
  const { t } = useTranslation('journal');
  const create = useCoreMutation('journal.createTemplate');
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState('');
  const opener = useRef<HTMLButtonElement>(null);
  const input = () => document.getElementById('save-template-name') as HTMLInputElement | null;

  function start() {
    setName(proposedName(saved));
    setError(undefined);
    setDone('');
    setOpen(true);
    // The field appears on this render: focus it once it is in the page.
    requestAnimationFrame(() => input()?.select());
  }
  function close() {
    setOpen(false);
    setError(undefined);
    requestAnimationFrame(() => opener.current?.focus());
  }
  async function submit() {
    if (create.pending) return;
    // The shared rule first (the core checks it again): an empty name never leaves the screen.
    const checked = templateName.safeParse(name);
    if (!checked.success) {
      setError(errorText(checked.error.issues[0]!.message));
      input()?.focus();
      return;
    }
    try {
      const template = await create.mutate({ sessionId, name });
      setDone(t('templates.save.done', { name: template.name }));
      close();
    } catch (e) {
      setError(coreFieldErrors(e).name ?? coreErrorText(e));
      input()?.focus();
    }
  }

  return (
    <div className="mediane-save-template fr-mb-2w">
      {open ? (
        <div role="group" aria-labelledby="save-template-legend">
          <p id="save-template-legend" className="fr-text--bold fr-mb-1v">
            {t('templates.save.legend')}
          </p>
          <InputField
            id="save-template-name"
            label={t('templates.save.name')}
            hint={t('templates.save.nameHint')}
            required
            maxLength={80}
            value={name}
            error={error}
            onChange={(v) => {
              setName(v);
              setError(undefined);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void submit();
              } else if (e.key === 'Escape') {
                e.preventDefault();
                close();
              }
            }}
          />
          <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
            <li>
              <button
                type="button"
                className="fr-btn fr-btn--sm"
                onClick={() => void submit()}
                disabled={create.pending}
              >
                {t('templates.save.submit')}
              </button>
            </li>
            <li>
              <button type="button" className="fr-btn fr-btn--secondary fr-btn--sm" onClick={close}>
                {t('templates.save.cancel')}
              </button>
            </li>
          </ul>
        </div>
      ) : (
        <button
          ref={opener}
          type="button"
          className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-bookmark-line fr-btn--icon-left"
          onClick={start}
        >
          {t('templates.save.open')}
        </button>
      )}
      <p role="status" className={done ? 'fr-message fr-message--valid fr-mt-1v' : 'fr-sr-only'}>
        {done}
      </p>
    </div>
  );
}
