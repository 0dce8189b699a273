import { coreErrorText } from '../../lib/core-error';

/** A screen that could not load its diagnosis: the core's reason, translated. */
export function ScreenError({ error }: { error: unknown }) {
  return (
    <div className="fr-alert fr-alert--error" role="alert">
      <p>{coreErrorText(error)}</p>
    </div>
  );
}
