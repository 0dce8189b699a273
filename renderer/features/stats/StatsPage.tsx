import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BREAKDOWNS, type BreakdownDimension } from '../../../shared/stats/indicators';
import { PERIOD_UNITS, periodAround, shiftPeriod, type Period, type PeriodUnit } from '../../../shared/stats/period';
import type { Breakdown, Dashboard } from '../../../shared/stats/schema';
import { OUTCOMES, SESSION_KINDS, TOPICS } from '../../../shared/taxonomy';
import { useCoreQuery } from '../../api/hooks';
import { useAppStatus } from '../../app/status';
import { isoDate } from '../../../shared/journal/schema';
import { errorText } from '../../i18n';
import { formatDate, formatDuration, formatNumber, taxonomyLabel, today } from '../../lib/format';
import { coreErrorText } from '../../lib/core-error';
import { InputField, SelectField } from '../../ui/fields';
import { GuideFilterSlot } from '../../ui/session-slots';
import { ChartFigure } from '../../ui/ChartFigure';
import { drawBars, drawTrend } from '../../ui/charts';
import { rowLabel } from './labels';
import { paths } from './paths';
import '../../ui/figures.css';
import './stats.css';

interface Filters {
  kind: (typeof SESSION_KINDS)[number] | null;
  operator: string | null;
  topic: (typeof TOPICS)[number] | null;
  outcome: (typeof OUTCOMES)[number] | null;
  followUpDue: boolean;
  guide: string | null;
}
const NO_FILTERS: Filters = {
  kind: null,
  operator: null,
  topic: null,
  outcome: null,
  followUpDue: false,
  guide: null,
};
/** Rows a bar chart shows at most (the table beside it gives them all). */
const CHART_ROWS = 12;

