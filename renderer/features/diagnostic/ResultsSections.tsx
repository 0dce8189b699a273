import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiagnosisResults } from '../../../shared/diagnostic/contract';
import type { Questionnaire } from '../../../shared/diagnostic/questionnaire';
import type { Results } from '../../../shared/diagnostic/schema';
import { langOf, longDate, pick } from './text';

// The parts of the results, shared by the results screen and the printed report. `printed` writes each resource's
// address in full (a sheet of paper has no links) and leaves out what only makes sense on screen.

/** On screen a DSFR table; on the printed sheet a plain table (the sheet styles it, and nothing there scrolls). */
function TableBox({ printed, children }: { printed?: boolean; children: ReactNode }) {
  return printed ? <>{children}</> : <div className="fr-table fr-table--no-caption-top">{children}</div>;
}

interface Common {
  questionnaire: Questionnaire;
  results: Results;
  printed?: boolean;
}

function useLabels(questionnaire: Questionnaire) {
  const { i18n } = useTranslation('diagnostic');
  const language = i18n.language;
  const dimension = new Map(questionnaire.dimensions.map((d) => [d.id, pick(d.label, language)]));
  const band = new Map(questionnaire.bands.map((b) => [b.id, pick(b.label, language)]));
  const item = new Map<string, string>();
  for (const d of questionnaire.dimensions)
    for (const q of d.questions) for (const i of q.items) item.set(i.id, pick(i.label, language));
  for (const c of questionnaire.einvoicing.checks) item.set(c.id, pick(c.label, language));
  return { language, lang: langOf(language), dimension, band, item };
}

export function OverallSummary({ questionnaire, results }: Common) {
  const { t } = useTranslation('diagnostic');
  const { band } = useLabels(questionnaire);
  const o = results.overall;
  return (
    <section aria-labelledby="diag-overall" className="fr-mb-4w">
      <h2 id="diag-overall">{t('results.overallTitle')}</h2>
      {o.score === null ? (
        <p>{t('results.noScore')}</p>
      ) : (
        <p className="fr-text--lead">
          <strong>{t('results.overall', { score: o.score })}</strong> · {t('results.band', { band: band.get(o.band!) })}
        </p>
      )}
      <p className="fr-text--sm">{t('results.bandsNote')}</p>
      <p className="fr-text--sm">
        {t('results.unanswered', { answered: results.answered, total: results.questions })}{' '}
        {results.dontKnow > 0 && t('results.dontKnow', { count: results.dontKnow })}
      </p>
    </section>
  );
}

