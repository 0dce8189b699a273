import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  findPersonalData,
  maskPersonalData,
  PERSONAL_DATA_KINDS,
  type PersonalDataKind,
} from '../../../shared/notes/personal-data';

export const DETECT_DELAY_MS = 300;

function kindsIn(text: string): PersonalDataKind[] {
  const found = new Set(findPersonalData(text).map((m) => m.kind));
  return PERSONAL_DATA_KINDS.filter((k) => found.has(k));
}

interface Props {
  value: string;
  onChange(value: string): void;
  error?: string;
}

/**
 * The free-text note, which stays on this computer. While the mediator types, a detector looks for personal data
 * (phone, e-mail, social security number, IBAN, tax number, postal address) and warns, with a button that replaces
 * what it found with markers. The warning is advice: saving stays possible.
 */
export function NotesField({ value, onChange, error }: Props) {
  const { t, i18n } = useTranslation('journal');
  const id = 'session-notes';
  const [kinds, setKinds] = useState<PersonalDataKind[]>([]);
  const [masked, setMasked] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const timer = setTimeout(() => setKinds(kindsIn(value)), DETECT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [value]);

  function mask() {
    const next = maskPersonalData(value, (kind) => t(`editor.notes.marker.${kind}`));
    onChange(next);
    setKinds(kindsIn(next));
    setMasked(true);
    // The button disappears with the warning: give focus back to the note rather than lose it.
    area.current?.focus();
  }

  const list = new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' }).format(
    kinds.map((k) => t(`editor.notes.kinds.${k}`)),
  );
  const describedBy =
    [error ? `${id}-error` : null, kinds.length ? `${id}-warning` : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={id}>
        {t('editor.notes.label')}
        <span className="fr-hint-text" id={`${id}-hint`}>
          {t('editor.notes.hint')}
        </span>
      </label>
      <textarea
        id={id}
        ref={area}
        className={`fr-input${error ? ' fr-input--error' : ''}`}
        rows={4}
        value={value}
        onChange={(e) => {
          setMasked(false);
          onChange(e.target.value);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error && (
        <p className="fr-error-text" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div aria-live="polite" className="mediane-notes-live">
        {kinds.length > 0 ? (
          <div className="fr-alert fr-alert--warning fr-alert--sm fr-mt-2w" id={`${id}-warning`}>
            <p className="fr-alert__title">{t('editor.notes.warningTitle')}</p>
            <p>{t('editor.notes.warning', { kinds: list })}</p>
            <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w" onClick={mask}>
              {t('editor.notes.mask')}
            </button>
          </div>
        ) : (
          masked && <p className="fr-message fr-message--valid fr-mt-1w">{t('editor.notes.masked')}</p>
        )}
      </div>
    </div>
  );
}
