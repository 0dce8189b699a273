import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../shared/journal/templates';
import { api } from '../../api/client';
import { useCoreQuery } from '../../api/hooks';
import { coreErrorText, coreFieldErrors } from '../../lib/core-error';
import { RetryAlert } from '../../ui/RetryAlert';
import { describeFields } from './template-form';
import { paths } from './paths';

function TemplateRow({
  template,
  index,
  count,
  onDone,
}: {
  template: Template;
  index: number;
  count: number;
  onDone(message: string, focusId?: string): void;
}) {
  const { t } = useTranslation('journal');
  const [name, setName] = useState(template.name);
  const [error, setError] = useState<string | undefined>(undefined);
  const n = index + 1;
  const of = t('templates.page.of', { name: template.name });
  const nameId = `template-name-${template.id}`;

  async function run(action: () => Promise<string>, focusId?: string) {
    try {
      onDone(await action(), focusId);
    } catch (e) {
      setError(coreFieldErrors(e).name ?? coreErrorText(e));
    }
  }
  const rename = () =>
    run(
      async () =>
        (await api('journal.renameTemplate', { id: template.id, name })) &&
        t('templates.page.renamed', { name: name.trim() }),
      nameId,
    );
  const move = (position: number, dir: 'up' | 'down') =>
    run(async () => {
      await api('journal.moveTemplate', { id: template.id, position });
      return t('templates.page.moved', { name: template.name, n: position + 1 });
    }, `template-${dir}-${template.id}`);
  const remove = () =>
    run(async () => {
      await api('journal.deleteTemplate', { id: template.id });
      return t('templates.page.deleted', { name: template.name });
    });

  return (
    <tr>
      <td>{n}</td>
      <th scope="row">
        <div className={`fr-input-group fr-mb-0${error ? ' fr-input-group--error' : ''}`}>
          <label className="fr-label fr-sr-only" htmlFor={nameId}>
            {t('templates.page.nameLabel', { n })}
          </label>
          <input
            id={nameId}
            className={`fr-input${error ? ' fr-input--error' : ''}`}
            value={name}
            maxLength={80}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${nameId}-error` : undefined}
            onChange={(e) => {
              setName(e.target.value);
              setError(undefined);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void rename();
              }
            }}
          />
          {error && (
            <p className="fr-error-text" id={`${nameId}-error`}>
              {error}
            </p>
          )}
        </div>
      </th>
      <td className="fr-text--sm">{describeFields(template.fields)}</td>
      <td>
        <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
          <li>
            <button
              type="button"
              className="fr-btn fr-btn--secondary fr-btn--sm"
              disabled={name.trim() === template.name}
              onClick={() => void rename()}
            >
              {t('templates.page.rename')}
              <span className="fr-sr-only"> {of}</span>
            </button>
          </li>
          <li>
            <button
              id={`template-up-${template.id}`}
              type="button"
              className="fr-btn fr-btn--tertiary fr-btn--sm"
              disabled={index === 0}
              onClick={() => void move(index - 1, 'up')}
            >
              {t('templates.page.up')}
              <span className="fr-sr-only"> {of}</span>
            </button>
          </li>
          <li>
            <button
              id={`template-down-${template.id}`}
              type="button"
              className="fr-btn fr-btn--tertiary fr-btn--sm"
              disabled={index === count - 1}
              onClick={() => void move(index + 1, 'down')}
            >
              {t('templates.page.down')}
              <span className="fr-sr-only"> {of}</span>
            </button>
          </li>
          <li>
            <button
              type="button"
              className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-delete-line fr-btn--icon-left"
              onClick={() => void remove()}
            >
              {t('templates.page.delete')}
              <span className="fr-sr-only"> {of}</span>
            </button>
          </li>
        </ul>
      </td>
    </tr>
  );
}

/** The desk's templates in the order a new session offers them: rename, reorder, delete. */
export function TemplatesPage() {
  const { t } = useTranslation('journal');
  const templates = useCoreQuery('journal.templates', {});
  const [message, setMessage] = useState('');
  const list = templates.data ?? [];

  function done(text: string, focusId?: string) {
    setMessage(text);
    templates.refetch();
    // The moved button keeps the focus on its new row (or the heading once the row is gone).
    if (focusId) requestAnimationFrame(() => document.getElementById(focusId)?.focus());
    else document.getElementById('templates-title')?.focus();
  }

  return (
    <>
      <h1 id="templates-title" tabIndex={-1}>
        {t('templates.page.title')}
      </h1>
      <p>{t('templates.page.intro')}</p>
      <p role="status" className={message ? 'fr-message fr-message--valid fr-mb-2w' : 'fr-sr-only'}>
        {message}
      </p>
      {templates.error && <RetryAlert message={coreErrorText(templates.error)} onRetry={templates.refetch} />}
      {templates.loading && !templates.data && <p>{t('templates.page.loading')}</p>}
      {templates.data && list.length === 0 && <p className="mediane-empty">{t('templates.page.empty')}</p>}
      {list.length > 0 && (
        <div className="fr-table fr-table--no-caption fr-table--bordered fr-table--sm">
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <table>
                  <caption>{t('templates.page.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('templates.page.columns.position')}</th>
                      <th scope="col">{t('templates.page.columns.name')}</th>
                      <th scope="col">{t('templates.page.columns.content')}</th>
                      <th scope="col">{t('templates.page.columns.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((template, i) => (
                      <TemplateRow
                        key={`${template.id}-${template.updatedAt}`}
                        template={template}
                        index={i}
                        count={list.length}
                        onDone={done}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}
      <p className="fr-mt-2w">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={paths.journal}>
          {t('templates.page.back')}
        </a>
      </p>
    </>
  );
}
