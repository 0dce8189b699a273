import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveTimer } from '../../../shared/journal/schema';
import { useCoreQuery } from '../../api/hooks';
import { taxonomyLabel } from '../../lib/format';
import { useHash } from '../../lib/router';
import { SelectField } from '../../ui/fields';
import type { EditorSlotProps, SessionSlots } from '../../ui/session-slots';
import { CleanPcChecklist } from './CleanPcChecklist';
import { paths } from './paths';
import { SessionGuidesSummary } from './SessionGuidesSummary';
import { useSessionGuides } from './useSessionGuides';

/** Beside the header's running timer: the guides it follows, one click away on every screen. */
function TimerGuides({ timer }: { timer: LiveTimer }) {
  const { t } = useTranslation('guides');
  const hash = useHash();
  // Read again on each screen change: ticking happens on the guide pages.
  const state = useCoreQuery('guides.session', { holder: { timerId: timer.id } });
  const { refetch } = state;
  useEffect(() => refetch(), [hash, refetch]);
  const count = state.data?.guides.length ?? 0;
  return (
    <p className="fr-mb-0 fr-mt-1v">
      <a
        className="fr-link fr-link--sm fr-icon-book-2-line fr-link--icon-left"
        href={paths.list({ timerId: timer.id })}
        data-testid="timer-guides"
      >
        {count ? t('timer.guides', { count }) : t('timer.openGuide')}
      </a>
    </p>
  );
}

/** In the session editor: the guides followed, and the outcome they suggest (applied when none is chosen). */
function EditorGuides({ holder, outcome, onSuggest }: EditorSlotProps) {
  const { t } = useTranslation('guides');
  const session = useSessionGuides(holder);
  const suggested = session.data?.suggestedOutcome ?? null;
  const applied = useRef(false);
  useEffect(() => {
    if (suggested && !outcome && !applied.current) {
      applied.current = true;
      onSuggest(suggested);
    }
  }, [suggested, outcome, onSuggest]);
  if (!holder || !session.data) return null;
  return (
    <section className="fr-callout fr-mb-3w" aria-labelledby="editor-guides-title" data-testid="editor-guides">
      <h2 id="editor-guides-title" className="fr-callout__title fr-h6">
        {t('session.title')}
      </h2>
      <SessionGuidesSummary data={session.data} holder={holder} />
      {suggested && outcome !== suggested && (
        <button
          type="button"
          className="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w"
          onClick={() => onSuggest(suggested)}
        >
          {t('session.useSuggested', { outcome: taxonomyLabel('outcome', suggested) })}
        </button>
      )}
      <p className="fr-mt-1w fr-mb-0">
        <a className="fr-link fr-link--sm" href={paths.list(holder)}>
          {t('session.openMore')}
        </a>
      </p>
    </section>
  );
}

/** One more filter of the journal: the sessions that followed a guide. */
function GuideFilter({ id, value, onChange }: { id: string; value: string | null; onChange(v: string | null): void }) {
  const { t } = useTranslation('guides');
  const used = useCoreQuery('guides.used', {});
  const options = used.data ?? [];
  if (options.length === 0 && !value) return null;
  return (
    <div className="fr-fieldset__element fr-fieldset__element--inline mediane-filters__field">
      <SelectField<string>
        id={id}
        label={t('filter.label')}
        value={value ?? ''}
        onChange={(v) => onChange(v || null)}
        options={[{ value: '', label: t('filter.any') }, ...options.map((g) => ({ value: g.id, label: g.title }))]}
      />
    </div>
  );
}

export const sessionSlots: SessionSlots = {
  timer: TimerGuides,
  editor: EditorGuides,
  saved: CleanPcChecklist,
  guideFilter: GuideFilter,
};
