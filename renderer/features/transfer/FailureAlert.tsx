import type { Ref } from 'react';
import type { AppError } from '../../../shared/errors';

/** The i18n key (namespace "errors") of a core error: its own message, or its code's. */
export function failureKey(error: AppError): string {
  return error.messageKey ?? `code.${error.code}`;
}

/** A DSFR error alert that takes the focus when shown (the parent moves it), for a job or a call that failed. */
export function FailureAlert({
  ref,
  title,
  message,
  detail,
}: {
  ref?: Ref<HTMLDivElement>;
  title: string;
  message: string;
  detail?: string;
}) {
  return (
    <div ref={ref} className="fr-alert fr-alert--error fr-mb-3w" role="alert" tabIndex={-1}>
      <h3 className="fr-alert__title">{title}</h3>
      <p>{message}</p>
      {detail && <p>{detail}</p>}
    </div>
  );
}
