import { useRef, useState, type KeyboardEvent } from 'react';
import './editor.css';
import { useTranslation } from 'react-i18next';
import { localDate } from '../../../shared/ids';
import { SESSION_KINDS } from '../../../shared/taxonomy';
import { api } from '../../api/client';
import { useCoreQuery } from '../../api/hooks';
import { useAppStatus } from '../../app/status';
import { errorText, translate } from '../../i18n';
import { coreErrorText } from '../../lib/core-error';
import { formatDate } from '../../lib/format';
import { navigate } from '../../lib/router';
import { ErrorSummary, type SummaryItem } from '../../ui/ErrorSummary';
import { RadioGroup } from '../../ui/fields';
import { toFormErrors, useFormErrors } from '../../ui/form-errors';
import { showNotice } from '../../ui/notices';
import { DurationField } from './DurationField';
import { operatorsFirst, sectionsOfPaths, sectionsWithValues } from './editor-layout';
import {
  anchorOf,
  buildInput,
  checkForm,
  duplicateForm,
  emptyForm,
  formFromSession,
  isUnder,
  touchedPaths,
  type EditorMode,
  type FieldsProps,
  type FormState,
} from './editor-model';
import { FoldedSection, useOpenSections } from './FoldedSection';
import { NotesField } from './NotesField';
import { paths } from './paths';
import { PersonFields } from './PersonFields';
import { SaveAsTemplate } from './SaveAsTemplate';
import {
  AutonomyField,
  ChannelField,
  DateTimeFields,
  EquipmentField,
  FollowUpFields,
  OperatorsFirstField,
  OutcomeFields,
  TopicFields,
} from './SessionFields';
import { EditorSlots } from '../../ui/session-slots';
import { applyTemplate } from './template-form';
import { TemplatePicker } from './TemplatePicker';
import { WorkshopBreakdownFields, WorkshopFields } from './WorkshopFields';

export type { EditorMode } from './editor-model';

/** The session editor: one form for a new session (individual or workshop, possibly closing a live timer) and for an edit. */
export function SessionEditor({ mode }: { mode: EditorMode }) {
  if (mode.type === 'edit') return <StoredSession id={mode.id} mode={mode} />;
  // "Dupliquer": the source is only read; the copy exists once this editor is saved.
  if (mode.sourceId) return <StoredSession id={mode.sourceId} mode={mode} />;
  // A session closing a timer starts when the timer did.
  const initial = {
    ...emptyForm(mode.kind, localDate(new Date()), mode.durationMin),
    ...(mode.startTime ? { startTime: mode.startTime } : {}),
  };
  return <SessionForm mode={mode} initial={initial} />;
}

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; form: FormState }
  | { state: 'notFound' }
  | { state: 'failed'; message: string };

/** Reads a stored session, then opens it for an edit or as the prefilled copy of a new one. */
function StoredSession({ id, mode }: { id: string; mode: EditorMode }) {
  const { t } = useTranslation('journal');
  const { t: tc } = useTranslation('common');
  const session = useCoreQuery('journal.get', { id });
  // The person's commune, resolved from its code once the session is read (the form shows its name).
  const communeCode = session.data?.kind === 'individuel' ? session.data.person.communeCode : null;
  const commune = useCoreQuery('communes.get', { code: communeCode ?? '' }, { enabled: communeCode !== null });
  const loaded = ((): Loaded => {
    if (session.loading || (communeCode !== null && commune.loading)) return { state: 'loading' };
    const error = session.error ?? (communeCode !== null ? commune.error : null);
    // A malformed id in the address is as good as a deleted session for the person looking at it.
    if (session.error && (session.error.code === 'not_found' || session.error.code === 'invalid_input'))
      return { state: 'notFound' };
    if (error || !session.data) return { state: 'failed', message: coreErrorText(error) };
    if (mode.type === 'new')
      return { state: 'ready', form: duplicateForm(session.data, commune.data ?? null, localDate(new Date())) };
    return { state: 'ready', form: formFromSession(session.data, commune.data ?? null) };
  })();
  const retry = () => {
    if (session.error) session.refetch();
    else commune.refetch();
  };

  if (loaded.state === 'ready') {
    return (
      <SessionForm
        mode={mode}
        initial={loaded.form}
        copyOf={mode.type === 'new' && session.data ? session.data.date : undefined}
      />
    );
  }
  if (loaded.state === 'loading') {
    return (
      <>
        <h1>{mode.type === 'edit' ? t('editor.editTitle') : t('editor.newTitle')}</h1>
        <p role="status">{t('editor.loading')}</p>
      </>
    );
  }
  const notFound = loaded.state === 'notFound';
  return (
    <>
      <h1>{notFound ? t('editor.notFoundTitle') : t('editor.loadFailedTitle')}</h1>
      <div className="fr-alert fr-alert--error fr-mb-3w" role="alert">
        <p>{notFound ? errorText('journal.notFound') : loaded.message}</p>
      </div>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {!notFound && (
          <li>
            <button type="button" className="fr-btn" onClick={retry}>
              {tc('retry')}
            </button>
          </li>
        )}
        <li>
          <a className={`fr-btn${notFound ? '' : ' fr-btn--secondary'}`} href={paths.journal}>
            {t('editor.backToJournal')}
          </a>
        </li>
      </ul>
    </>
  );
}

