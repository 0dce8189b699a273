import i18next from 'i18next';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commune } from '../../../shared/communes/schema';
import { localDate } from '../../../shared/ids';
import { SESSION_KINDS } from '../../../shared/taxonomy';
import { api, isApiError } from '../../api/client';
import { navigate, paths } from '../../app/router';
import { useAppStatus } from '../../app/status';
import { errorText } from '../../i18n';
import { RadioGroup } from '../../ui/fields';
import { useFormErrors } from '../../ui/form-errors';
import { DurationField } from './DurationField';
import { buildInput, checkForm, emptyForm, formFromSession, isUnder, touchedPaths, type EditorMode, type FieldsProps, type FormState } from './editor-model';
import { NotesField } from './NotesField';
import { PersonFields } from './PersonFields';
import { AutonomyField, ChannelField, DateTimeFields, EquipmentField, FollowUpFields, OutcomeFields, TopicFields } from './SessionFields';
import { WorkshopFields } from './WorkshopFields';
import { showNotice } from './notices';

export type { EditorMode } from './editor-model';


// Where each field path of the core's answer lives in the form, for the links of the error summary.
// The first matching prefix wins, so the precise paths come before the groups that hold them.
const ANCHORS: Array<{ path: string; id: string; label: string }> = [
  { path: 'date', id: 'session-date', label: 'editor.when.date' },
  { path: 'startTime', id: 'session-start-time', label: 'editor.when.startTime' },
  { path: 'durationMin', id: 'session-duration', label: 'editor.duration.legend' },
  { path: 'channel', id: 'session-channel', label: 'editor.channel.legend' },
  { path: 'equipment', id: 'session-equipment', label: 'editor.equipment.legend' },
  { path: 'topics', id: 'session-topics', label: 'editor.topics.legend' },
  { path: 'adminTopics', id: 'session-admin-topics', label: 'editor.admin.topics' },
  { path: 'operators', id: 'session-operators', label: 'editor.admin.operators' },
  { path: 'procedureName', id: 'session-procedure', label: 'editor.admin.procedureName' },
  { path: 'autonomy', id: 'session-autonomy', label: 'editor.autonomy.legend' },
  { path: 'outcome', id: 'session-outcome', label: 'editor.outcome.legend' },
  { path: 'orientation', id: 'session-orientation', label: 'editor.outcome.orientation' },
  { path: 'followUp.dueDate', id: 'session-followup-due', label: 'editor.followUp.dueDate' },
  { path: 'followUp.reason', id: 'session-followup-reason', label: 'editor.followUp.reason' },
  { path: 'followUp', id: 'session-followup', label: 'editor.followUp.legend' },
  { path: 'person.ageBracket', id: 'session-person-age', label: 'editor.person.ageBracket' },
  { path: 'person.gender', id: 'session-person-gender', label: 'editor.person.gender' },
  { path: 'person.status', id: 'session-person-status', label: 'editor.person.status' },
  { path: 'person.communeCode', id: 'session-person-commune', label: 'editor.person.commune' },
  { path: 'person.firstVisit', id: 'session-person-first-visit', label: 'editor.person.firstVisit' },
  { path: 'person', id: 'session-person', label: 'editor.person.legend' },
  { path: 'workshop.title', id: 'session-workshop-title', label: 'editor.workshop.title' },
  { path: 'workshop.level', id: 'session-workshop-level', label: 'editor.workshop.level' },
  { path: 'workshop.participants', id: 'session-workshop-participants', label: 'editor.workshop.participants' },
  { path: 'workshop.byGender', id: 'session-workshop-byGender', label: 'editor.workshop.byGender' },
  { path: 'workshop.byAge', id: 'session-workshop-byAge', label: 'editor.workshop.byAge' },
  { path: 'workshop.byStatus', id: 'session-workshop-byStatus', label: 'editor.workshop.byStatus' },
  { path: 'workshop', id: 'session-workshop', label: 'editor.workshop.legend' },
  { path: 'notes', id: 'session-notes', label: 'editor.notes.label' },
];

