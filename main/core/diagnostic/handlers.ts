import type { HandlersFor } from '../../../shared/contract';
import type { diagnosticContract } from '../../../shared/diagnostic/contract';
import type { DiagnosticService } from './diagnostic-service';

export function diagnosticHandlers(d: DiagnosticService): HandlersFor<keyof typeof diagnosticContract> {
  return {
    'diagnostic.questionnaire': (input) => d.questionnaire(input.version),
    'diagnostic.searchNaf': (input) => d.searchNaf(input.query, input.limit),
    'diagnostic.departements': () => d.departements(),
    'diagnostic.start': (input) => d.start(input),
    'diagnostic.describe': (input) => d.describe(input),
    'diagnostic.answer': (input) => d.answer(input),
    'diagnostic.get': (input) => d.get(input.id),
    'diagnostic.finish': (input) => d.finish(input.id),
    'diagnostic.results': (input) => d.results(input.id),
    'diagnostic.peers': (input) => d.peers(input.id),
    'diagnostic.list': (input) => d.list(input),
    'diagnostic.delete': (input) => d.remove(input.id),
  };
}