function SessionForm({ mode, initial, copyOf }: { mode: EditorMode; initial: FormState; copyOf?: string }) {
  const { t, i18n } = useTranslation('journal');
  const { t: tx } = useTranslation('taxonomy');
  const { status } = useAppStatus();
  const [form, setForm] = useState<FormState>(initial);
  const adminFirst = operatorsFirst(status.site?.siteType);
  const isNew = mode.type === 'new';
  const [today] = useState(() => localDate(new Date()));
  const sections = useOpenSections(sectionsWithValues(initial, today, adminFirst));
  const formErrors = useFormErrors();
  const [saving, setSaving] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const saveLock = useRef(false);

  const update = (patch: Partial<FormState>) => {
    const touched = touchedPaths(form, patch);
    setForm((f) => ({ ...f, ...patch }));
    // A field's message goes once the field is changed; the alert at the top stays until the next save.
    if (Object.keys(formErrors.errors.fields).some((path) => isUnder(path, touched))) {
      formErrors.set((e) => ({
        ...e,
        fields: Object.fromEntries(Object.entries(e.fields).filter(([path]) => !isUnder(path, touched))),
      }));
    }
  };
  const fields: FieldsProps = { form, update, error: formErrors.field };

  async function submit() {
    if (saveLock.current) return;
    const problems = checkForm(form, { today, isNew });
    if (problems.length) {
      const byPath: Record<string, string> = {};
      for (const p of problems) byPath[p.path] ??= translate(p.key);
      // A problem inside a folded section opens it: the summary's link must lead to a visible field.
      sections.reveal(sectionsOfPaths(Object.keys(byPath), form, adminFirst));
      formErrors.set({ fields: byPath, summary: errorText('code.invalid_input') });
      setAttempt((a) => a + 1);
      return;
    }
    saveLock.current = true;
    setSaving(true);
    try {
      const input = buildInput(form, mode.type === 'new' ? (mode.timerId ?? null) : null);
      const saved =
        mode.type === 'edit'
          ? await api('journal.update', { id: mode.id, session: input })
          : await api('journal.create', input);
      const action = mode.type === 'edit' ? 'updated' : 'created';
      // The app shell's notice region confirms the save on the journal page.
      showNotice({ tone: 'success', message: { key: `journal:editor.flash.${action}` }, screen: 'journal' });
      formErrors.clear();
      navigate(paths.journalSaved(saved.id));
    } catch (e) {
      const refused = toFormErrors(e);
      formErrors.set(refused);
      sections.reveal(sectionsOfPaths(Object.keys(refused.fields), form, adminFirst));
      setAttempt((a) => a + 1);
    } finally {
      saveLock.current = false;
      setSaving(false);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key !== 'Enter' || e.defaultPrevented) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      void submit();
      return;
    }
    // In a long form, a stray Enter in a field must not save half a session: only the button and Ctrl+Enter do.
    const target = e.target as HTMLElement;
    if (target instanceof HTMLInputElement && target.type !== 'submit' && target.type !== 'button') e.preventDefault();
  }

  // One name for one screen: the navigation, the journal's buttons and this title all say "Nouvelle séance".
  const title = mode.type === 'edit' ? t('editor.editTitle') : t('editor.newTitle');
  const { summary, fields: errorFields } = formErrors.errors;
  const summaryItems: SummaryItem[] = Object.entries(errorFields).map(([path, message]) => {
    const anchor = anchorOf(path);
    return anchor
      ? { key: path, field: t(anchor.label as 'editor.when.date'), message, targetId: anchor.id }
      : { key: path, message };
  });
  const fromTimer = mode.type === 'new' && Boolean(mode.timerId) && mode.durationMin != null;

  return (
    <>
      <h1>{title}</h1>
      {summary && (
        <ErrorSummary
          title={t('editor.error.title')}
          titleLevel={2}
          summary={summary}
          items={summaryItems}
          attempt={attempt}
        />
      )}
      {copyOf && (
        <p className="fr-text--sm fr-mb-1w">{t('editor.duplicateOf', { date: formatDate(copyOf, i18n.language) })}</p>
      )}
      <p className="fr-text--sm fr-mb-2w">{t('editor.intro')}</p>
      {mode.type === 'edit' && <SaveAsTemplate sessionId={mode.id} saved={initial} />}
      {/* The form only listens to keys coming from its own controls (Ctrl+Enter, stray Enter): delegation, not a widget. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <form
        className="mediane-editor"
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {mode.type === 'new' && (
          // A timer measured this session: its duration wins over the template's.
          <TemplatePicker
            onPick={(picked) => update(applyTemplate(form, picked.fields, { keepDuration: fromTimer }))}
          />
        )}
        {mode.type === 'new' ? (
          <RadioGroup
            id="session-kind"
            legend={t('editor.kind.legend')}
            required
            error={formErrors.field('kind')}
            options={SESSION_KINDS.map((k) => ({ value: k, label: tx(`kind.${k}`) }))}
            value={form.kind}
            // A workshop has no outcome nor follow-up: what was chosen for an individual session is not carried over.
            onChange={(kind) =>
              update(kind === 'collectif' ? { kind, outcome: null, orientation: '', followUpOn: false } : { kind })
            }
          />
        ) : (
          <p className="fr-text--lead fr-mb-3w">{t('editor.kind.current', { kind: tx(`kind.${form.kind}`) })}</p>
        )}
        {form.kind === 'collectif' && <WorkshopFields {...fields} />}
        {form.kind === 'individuel' && adminFirst && <OperatorsFirstField {...fields} operators={status.operators} />}
        {!(form.kind === 'individuel' && adminFirst) && <TopicFields {...fields} operators={status.operators} />}
        <DurationField {...fields} fromTimer={fromTimer} />
        {/* A workshop has no outcome nor follow-up: the schema still accepts them (older records), the form never asks. */}
        {form.kind === 'individuel' && (
          // Guided mode (another feature): the guides followed, and the outcome they suggest when none is chosen.
          <EditorSlots
            holder={mode.type === 'edit' ? { sessionId: mode.id } : mode.timerId ? { timerId: mode.timerId } : null}
            outcome={form.outcome}
            onSuggest={(outcome) => setForm((f) => (f.outcome ? f : { ...f, outcome }))}
          />
        )}
        {form.kind === 'individuel' && <OutcomeFields {...fields} />}
        {form.kind === 'individuel' && adminFirst && (
          <FoldedSection
            id="details"
            title={t('editor.sections.details')}
            open={sections.isOpen('details')}
            onToggle={sections.toggle}
          >
            <TopicFields {...fields} operators={status.operators} operatorsAbove />
          </FoldedSection>
        )}
        <FoldedSection
          id="when"
          title={t('editor.sections.when')}
          open={sections.isOpen('when')}
          onToggle={sections.toggle}
        >
          <DateTimeFields {...fields} />
          <ChannelField {...fields} />
        </FoldedSection>
        <FoldedSection
          id="equipment"
          title={t(form.kind === 'individuel' ? 'editor.sections.equipment' : 'editor.equipment.legend')}
          open={sections.isOpen('equipment')}
          onToggle={sections.toggle}
        >
          <EquipmentField {...fields} />
          {form.kind === 'individuel' && <AutonomyField {...fields} />}
        </FoldedSection>
        {form.kind === 'individuel' ? (
          <>
            <FoldedSection
              id="followUp"
              title={t('editor.sections.followUp')}
              open={sections.isOpen('followUp')}
              onToggle={sections.toggle}
            >
              <FollowUpFields {...fields} isNew={isNew} />
            </FoldedSection>
            <FoldedSection
              id="person"
              title={t('editor.sections.person')}
              open={sections.isOpen('person')}
              onToggle={sections.toggle}
            >
              <PersonFields {...fields} />
            </FoldedSection>
          </>
        ) : (
          <FoldedSection
            id="breakdown"
            title={t('editor.sections.breakdown')}
            open={sections.isOpen('breakdown')}
            onToggle={sections.toggle}
          >
            <WorkshopBreakdownFields {...fields} />
          </FoldedSection>
        )}
        <FoldedSection
          id="notes"
          title={t('editor.sections.notes')}
          open={sections.isOpen('notes')}
          onToggle={sections.toggle}
        >
          <NotesField value={form.notes} onChange={(notes) => update({ notes })} error={formErrors.field('notes')} />
        </FoldedSection>
        {/* Sticky: on a long form (sections open) the save action stays on screen. */}
        <ul className="fr-btns-group fr-btns-group--inline-md mediane-editor-actions">
          <li>
            <button
              type="submit"
              className="fr-btn"
              aria-keyshortcuts="Control+Enter"
              aria-describedby="session-shortcut"
            >
              {saving ? t('editor.actions.saving') : t('editor.actions.save')}
            </button>
          </li>
          <li>
            <a className="fr-btn fr-btn--secondary" href={paths.journal}>
              {t('editor.actions.cancel')}
            </a>
          </li>
          <li className="fr-hint-text mediane-editor-actions__hint" id="session-shortcut">
            {t('editor.actions.shortcut')}
          </li>
        </ul>
      </form>
    </>
  );
}