function anchorOf(path: string) {
  return ANCHORS.find((a) => path === a.path || path.startsWith(`${a.path}.`));
}

/** Moves focus to a field, or into a group: its invalid control, else its checked radio, else its first control. */
function focusField(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  const inside = (selector: string) => el.querySelector<HTMLElement>(selector);
  const target = el.matches('input, select, textarea')
    ? el
    : (inside('input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"]') ??
      inside('input:checked') ??
      inside('input:not([type="hidden"]), select, textarea') ??
      el);
  target.focus();
  target.scrollIntoView?.({ block: 'center' });
}

/** The session editor: one form for a new session (individual or workshop, possibly closing a live timer) and for an edit. */
export function SessionEditor({ mode }: { mode: EditorMode }) {
  if (mode.type === 'edit') return <EditSession id={mode.id} />;
  return <SessionForm mode={mode} initial={emptyForm(mode.kind, localDate(new Date()), mode.durationMin)} />;
}

type Loaded = { state: 'loading' } | { state: 'ready'; form: FormState } | { state: 'notFound' } | { state: 'failed'; message: string };

function EditSession({ id }: { id: string }) {
  const { t } = useTranslation('journal');
  const { t: tc } = useTranslation('common');
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const session = await api('journal.get', { id });
        let commune: Commune | null = null;
        if (session.kind === 'individuel' && session.person.communeCode) {
          commune = await api('communes.get', { code: session.person.communeCode });
        }
        if (live) setLoaded({ state: 'ready', form: formFromSession(session, commune) });
      } catch (e) {
        if (!live) return;
        // A malformed id in the address is as good as a deleted session for the person looking at it.
        if (isApiError(e) && (e.error.code === 'not_found' || e.error.code === 'invalid_input')) setLoaded({ state: 'notFound' });
        else setLoaded({ state: 'failed', message: isApiError(e) ? errorText(e.error.messageKey ?? `code.${e.error.code}`) : errorText('code.internal') });
      }
    })();
    return () => {
      live = false;
    };
  }, [id, attempt]);

  if (loaded.state === 'ready') return <SessionForm mode={{ type: 'edit', id }} initial={loaded.form} />;
  if (loaded.state === 'loading') {
    return (
      <>
        <h1>{t('editor.editTitle')}</h1>
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
            <button
              type="button"
              className="fr-btn"
              onClick={() => {
                setLoaded({ state: 'loading' });
                setAttempt((a) => a + 1);
              }}
            >
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

function SessionForm({ mode, initial }: { mode: EditorMode; initial: FormState }) {
  const { t } = useTranslation('journal');
  const { t: tx } = useTranslation('taxonomy');
  const { status } = useAppStatus();
  const [form, setForm] = useState<FormState>(initial);
  const formErrors = useFormErrors();
  const [saving, setSaving] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const alert = useRef<HTMLDivElement>(null);
  const saveLock = useRef(false);

  const update = (patch: Partial<FormState>) => {
    const touched = touchedPaths(form, patch);
    setForm((f) => ({ ...f, ...patch }));
    // A field's message goes once the field is changed; the alert at the top stays until the next save.
    if (Object.keys(formErrors.errors.fields).some((path) => isUnder(path, touched))) {
      formErrors.set((e) => ({ ...e, fields: Object.fromEntries(Object.entries(e.fields).filter(([path]) => !isUnder(path, touched))) }));
    }
  };
  const fields: FieldsProps = { form, update, error: formErrors.field };

  // Each refused save moves focus to the alert, so that the keyboard and screen reader start from what went wrong.
  useEffect(() => {
    if (attempt > 0) alert.current?.focus();
  }, [attempt]);

  async function submit() {
    if (saveLock.current) return;
    const problems = checkForm(form);
    if (problems.length) {
      const byPath: Record<string, string> = {};
      for (const p of problems) byPath[p.path] ??= i18next.t(p.key as never) as string;
      formErrors.set({ fields: byPath, summary: errorText('code.invalid_input') });
      setAttempt((a) => a + 1);
      return;
    }
    saveLock.current = true;
    setSaving(true);
    try {
      const input = buildInput(form, mode.type === 'new' ? (mode.timerId ?? null) : null);
      if (mode.type === 'edit') await api('journal.update', { id: mode.id, session: input });
      else await api('journal.create', input);
      const action = mode.type === 'edit' ? 'updated' : 'created';
      // The app shell's notice region confirms the save on the journal page.
      showNotice({ tone: 'success', message: t(`editor.flash.${action}`) });
      formErrors.clear();
      navigate(paths.journal);
    } catch (e) {
      formErrors.setFrom(e);
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

  const title =
    mode.type === 'edit' ? t('editor.editTitle') : form.kind === 'collectif' ? t('editor.newWorkshopTitle') : t('editor.newIndividualTitle');
  const { summary, fields: errorFields } = formErrors.errors;
  const errorEntries = Object.entries(errorFields);
  const fromTimer = mode.type === 'new' && Boolean(mode.timerId) && mode.durationMin != null;

  return (
    <>
      <h1>{title}</h1>
      {summary && (
        <div ref={alert} tabIndex={-1} className="fr-alert fr-alert--error fr-mb-3w mediane-focus-target" role="alert" aria-labelledby="session-error-title">
          <h2 className="fr-alert__title" id="session-error-title">
            {t('editor.error.title')}
          </h2>
          <p>{summary}</p>
          {errorEntries.length > 0 && (
            <ul aria-label={t('editor.error.listLabel')}>
              {errorEntries.map(([path, message]) => {
                const anchor = anchorOf(path);
                return (
                  <li key={path}>
                    {anchor ? (
                      <a
                        href={`#${anchor.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          focusField(anchor.id);
                        }}
                      >
                        {t('editor.error.fieldLink', { field: t(anchor.label as 'editor.when.date'), message })}
                      </a>
                    ) : (
                      message
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
      <p className="fr-text--sm">
        {t('editor.intro')}
        <span className="fr-hint-text" id="session-shortcut">
          {t('editor.actions.shortcut')}
        </span>
      </p>
      {/* The form only listens to keys coming from its own controls (Ctrl+Enter, stray Enter): delegation, not a widget. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <form
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {mode.type === 'new' ? (
          <RadioGroup
            id="session-kind"
            legend={t('editor.kind.legend')}
            required
            error={formErrors.field('kind')}
            options={SESSION_KINDS.map((k) => ({ value: k, label: tx(`kind.${k}`) }))}
            value={form.kind}
            onChange={(kind) => update({ kind })}
          />
        ) : (
          <p className="fr-text--lead fr-mb-3w">{t('editor.kind.current', { kind: tx(`kind.${form.kind}`) })}</p>
        )}
        <DateTimeFields {...fields} />
        <DurationField {...fields} fromTimer={fromTimer} />
        <ChannelField {...fields} />
        <EquipmentField {...fields} />
        <TopicFields {...fields} operators={status.operators} />
        {form.kind === 'individuel' && <AutonomyField {...fields} />}
        <OutcomeFields {...fields} />
        <FollowUpFields {...fields} />
        {form.kind === 'individuel' ? <PersonFields {...fields} /> : <WorkshopFields {...fields} />}
        <NotesField value={form.notes} onChange={(notes) => update({ notes })} error={formErrors.field('notes')} />
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
          <li>
            <button type="submit" className="fr-btn" aria-keyshortcuts="Control+Enter" aria-describedby="session-shortcut">
              {saving ? t('editor.actions.saving') : t('editor.actions.save')}
            </button>
          </li>
          <li>
            <a className="fr-btn fr-btn--secondary" href={paths.journal}>
              {t('editor.actions.cancel')}
            </a>
          </li>
        </ul>
      </form>
    </>
  );
}
