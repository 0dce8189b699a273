import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_KEYS, type TemplateFields } from '../../../shared/journal/templates';
import { useCoreQuery } from '../../api/hooks';
import { ariaKeys, useShortcut, useSingleKeyShortcuts } from '../../lib/shortcuts';
import { describeFields } from './template-form';
import { paths } from './paths';

/** What was picked, for the form to fill and the status line to say. */
export interface Picked {
  fields: TemplateFields;
  /** The template's name; null for the last session. */
  name: string | null;
}

/** The key of "same as the last session": a key of its own on every layout (French AZERTY included), never in a field. */
export const LAST_SESSION_KEY = '=';
const pickId = (id: string) => `template-pick-${id}`;
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

function Key({ keys }: { keys: string }) {
  const { t } = useTranslation('journal');
  return (
    <>
      <kbd aria-hidden="true" className="mediane-key">
        {keys}
      </kbd>
      <span className="fr-sr-only">{` (${t('templates.picker.key', { key: keys })})`}</span>
    </>
  );
}

/** Key n picks template n, while it exists (one component each: the number of templates varies). */
function PickShortcut({ keys, run }: { keys: (typeof DIGITS)[number]; run: () => void }) {
  useShortcut(keys, `journal:templates.shortcuts.pick${keys}`, run);
  return null;
}

/**
 * The top of a new session: the desk's templates (numbered, key 1 to 9), "same as the last session" (key =), then
 * the combinations the desk logged most in the last weeks. One click or one key fills the form; the focus goes to
 * the chosen button, inside the form, so that Ctrl+Enter saves at once. Keys never fire while typing in a field.
 */
export function TemplatePicker({ onPick }: { onPick: (picked: Picked) => void }) {
  const { t } = useTranslation('journal');
  const templates = useCoreQuery('journal.templates', {});
  const memory = useCoreQuery('journal.memory', {});
  const [applied, setApplied] = useState('');
  // Single-key shortcuts turned off in the help: the buttons show no key that would not act.
  const keysOn = useSingleKeyShortcuts();

  const list = templates.data ?? [];
  const last = memory.data?.last ?? null;
  const suggestions = memory.data?.suggestions ?? [];

  function pick(id: string, picked: Picked, focus: boolean) {
    onPick(picked);
    setApplied(
      picked.name === null ? t('templates.picker.appliedLast') : t('templates.picker.applied', { name: picked.name }),
    );
    if (focus) document.getElementById(pickId(id))?.focus();
  }

  useShortcut(
    LAST_SESSION_KEY,
    'journal:templates.shortcuts.last',
    () => last && pick('last', { fields: last, name: null }, true),
    {
      enabled: last !== null,
    },
  );

  const failed = templates.error !== null || memory.error !== null;
  // Nothing to offer (a new desk), or not read yet: the form starts at once, with no block nor Tab stop above it.
  if (failed) return <p className="fr-message fr-message--error fr-mb-2w">{t('templates.picker.loadFailed')}</p>;
  if (templates.loading || memory.loading || (list.length === 0 && last === null && suggestions.length === 0))
    return null;

  return (
    <section className="mediane-template-picker fr-mb-2w" aria-labelledby="template-picker-title">
      {list.slice(0, TEMPLATE_KEYS).map((template, i) => (
        <PickShortcut
          key={template.id}
          keys={DIGITS[i]!}
          run={() => pick(template.id, { fields: template.fields, name: template.name }, true)}
        />
      ))}
      <h2 id="template-picker-title" className="fr-h6 fr-mb-1v">
        {t('templates.picker.title')}
      </h2>
      <p className="fr-hint-text fr-mb-1w">{t('templates.picker.hint')}</p>
      {list.length === 0 && <p className="fr-text--sm fr-mb-1w">{t('templates.picker.none')}</p>}
      {(list.length > 0 || last) && (
        <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm mediane-template-list">
          {list.map((template, i) => {
            const digit = keysOn && i < TEMPLATE_KEYS ? DIGITS[i] : undefined;
            return (
              <li key={template.id}>
                <button
                  id={pickId(template.id)}
                  type="button"
                  className="fr-btn fr-btn--secondary fr-btn--sm"
                  aria-keyshortcuts={digit ? ariaKeys(digit) : undefined}
                  title={describeFields(template.fields)}
                  onClick={() => pick(template.id, { fields: template.fields, name: template.name }, false)}
                >
                  {digit && <Key keys={digit} />}
                  {template.name}
                </button>
              </li>
            );
          })}
          {last && (
            <li>
              <button
                id={pickId('last')}
                type="button"
                className="fr-btn fr-btn--tertiary fr-btn--sm"
                aria-keyshortcuts={keysOn ? ariaKeys(LAST_SESSION_KEY) : undefined}
                title={describeFields(last)}
                onClick={() => pick('last', { fields: last, name: null }, false)}
              >
                {keysOn && <Key keys={LAST_SESSION_KEY} />}
                {t('templates.picker.last')}
              </button>
            </li>
          )}
        </ul>
      )}
      {suggestions.length > 0 && (
        <div className="mediane-template-suggestions">
          <p className="fr-text--sm fr-mb-1v" id="template-suggestions">
            {t('templates.picker.suggestions')}
          </p>
          <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm" aria-labelledby="template-suggestions">
            {suggestions.map((s, i) => {
              const name = describeFields(s.fields);
              const id = `suggestion-${i}`;
              return (
                <li key={id}>
                  <button
                    id={pickId(id)}
                    type="button"
                    className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm"
                    onClick={() => pick(id, { fields: s.fields, name }, false)}
                  >
                    {name} ({t('templates.picker.times', { count: s.count })})
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <p className="fr-text--xs fr-mb-0">
        <a className="fr-link fr-link--sm" href={paths.templates}>
          {t('templates.picker.manage')}
        </a>
      </p>
      <p className="fr-sr-only" role="status">
        {applied}
      </p>
    </section>
  );
}
