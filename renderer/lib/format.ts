import i18next from 'i18next';
import { localDate } from '../../shared/ids';

// Formatting shared by every screen. Dates and times go through Intl in the current language; the English UI keeps
// the day-first order a French desk expects (JJ/MM/AAAA).

function intlLocale(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'fr-FR';
}

/** A calendar date stored as YYYY-MM-DD, shown as JJ/MM/AAAA. */
export function formatDate(iso: string, language: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

/** The local clock time (HH:MM) of an instant stored as an ISO timestamp. */
export function formatClockTime(isoInstant: string, language: string): string {
  const d = new Date(isoInstant);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(intlLocale(language), { hour: '2-digit', minute: '2-digit' }).format(d);
}

/** An instant as JJ/MM/AAAA HH:MM in local time (day first in English too). */
export function formatDateTime(isoInstant: string, language: string): string {
  const d = new Date(isoInstant);
  if (Number.isNaN(d.getTime())) return isoInstant;
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'short', timeStyle: 'short' }).format(d);
}

export function formatNumber(n: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language)).format(n);
}

/** "45 min", "2 h", "1 h 30". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return i18next.t('common:duration.minutes', { m });
  if (m === 0) return i18next.t('common:duration.hours', { h });
  return i18next.t('common:duration.hoursMinutes', { h, mm: String(m).padStart(2, '0') });
}

/** A running clock: mm:ss under an hour, h:mm:ss beyond. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** Today's date on this computer's clock, as YYYY-MM-DD. */
export function today(): string {
  return localDate(new Date());
}

/** Label of a vocabulary key ("taxonomy:operator.caf"); keys a desk added itself fall back to the key. */
export function taxonomyLabel(group: 'kind' | 'topic' | 'operator' | 'outcome', key: string): string {
  return i18next.t(`${group}.${key}` as never, { ns: 'taxonomy', defaultValue: key }) as string;
}
