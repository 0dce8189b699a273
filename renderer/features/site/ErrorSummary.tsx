import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryItem {
  key: string;
  /** The field's visible label, when the message belongs to a field of the form. */
  field?: string;
  message: string;
  /** Id of the field to focus from the summary. */
  targetId?: string;
}

interface Props {
  ref?: Ref<HTMLDivElement>;
  title: string;
  titleLevel: 2 | 3;
  summary: string;
  items: SummaryItem[];
}

/** Moves focus to a field from an error summary: the control itself, or the first control inside a group. */
function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  const target = el.matches('input, select, textarea, button') ? el : el.querySelector<HTMLElement>('input, select, textarea');
  target?.focus();
}

/**
 * DSFR error alert listing what went wrong, each message linked to its field. It takes the focus when shown
 * (the parent moves it), so keyboard and screen-reader users land on it.
 */
export function ErrorSummary({ ref, title, titleLevel, summary, items }: Props) {
  const { t } = useTranslation('site');
  const Title = titleLevel === 2 ? 'h2' : 'h3';
  return (
    <div ref={ref} className="fr-alert fr-alert--error fr-mb-3w" role="alert" tabIndex={-1}>
      <Title className="fr-alert__title">{title}</Title>
      <p>{summary}</p>
      {items.length > 0 && (
        <ul>
          {items.map((item) => {
            const text = item.field ? t('form.fieldError', { field: item.field, message: item.message }) : item.message;
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