function usePercent() {
  const { i18n } = useTranslation();
  const f = new Intl.NumberFormat(i18n.language.startsWith('en') ? 'en-GB' : 'fr-FR', {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  return (x: number) => f.format(x);
}

function PeriodPicker({ value, onChange }: { value: Period; onChange(p: Period): void }) {
  const { t, i18n } = useTranslation('stats');
  const id = useId();
  const [from, setFrom] = useState(value.from);
  const [to, setTo] = useState(value.to);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setFrom(value.from);
    setTo(value.to);
  }
  const valid = isoDate.safeParse(from).success && isoDate.safeParse(to).success;
  const reversed = valid && from > to;
  const applyCustom = (f: string, tt: string) => {
    if (
      isoDate.safeParse(f).success &&
      isoDate.safeParse(tt).success &&
      f <= tt &&
      (f !== value.from || tt !== value.to)
    )
      onChange({ unit: 'custom', from: f, to: tt });
  };
  return (
    <div className="mediane-stats-period fr-mb-2w">
      <div role="group" aria-labelledby={`${id}-legend`}>
        <p className="fr-text--bold fr-mb-1w" id={`${id}-legend`}>
          {t('period.legend')}
        </p>
        <ul className="fr-tags-group">
          {PERIOD_UNITS.map((u: PeriodUnit) => (
            <li key={u}>
              <button
                type="button"
                className="fr-tag"
                aria-pressed={value.unit === u}
                onClick={() => onChange(u === 'custom' ? { ...value, unit: 'custom' } : periodAround(u, value.from))}
              >
                {t(`period.unit.${u}`)}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="mediane-stats-period__row">
        <button
          type="button"
          className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-arrow-left-s-line fr-btn--icon-left"
          onClick={() => onChange(shiftPeriod(value, -1))}
        >
          {t('period.previous')}
        </button>
        <div className="mediane-stats-period__field">
          <InputField
            id={`${id}-from`}
            type="date"
            min="2000-01-01"
            label={t('period.from')}
            value={from}
            onChange={setFrom}
            onBlur={() => applyCustom(from, to)}
            onKeyDown={(e) => e.key === 'Enter' && applyCustom(from, to)}
          />
        </div>
        <div className="mediane-stats-period__field">
          <InputField
            id={`${id}-to`}
            type="date"
            min="2000-01-01"
            label={t('period.to')}
            value={to}
            error={reversed ? errorText('stats.periodReversed') : undefined}
            onChange={setTo}
            onBlur={() => applyCustom(from, to)}
            onKeyDown={(e) => e.key === 'Enter' && applyCustom(from, to)}
          />
        </div>
        <button
          type="button"
          className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-arrow-right-s-line fr-btn--icon-right"
          onClick={() => onChange(shiftPeriod(value, 1))}
        >
          {t('period.next')}
        </button>
      </div>
      <p className="fr-sr-only" aria-live="polite">
        {t('period.shown', { from: formatDate(value.from, i18n.language), to: formatDate(value.to, i18n.language) })}
      </p>
    </div>
  );
}

function FilterFields({ value, onChange }: { value: Filters; onChange(f: Filters): void }) {
  const { t } = useTranslation('stats');
  const id = useId();
  const { status } = useAppStatus();
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => onChange({ ...value, [k]: v });
  const any = (label: string) => ({ value: '' as const, label });
  return (
    <fieldset className="fr-fieldset mediane-stats-filters" aria-labelledby={`${id}-legend`}>
      <legend className="fr-fieldset__legend" id={`${id}-legend`}>
        {t('filters.legend')}
      </legend>
      <div className="fr-fieldset__element fr-fieldset__element--inline">
        <SelectField
          id={`${id}-kind`}
          label={t('filters.kind')}
          value={value.kind ?? ''}
          onChange={(v) => set('kind', (v || null) as Filters['kind'])}
          options={[
            any(t('filters.anyKind')),
            ...SESSION_KINDS.map((k) => ({ value: k, label: taxonomyLabel('kind', k) })),
          ]}
        />
      </div>
      <div className="fr-fieldset__element fr-fieldset__element--inline">
        <SelectField
          id={`${id}-operator`}
          label={t('filters.operator')}
          value={value.operator ?? ''}
          onChange={(v) => set('operator', v || null)}
          options={[
            any(t('filters.anyOperator')),
            ...status.operators.map((k) => ({ value: k, label: taxonomyLabel('operator', k) })),
          ]}
        />
      </div>
      <div className="fr-fieldset__element fr-fieldset__element--inline">
        <SelectField
          id={`${id}-topic`}
          label={t('filters.topic')}
          value={value.topic ?? ''}
          onChange={(v) => set('topic', (v || null) as Filters['topic'])}
          options={[any(t('filters.anyTopic')), ...TOPICS.map((k) => ({ value: k, label: taxonomyLabel('topic', k) }))]}
        />
      </div>
      <div className="fr-fieldset__element fr-fieldset__element--inline">
        <SelectField
          id={`${id}-outcome`}
          label={t('filters.outcome')}
          value={value.outcome ?? ''}
          onChange={(v) => set('outcome', (v || null) as Filters['outcome'])}
          options={[
            any(t('filters.anyOutcome')),
            ...OUTCOMES.map((k) => ({ value: k, label: taxonomyLabel('outcome', k) })),
          ]}
        />
      </div>
      <GuideFilterSlot id={`${id}-guide`} value={value.guide} onChange={(v) => set('guide', v)} />
      <div className="fr-fieldset__element">
        <div className="fr-checkbox-group">
          <input
            type="checkbox"
            id={`${id}-due`}
            checked={value.followUpDue}
            onChange={(e) => set('followUpDue', e.target.checked)}
          />
          <label className="fr-label" htmlFor={`${id}-due`}>
            {t('filters.followUpDue')}
          </label>
        </div>
      </div>
      {JSON.stringify(value) !== JSON.stringify(NO_FILTERS) && (
        <div className="fr-fieldset__element">
          <button
            type="button"
            className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-close-circle-line fr-btn--icon-left"
            onClick={() => onChange(NO_FILTERS)}
          >
            {t('filters.reset')}
          </button>
        </div>
      )}
    </fieldset>
  );
}

function KeyFigures({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation('stats');
  const n = (x: number) => formatNumber(x, i18n.language);
  const pct = usePercent();
  const k = d.keyFigures;
  const items: Array<[string, string, string?]> = [
    ['sessions', n(k.sessions)],
    ['peopleHelped', n(k.peopleHelped), t('keyFigures.peopleHelpedHint')],
    ['firstVisits', n(k.firstVisits)],
    ['individualSessions', n(k.individualSessions)],
    ['workshops', n(k.workshops)],
    ['participants', n(k.participants)],
    ['minutes', formatDuration(k.minutes)],
    ['adminHelpShare', pct(k.adminHelpShare)],
    ['followUpsOpen', `${n(k.followUpsOpen)} (${t('keyFigures.followUpsOverdue')} ${n(k.followUpsOverdue)})`],
  ];
  if (k.guidesUsed !== null) items.push(['guidesUsed', n(k.guidesUsed)]);
  return (
    <section className="fr-mb-4w" aria-labelledby="stats-key-figures">
      <h2 id="stats-key-figures">{t('keyFigures.title')}</h2>
      <dl className="mediane-key-figures">
        {items.map(([key, value, hint]) => (
          <div key={key} className="mediane-key-figure" data-figure={key}>
            <dt>
              {t(`keyFigures.${key}` as never)}
              {hint && <span className="fr-hint-text">{hint}</span>}
            </dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function BreakdownSection({ b, period }: { b: Breakdown; period: Period }) {
  const { t, i18n } = useTranslation('stats');
  const pct = usePercent();
  const dim = b.dimension as BreakdownDimension;
  const title = t(`breakdown.title.${dim}`);
  const rows = b.rows;
  const charted = rows.slice(0, CHART_ROWS);
  const labels = charted.map((r) => rowLabel(dim, r));
  const id = `stats-${dim}`;
  const nonZero = rows.filter((r) => r.count > 0);
  const summary = nonZero
    .slice(0, 5)
    .map((r) => `${rowLabel(dim, r)} ${formatNumber(r.count, i18n.language)} (${pct(r.share)})`)
    .join(', ');
  return (
    <section className="mediane-breakdown fr-mb-5w" aria-labelledby={id} data-dimension={dim}>
      <h2 id={id} className="fr-h4">
        {title}
      </h2>
      <p className="fr-text--sm">{t(`breakdown.base.${b.base}`, { count: b.baseCount })}</p>
      {nonZero.length === 0 ? (
        <p>{t('breakdown.empty')}</p>
      ) : (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-lg-6">
            <ChartFigure
              alt={t('breakdown.chartAlt', { title, summary })}
              savePng={{
                label: t('breakdown.savePng'),
                fileName: `statistiques-${dim}-${period.from}-${period.to}.png`,
              }}
              height={Math.max(140, 28 * charted.length + 40)}
              dataKey={JSON.stringify([labels, charted.map((r) => r.count)])}
              draw={(c) =>
                drawBars(
                  c,
                  labels,
                  charted.map((r) => r.count),
                  t('breakdown.count'),
                )
              }
            />
            {rows.length > CHART_ROWS && (
              <p className="fr-text--xs">{t('breakdown.moreRows', { count: CHART_ROWS })}</p>
            )}
          </div>
          <div className="fr-col-12 fr-col-lg-6">
            <div className="fr-table fr-table--no-caption fr-mb-0">
              <table>
                <caption>{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('breakdown.label')}</th>
                    <th scope="col">{t('breakdown.count')}</th>
                    <th scope="col">{t('breakdown.share')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.key}>
                      <th scope="row">{rowLabel(dim, r)}</th>
                      <td>{formatNumber(r.count, i18n.language)}</td>
                      <td>{pct(r.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}

function monthLabel(month: string, language: string): string {
  return new Intl.DateTimeFormat(language.startsWith('en') ? 'en-GB' : 'fr-FR', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
}

function TrendSection({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation('stats');
  const n = (x: number) => formatNumber(x, i18n.language);
  const labels = d.trend.map((m) => monthLabel(m.month, i18n.language));
  const summary = d.trend.map((m, i) => `${labels[i]} ${n(m.sessions)} (${n(m.previousSessions)})`).join(', ');
  return (
    <section className="mediane-breakdown fr-mb-5w" aria-labelledby="stats-trend" data-dimension="trend">
      <h2 id="stats-trend" className="fr-h4">
        {t('trend.title')}
      </h2>
      <p className="fr-text--sm">{t('trend.intro')}</p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-6">
          <ChartFigure
            alt={t('trend.chartAlt', { summary })}
            savePng={{
              label: t('breakdown.savePng'),
              fileName: `statistiques-evolution-${d.period.from}-${d.period.to}.png`,
            }}
            height={260}
            dataKey={JSON.stringify([labels, d.trend])}
            draw={(c) =>
              drawTrend(
                c,
                labels,
                { label: t('trend.sessions'), values: d.trend.map((m) => m.sessions) },
                { label: t('trend.previousSessions'), values: d.trend.map((m) => m.previousSessions) },
              )
            }
          />
        </div>
        <div className="fr-col-12 fr-col-lg-6">
          <div className="fr-table fr-table--no-caption fr-mb-0">
            <table>
              <caption>{t('trend.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('trend.month')}</th>
                  <th scope="col">{t('trend.sessions')}</th>
                  <th scope="col">{t('trend.previousSessions')}</th>
                  <th scope="col">{t('trend.peopleHelped')}</th>
                  <th scope="col">{t('trend.previousPeopleHelped')}</th>
                </tr>
              </thead>
              <tbody>
                {d.trend.map((m, i) => (
                  <tr key={m.month}>
                    <th scope="row">{labels[i]}</th>
                    <td>{n(m.sessions)}</td>
                    <td>{n(m.previousSessions)}</td>
                    <td>{n(m.peopleHelped)}</td>
                    <td>{n(m.previousPeopleHelped)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </section>
  );
}

/** The dashboard (#/statistiques): a period, the journal's filters, key figures, every breakdown and the trend. */
export function StatsPage() {
  const { t } = useTranslation('stats');
  const [period, setPeriod] = useState<Period>(() => periodAround('month', today()));
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const q = useCoreQuery('stats.dashboard', { period, filters });
  const d = q.data;
  return (
    <div className="mediane-stats">
      <h1>{t('pageTitle')}</h1>
      <p>{t('pageIntro')}</p>
      <div className="mediane-no-print">
        <PeriodPicker value={period} onChange={setPeriod} />
        <FilterFields value={filters} onChange={setFilters} />
        <p className="fr-mb-3w">
          <a className="fr-link fr-icon-settings-5-line fr-link--icon-left" href={paths.retention}>
            {t('retention.link')}
          </a>
          <button
            type="button"
            className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-printer-line fr-btn--icon-left fr-ml-2w"
            onClick={() => window.print()}
          >
            {t('print')}
          </button>
        </p>
      </div>
      {q.error && (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
          <p>{coreErrorText(q.error)}</p>
        </div>
      )}
      <div aria-live="polite" aria-busy={q.loading}>
        {!d && q.loading && <p>{t('loading')}</p>}
      </div>
      {d && (
        <div className="mediane-stats-results">
          {d.source === 'sessions' && !d.filters.guide && (
            <p className="fr-text--sm mediane-no-print">{t('slowPath')}</p>
          )}
          <KeyFigures d={d} />
          <TrendSection d={d} />
          {d.breakdowns
            .filter((b) => b.dimension in BREAKDOWNS)
            .map((b) => (
              <BreakdownSection key={b.dimension} b={b} period={period} />
            ))}
        </div>
      )}
    </div>
  );
}
