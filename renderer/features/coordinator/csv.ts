import type { Consolidated, CoordinatorSummary } from '../../../shared/coordinator/schema';
import { ACTIVITY_DIMENSIONS, POPULATION_DIMENSIONS } from '../../../shared/sync/dimensions';

// The scope's figures as a spreadsheet-friendly CSV (semicolons and a BOM, as French spreadsheets expect): the sites'
// key totals, then every table of the scope's total, exactly the hub's figures. Labels are passed in (translated).

export interface CsvTexts {
  headers: { section: string; key: string; label: string; count: string; suppressedIn: string };
  sitesSection: string;
  totals: Record<keyof Consolidated['totals'], string>;
  dimension(dim: string): string;
  keyLabel(dim: string, key: string): string;
}

function cell(v: string | number): string {
  const s = String(v);
  // Quote what would break a row, and neutralise a leading formula character (CSV injection in spreadsheets).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function summaryCsv(s: CoordinatorSummary, texts: CsvTexts): string {
  const h = texts.headers;
  const rows: Array<Array<string | number>> = [[h.section, h.key, h.label, h.count, h.suppressedIn]];
  const totalKeys = Object.keys(texts.totals) as Array<keyof Consolidated['totals']>;
  for (const site of s.sites)
    for (const k of totalKeys)
      rows.push([texts.sitesSection, site.id, `${site.name} : ${texts.totals[k]}`, site.totals[k], '']);
  for (const k of totalKeys) rows.push([texts.totals[k], k, texts.totals[k], s.total.totals[k], '']);
  for (const dim of ACTIVITY_DIMENSIONS)
    for (const [key, count] of Object.entries(s.total.activity[dim] ?? {}))
      rows.push([texts.dimension(dim), key, texts.keyLabel(dim, key), count, '']);
  for (const dim of POPULATION_DIMENSIONS)
    for (const [key, c] of Object.entries(s.total.population[dim] ?? {}))
      rows.push([texts.dimension(dim), key, texts.keyLabel(dim, key), c.n, c.suppressedIn]);
  return `\uFEFF${rows.map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}