export function DimensionTable({ questionnaire, results, printed }: Common) {
  const { t } = useTranslation('diagnostic');
  const { dimension, band } = useLabels(questionnaire);
  return (
    <TableBox printed={printed}>
      <table>
        <caption>{t('results.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.columns.dimension')}</th>
            <th scope="col">{t('results.columns.score')}</th>
            <th scope="col">{t('results.columns.band')}</th>
            <th scope="col">{t('results.columns.note')}</th>
          </tr>
        </thead>
        <tbody>
          {results.dimensions.map((d) => (
            <tr key={d.id}>
              <th scope="row">{dimension.get(d.id)}</th>
              <td>{d.score ?? t('dash')}</td>
              <td>{d.band ? band.get(d.band) : t('dash')}</td>
              <td>{d.indicative ? t('results.indicative') : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}

export function DiiSection({ questionnaire, results, printed }: Common) {
  const { t } = useTranslation('diagnostic');
  const { language, lang } = useLabels(questionnaire);
  const dii = results.dii;
  const labels = new Map(questionnaire.dii.indicators.map((i) => [i.id, pick(i.label, language)]));
  return (
    <section aria-labelledby="diag-dii" className="fr-mb-4w">
      <h2 id="diag-dii">{t('results.diiTitle')}</h2>
      <p className="fr-text--lead">
        <strong>
          {t('results.dii', {
            score: dii.score,
            level: t(`results.diiLevels.${dii.level}` as 'results.diiLevels.faible'),
          })}
        </strong>
      </p>
      <p>{dii.basic ? t('results.diiBasic') : t('results.diiNotBasic')}</p>
      <p className="fr-text--sm" lang={lang}>
        {pick(questionnaire.dii.scope, language)}
      </p>
      <TableBox printed={printed}>
        <table>
          <caption>{t('results.diiIndicators')}</caption>
          <tbody>
            {dii.indicators.map((i) => (
              <tr key={i.id}>
                <th scope="row" lang={lang}>
                  {labels.get(i.id)}
                </th>
                <td>{i.met ? t('results.met') : t('results.notMet')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
    </section>
  );
}

const STATUS_BADGE = { pret: 'success', en_cours: 'info', a_risque: 'error', non_concerne: 'new' } as const;

export function EinvoicingSection({ questionnaire, results, printed }: Common) {
  const { t } = useTranslation('diagnostic');
  const { language, lang, item } = useLabels(questionnaire);
  const e = results.einvoicing;
  const date = (d: string) => longDate(d, language);
  return (
    <section aria-labelledby="diag-einvoicing" className="fr-mb-4w">
      <h2 id="diag-einvoicing">{t('results.einvoicingTitle')}</h2>
      <p>
        {/* On paper, plain bold text: a badge's colour and capitals do not survive a black-and-white printer. */}
        {printed ? (
          <strong>{t('results.statusLabel', { status: t(`results.status.${e.status}`) })}</strong>
        ) : (
          <span className={`fr-badge fr-badge--${STATUS_BADGE[e.status]}`}>
            {t('results.statusLabel', { status: t(`results.status.${e.status}`) })}
          </span>
        )}
      </p>
      {e.status === 'non_concerne' ? (
        <p>{t('results.notConcerned')}</p>
      ) : (
        <ul>
          <li>
            {e.receptionDeadline <= results.asOf
              ? t('results.reception', { date: date(e.receptionDeadline) })
              : t('results.receptionFuture', { date: date(e.receptionDeadline) })}
          </li>
          <li>{t('results.emission', { date: date(e.emissionDeadline) })}</li>
        </ul>
      )}
      <p className="fr-text--sm" lang={lang}>
        {pick(questionnaire.einvoicing.emissionNote, language)}
      </p>
      <TableBox printed={printed}>
        <table>
          <caption>{t('results.checksCaption')}</caption>
          <tbody>
            {e.checks.map((c) => (
              <tr key={c.id}>
                <th scope="row" lang={lang}>
                  {item.get(c.id)}
                </th>
                <td>{c.met ? t('results.met') : t('results.notMet')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
    </section>
  );
}

export function RedFlags({ questionnaire, results }: Common) {
  const { t } = useTranslation('diagnostic');
  const { item, lang } = useLabels(questionnaire);
  return (
    <section aria-labelledby="diag-flags" className="fr-mb-4w">
      <h2 id="diag-flags">{t('results.redFlagsTitle')}</h2>
      {results.redFlags.length === 0 ? (
        <p>{t('results.noRedFlags')}</p>
      ) : (
        <div className="fr-alert fr-alert--warning">
          <p>{t('results.redFlagsIntro')}</p>
          <ul>
            {results.redFlags.map((f) => (
              <li key={f} lang={lang}>
                {item.get(f)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

export function References({ questionnaire }: Common) {
  const { t } = useTranslation('diagnostic');
  const { language, lang } = useLabels(questionnaire);
  return (
    <section aria-labelledby="diag-references" className="fr-mb-4w">
      <h2 id="diag-references">{t('results.referencesTitle')}</h2>
      <ul>
        {questionnaire.references.map((r) => (
          <li key={r.id}>
            <span lang={lang}>
              {t('results.reference', { value: r.value, unit: r.unit, label: pick(r.label, language) })}
            </span>{' '}
            <span className="fr-text--sm" lang="fr">
              {t('results.source', { source: r.source, year: r.year })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PlanTable({ questionnaire, results, printed }: Common) {
  const { t } = useTranslation('diagnostic');
  const { language, lang } = useLabels(questionnaire);
  return (
    <section aria-labelledby="diag-plan" className="fr-mb-4w mediane-diag-plan">
      <h2 id="diag-plan">{t('results.planTitle')}</h2>
      <p>{t('results.planIntro')}</p>
      {results.plan.length === 0 ? (
        <p>{t('results.planEmpty')}</p>
      ) : (
        <TableBox printed={printed}>
          <table>
            <caption>{t('results.planCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.planColumns.action')}</th>
                <th scope="col">{t('results.planColumns.priority')}</th>
                <th scope="col">{t('results.planColumns.effort')}</th>
                <th scope="col">{t('results.planColumns.due')}</th>
                {!printed && <th scope="col">{t('results.planColumns.resource')}</th>}
              </tr>
            </thead>
            <tbody>
              {results.plan.map((a) => {
                const rec = questionnaire.recommendations[a.recommendation]!;
                const resource = pick(rec.resource.label, language);
                return (
                  <tr key={a.recommendation}>
                    <th scope="row" lang={lang}>
                      <strong>{pick(rec.title, language)}</strong>
                      <br />
                      <span className="fr-text--sm">{pick(rec.detail, language)}</span>
                      {printed && (
                        <>
                          <br />
                          <span className="fr-text--sm">
                            {t('report.resourceUrl', { label: resource, url: rec.resource.url })}
                          </span>
                        </>
                      )}
                      {a.legalDeadline && (
                        <>
                          <br />
                          <span className="fr-text--sm">
                            {a.overdue
                              ? t('results.overdue')
                              : t('results.legal', { date: longDate(a.legalDeadline, language) })}
                          </span>
                        </>
                      )}
                    </th>
                    <td>{t(`results.priority.${a.priority}`)}</td>
                    <td>{t(`results.effort.${a.effort}`)}</td>
                    <td className="mediane-nowrap">{longDate(a.dueDate, language)}</td>
                    {!printed && (
                      <td lang={lang}>
                        <a href={rec.resource.url} target="_blank" rel="noopener noreferrer">
                          {resource}
                        </a>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableBox>
      )}
    </section>
  );
}

export function ProgressTable({
  questionnaire,
  progress,
  printed,
}: {
  questionnaire: Questionnaire;
  progress: NonNullable<DiagnosisResults['progress']>;
  printed?: boolean;
}) {
  const { t } = useTranslation('diagnostic');
  const { dimension, language } = useLabels(questionnaire);
  const signed = (n: number | null) => (n === null ? t('dash') : n > 0 ? `+${n}` : String(n));
  const value = (n: number | null) => (n === null ? t('dash') : String(n));
  return (
    <section aria-labelledby="diag-progress" className="fr-mb-4w">
      <h2 id="diag-progress">{t('results.progressTitle')}</h2>
      <p>{t('results.progressIntro', { date: longDate(progress.previousAsOf, language) })}</p>
      <TableBox printed={printed}>
        <table>
          <caption>{t('results.progressCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.progressColumns.dimension')}</th>
              <th scope="col">{t('results.progressColumns.before')}</th>
              <th scope="col">{t('results.progressColumns.now')}</th>
              <th scope="col">{t('results.progressColumns.delta')}</th>
            </tr>
          </thead>
          <tbody>
            {progress.dimensions.map((d) => (
              <tr key={d.id}>
                <th scope="row">{dimension.get(d.id)}</th>
                <td>{value(d.before)}</td>
                <td>{value(d.now)}</td>
                <td>{signed(d.delta)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('results.overallRow')}</th>
              <td>{value(progress.overall.before)}</td>
              <td>{value(progress.overall.now)}</td>
              <td>{signed(progress.overall.delta)}</td>
            </tr>
            <tr>
              <th scope="row">{t('results.diiRow')}</th>
              <td>{progress.dii.before}</td>
              <td>{progress.dii.now}</td>
              <td>{signed(progress.dii.delta)}</td>
            </tr>
            <tr>
              <th scope="row">{t('results.einvoicingRow')}</th>
              <td>{t(`results.status.${progress.einvoicing.before as 'pret'}`)}</td>
              <td>{t(`results.status.${progress.einvoicing.now as 'pret'}`)}</td>
              <td />
            </tr>
          </tbody>
        </table>
      </TableBox>
    </section>
  );
}
