import type { FieldIssue } from '../errors';
import { GUIDE_ID_PATTERN, type Guide } from './schema';
import { isOfficialUrl } from './official-domains';

// Content checks beyond the schema's shape, for the shipped guides (tests) and for any edited or imported guide:
// the rules that need outside knowledge (the operators a desk knows, the catalogue's ids, today's date).

export const AIDANTS_CONNECT_HOST = 'aidantsconnect.beta.gouv.fr';

export interface GuideCheckContext {
  /** Operator keys the desk knows (the taxonomy's DEFAULT_OPERATORS, or the desk's own list). */
  operators: ReadonlySet<string>;
  /** service-public.fr ids available in the catalogue; undefined skips the reference check. */
  knownRefs?: ReadonlySet<string>;
  /** Today, as YYYY-MM-DD: a guide cannot have been reviewed in the future. */
  today: string;
}

/** Every URL a guide carries, with where it is (for messages). */
export function guideUrls(guide: Guide): Array<{ path: string; url: string }> {
  const urls: Array<{ path: string; url: string }> = [];
  guide.entryPoints.forEach((l, i) => urls.push({ path: `entryPoints.${i}.url`, url: l.url }));
  guide.sources.forEach((l, i) => urls.push({ path: `sources.${i}.url`, url: l.url }));
  guide.redirections.forEach((r, i) => r.link && urls.push({ path: `redirections.${i}.link.url`, url: r.link.url }));
  urls.push({ path: 'aidantsConnect.url', url: guide.aidantsConnect.url });
  return urls;
}

export function checkGuide(guide: Guide, context: GuideCheckContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!GUIDE_ID_PATTERN.test(guide.id)) issues.push({ path: 'id', message: 'guides.idInvalid' });
  if (guide.operator !== null && !context.operators.has(guide.operator)) {
    issues.push({ path: 'operator', message: 'guides.operatorUnknown' });
  }
  for (const { path, url } of guideUrls(guide)) {
    if (!isOfficialUrl(url)) issues.push({ path, message: 'guides.urlNotOfficial' });
  }
  if (new URL(guide.aidantsConnect.url).hostname !== AIDANTS_CONNECT_HOST) {
    issues.push({ path: 'aidantsConnect.url', message: 'guides.aidantsConnectUrl' });
  }
  // An Aidants Connect mandate works through FranceConnect: the aidant logs in for the person with it.
  if (guide.aidantsConnect.relevant && guide.franceConnect.support === 'no') {
    issues.push({ path: 'aidantsConnect.relevant', message: 'guides.aidantsConnectNeedsFranceConnect' });
  }
  guide.steps.forEach((step, i) => {
    if (step.number !== i + 1) issues.push({ path: `steps.${i}.number`, message: 'guides.stepOrder' });
    if (!step.title.trim() || !step.action.trim() || !step.check.trim()) {
      issues.push({ path: `steps.${i}`, message: 'guides.stepEmpty' });
    }
  });
  if (guide.reviewedOn > context.today) issues.push({ path: 'reviewedOn', message: 'guides.reviewedInFuture' });
  if (context.knownRefs) {
    guide.servicePublicRefs.forEach((ref, i) => {
      if (!context.knownRefs!.has(ref)) issues.push({ path: `servicePublicRefs.${i}`, message: 'guides.refUnknown' });
    });
  }
  return issues;
}
