import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../shared/stats/schema';
import { isoDate } from '../../../shared/journal/schema';
import { api } from '../../api/client';
import { useCoreQuery } from '../../api/hooks';
import { useAppStatus } from '../../app/status';
import { formatDate, taxonomyLabel, today } from '../../lib/format';
import { InputField, RadioGroup } from '../../ui/fields';
import { PrintButton } from '../../ui/print/PrintButton';
import { PrintSheet } from '../../ui/print/PrintSheet';
import { breakdownRowLabel, monthsOf, previousPeriod } from './report-data';
import { PrintBars } from '../../ui/print/PrintBars';

type Kind = 'activity' | 'franceServices';
const KEY_FIGURES = [
  'sessions',
  'peopleHelped',
  'firstVisits',
  'individualSessions',
  'workshops',
  'participants',
  'minutes',
  'adminHelpSessions',
  'followUpsOpen',
] as const;

function Caption({ children }: { children: string }) {
  return <caption>{children}</caption>;
}

function ActivityReport({ from, to }: { from: string; to: string }) {
  const { t, i18n } = useTranslation('exports');
  const { status } = useAppStatus();
  const prev = previousPeriod(from, to);
  const now = useCoreQuery('stats.dashboard', { period: { unit: 'custom', from, to } });
  const before = useCoreQuery('stats.dashboard', { period: { unit: 'custom', ...prev } });
  if (now.error || before.error) return <p role="alert">{t('report.loadFailed')}</p>;
  if (!now.data || !before.data) return <p role="status">{t('report.loading')}</p>;
  const d: Dashboard = now.data;
  const p: Dashboard = before.data;
  const pct = (n: number) =>
    new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(n);
  const num = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  return (
    <PrintSheet lang={i18n.language} title={t('report.activityTitle')}>
      <h2>{t('report.activityTitle')}</h2>
      <p>
        {status.site?.name} —{' '}
        {t('report.period', { from: formatDate(from, i18n.language), to: formatDate(to, i18n.language) })}
      </p>
      <div className="fr-table">
        <table>
          <Caption>
            {t('report.keyFigures', {
              from: formatDate(prev.from, i18n.language),
              to: formatDate(prev.to, i18n.language),
            })}
          </Caption>
          <thead>
            <tr>
              <th scope="col">{t('report.indicator')}</th>
              <th scope="col">{t('report.thisPeriod')}</th>
              <th scope="col">{t('report.previousPeriod')}</th>
              <th scope="col">{t('report.change')}</th>
            </tr>
          </thead>
          <tbody>
            {KEY_FIGURES.map((k) => {
              const a = d.keyFigures[k];
              const b = p.keyFigures[k];
              return (
                <tr key={k}>
                  <th scope="row">{t(`report.figure.${k}`)}</th>
                  <td>{num(a)}</td>
                  <td>{num(b)}</td>
                  <td>{b === 0 ? '—' : pct((a - b) / b)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {d.breakdowns
        .filter((b) => b.rows.length > 0)
        .map((b) => {
          const rows = b.rows.map((r) => ({
            label: breakdownRowLabel(b.dimension, r),
            count: r.count,
            share: r.share,
          }));
          const title = t(`report.dimension.${b.dimension}`, { defaultValue: b.dimension });
          return (
            <section key={b.dimension} className="fr-mb-3w">
              <h3>{title}</h3>
              <PrintBars rows={rows.slice(0, 12)} />
              <div className="fr-table">
                <table>
                  <Caption>{title}</Caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('report.label')}</th>
                      <th scope="col">{t('report.count')}</th>
                      <th scope="col">{t('report.share')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.label}>
                        <th scope="row">{r.label}</th>
                        <td>{num(r.count)}</td>
                        <td>{pct(r.share)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          );
        })}
    </PrintSheet>
  );
}

function FranceServicesReport({ year }: { year: number }) {
  const { t, i18n } = useTranslation('exports');
  const { status } = useAppStatus();
  const [loaded, setLoaded] = useState<{
    year: number;
    months: Array<{ month: string; counts: Map<string, number> }>;
  } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    Promise.all(
      monthsOf(year).map(async (m) => {
        const d = await api('stats.dashboard', { period: { unit: 'month', from: m.from, to: m.to } });
        const ops = d.breakdowns.find((b) => b.dimension === 'operator');
        return { month: m.month, counts: new Map((ops?.rows ?? []).map((r) => [r.key, r.count])) };
      }),
    ).then(
      (r) => current && setLoaded({ year, months: r }),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [year]);
  if (failed) return <p role="alert">{t('report.loadFailed')}</p>;
  if (!loaded || loaded.year !== year) return <p role="status">{t('report.loading')}</p>;
  const { months } = loaded;
  const operators = status.operators;
  const monthName = (m: string) =>
    new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));
  const total = (op: string) => months.reduce((s, m) => s + (m.counts.get(op) ?? 0), 0);
  return (
    <PrintSheet lang={i18n.language} title={t('report.franceServicesTitle', { year })}>
      <h2>{t('report.franceServicesTitle', { year })}</h2>
      <p>{status.site?.name}</p>
      <p>{t('report.franceServicesIntro')}</p>
      {/* Thirteen columns scroll sideways (the DSFR table scrolls itself): focusable, so the keyboard can scroll it. */}
      <div className="fr-table">
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard (axe: scrollable-region-focusable) */}
        <table tabIndex={0}>
          <Caption>{t('report.franceServicesCaption', { year })}</Caption>
          <thead>
            <tr>
              <th scope="col">{t('report.operator')}</th>
              {months.map((m) => (
                <th scope="col" key={m.month}>
                  {monthName(m.month)}
                </th>
              ))}
              <th scope="col">{t('report.total')}</th>
            </tr>
          </thead>
          <tbody>
            {operators.map((op) => (
              <tr key={op}>
                <th scope="row">{taxonomyLabel('operator', op)}</th>
                {months.map((m) => (
                  <td key={m.month}>{m.counts.get(op) ?? 0}</td>
                ))}
                <td>{total(op)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </PrintSheet>
  );
}

export function ReportsPage() {
  const { t } = useTranslation('exports');
  const [kind, setKind] = useState<Kind>('activity');
  const [from, setFrom] = useState(() => `${today().slice(0, 4)}-01-01`);
  const [to, setTo] = useState(() => today());
  const [year, setYear] = useState(() => today().slice(0, 4));
  const validPeriod = isoDate.safeParse(from).success && isoDate.safeParse(to).success && from <= to;
  const validYear = /^\d{4}$/.test(year) && Number(year) >= 2000;
  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('report.pageTitle')}</h1>
      <p>{t('report.pageIntro')}</p>
      <RadioGroup<Kind>
        id="report-kind"
        legend={t('report.which')}
        layout="stack"
        value={kind}
        onChange={setKind}
        options={[
          { value: 'activity', label: t('report.activity') },
          { value: 'franceServices', label: t('report.franceServices') },
        ]}
      />
      {kind === 'activity' ? (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-6 fr-col-md-3">
            <InputField id="report-from" type="date" label={t('export.from')} value={from} onChange={setFrom} />
          </div>
          <div className="fr-col-6 fr-col-md-3">
            <InputField id="report-to" type="date" label={t('export.to')} value={to} onChange={setTo} />
          </div>
        </div>
      ) : (
        <InputField
          id="report-year"
          label={t('report.year')}
          inputMode="numeric"
          value={year}
          onChange={setYear}
          className="mediane-short-input"
        />
      )}
      <PrintButton
        fileName={kind === 'activity' ? `rapport-activite-${from}-${to}.pdf` : `rapport-france-services-${year}.pdf`}
      />
      <div className="fr-mt-3w">
        {kind === 'activity' && validPeriod && <ActivityReport from={from} to={to} />}
        {kind === 'franceServices' && validYear && <FranceServicesReport year={Number(year)} />}
        {((kind === 'activity' && !validPeriod) || (kind === 'franceServices' && !validYear)) && (
          <p className="fr-error-text">{t('report.invalid')}</p>
        )}
      </div>
    </div>
  );
}
