import type { FeatureRoute } from '../../app/feature';
import { BusinessPage } from './BusinessPage';
import { DiagnosticEntry } from './DiagnosticEntry';
import { QuestionnairePage } from './QuestionnairePage';
import { ReportPage } from './ReportPage';
import { ResultsPage } from './ResultsPage';
import { PAGE_COUNT } from './text';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const diagnosisId = (parts: string[], length: number, leaf: string) =>
  parts.length === length && parts[0] === 'diagnostic' && UUID.test(parts[1] ?? '') && parts[2] === leaf
    ? parts[1]!
    : null;

// One route per questionnaire page: the shell moves the focus to the top of each new page.
const pageRoutes: FeatureRoute[] = Array.from({ length: PAGE_COUNT }, (_, i) => ({
  name: `diagnosticPage${i + 1}`,
  selfService: true,
  match: ({ parts }) => {
    const id = diagnosisId(parts, 4, 'questions');
    return id && parts[3] === String(i + 1) ? <QuestionnairePage id={id} n={i + 1} /> : null;
  },
}));

// Every route is reachable in self-service mode (a person alone at the PC fills, reads and prints their diagnosis);
// `#/diagnostic` then shows only the start of a diagnosis done alone, and the core confines get/answer/results to
// the diagnoses started during the current self-service period.
export const routes: FeatureRoute[] = [
  {
    name: 'diagnostic',
    match: ({ parts }) => (parts.length === 1 && parts[0] === 'diagnostic' ? <DiagnosticEntry /> : null),
    selfService: true,
  },
  {
    name: 'diagnosticBusiness',
    selfService: true,
    match: ({ parts }) => {
      const id = diagnosisId(parts, 3, 'entreprise');
      return id ? <BusinessPage id={id} /> : null;
    },
  },
  ...pageRoutes,
  {
    name: 'diagnosticResults',
    selfService: true,
    match: ({ parts }) => {
      const id = diagnosisId(parts, 3, 'resultats');
      return id ? <ResultsPage id={id} /> : null;
    },
  },
  {
    name: 'diagnosticReport',
    selfService: true,
    match: ({ parts }) => {
      const id = diagnosisId(parts, 3, 'rapport');
      return id ? <ReportPage id={id} /> : null;
    },
  },
];

/** Every route of the diagnosis (the self-service mode keeps the PC inside these). */
export const DIAGNOSTIC_ROUTE_NAMES = routes.map((r) => r.name);
