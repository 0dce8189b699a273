import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryItem {
  key: string;
  /** The field's visible label, when the message belongs to a field of the form. */
  field?: string;
  message: string;
  /** Id of the field (or of the group holding it) to focus from the summary. */
  targetId?: string;
}

interface Props {
  title: string;
  /** One below the heading that introduces the form. */
  titleLevel: 2 | 3;
  summary: string;
  items: SummaryItem[];
  /**
   * Number of the refused attempt this summary reports: each new value moves the focus to the summary, so keyboard
   * and screen-reader users start from what went wrong, even when the same summary is shown again.
   */
  attempt: number;
}

/** Moves focus to a field, or into a group: its invalid control, else its checked radio, else its first control. */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  const inside = (selector: string) => el.querySelector<HTMLElement>(selector);
  const target = el.matches('input, select, textarea, button')
    ? el
    : (inside('input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"]') ??
      inside('input:checked') ??
      inside('input:not([type="hidden"]), select, textarea') ??
      el);
  target.focus();
  target.scrollIntoView?.({ block: 'center' });
}

/**
 * DSFR error alert listing what went wrong, each message linked to its field. It takes the focus on every refused
 * attempt (see `attempt`).
 */
export function ErrorSummary({ title, titleLevel, summary, items, attempt }: Props) {
  const { t } = useTranslation('common');
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const Title = titleLevel === 2 ? 'h2' : 'h3';

  useEffect(() => {
    if (attempt > 0) box.current?.focus();
  }, [attempt]);

  return (
    <div
      ref={box}
      tabIndex={-1}
      className="fr-alert fr-alert--error fr-mb-3w mediane-focus-target"
      role="alert"
      aria-labelledby={titleId}
    >
      <Title className="fr-alert__title" id={titleId}>
        {title}
      </Title>
      <p>{summary}</p>
      {items.length > 0 && (
        <ul aria-label={t('errorSummary.listLabel')}>
          {items.map((item) => {
            const text = item.field
              ? t('errorSummary.fieldLink', { field: item.field, message: item.message })
              : item.message;
            const target = item.targetId;
            return (
              <li key={item.key}>
                {target ? (
                  // The link moves focus to the field itself: following the hash would change the app's route.
                  <a
                    className="fr-link"
                    href={`#${target}`}
                    onClick={(e) => {
                      e.preventDefault();
                      focusField(target);
                    }}
                  >
                    {text}
                  </a>
                ) : (
                  text
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
