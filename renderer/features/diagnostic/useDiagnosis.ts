import { useCoreQuery } from '../../api/hooks';

/** A diagnosis and the questionnaire version it was answered with (a stored diagnosis keeps its version). */
export function useDiagnosis(id: string) {
  const diagnosis = useCoreQuery('diagnostic.get', { id });
  const version = diagnosis.data?.questionnaireVersion;
  const questionnaire = useCoreQuery('diagnostic.questionnaire', { version: version ?? 'v1' }, { enabled: !!version });
  return { diagnosis, questionnaire };
}
