// The official domains a guide may link to, and the only ones the app opens outside from a guide (https only).
// A host matches a domain when it is the domain itself or one of its sub-domains ("www.caf.fr", "cfspart.impots.gouv.fr").
// Add a domain here only when it belongs to a public body or to a national operator of France Services.

export const OFFICIAL_DOMAINS = [
  // State portals and identity
  'service-public.fr',
  'service-public.gouv.fr',
  'franceconnect.gouv.fr',
  'france-identite.gouv.fr',
  'aidantsconnect.beta.gouv.fr',
  'mesdroitssociaux.gouv.fr',
  'ants.gouv.fr',
  'interieur.gouv.fr',
  'antai.gouv.fr',
  'amendes.gouv.fr',
  'certificat-air.gouv.fr',
  'demande-logement-social.gouv.fr',
  'maprimerenov.gouv.fr',
  'france-renov.gouv.fr',
  'anah.gouv.fr',
  'chequeenergie.gouv.fr',
  'education.gouv.fr',
  'cybermalveillance.gouv.fr',
  'internet-signalement.gouv.fr',
  'economie.gouv.fr',
  'associations.gouv.fr',
  '1jeune1solution.gouv.fr',
  // National operators of France Services
  'caf.fr',
  'ameli.fr',
  'monespacesante.fr',
  'lassuranceretraite.fr',
  'info-retraite.fr',
  'agirc-arrco.fr',
  'msa.fr',
  'francetravail.fr',
  'moncompteformation.gouv.fr',
  'impots.gouv.fr',
  'justice.fr',
  'justice.gouv.fr',
  'laposte.fr',
  // Businesses
  'formalites.entreprise.gouv.fr',
  'urssaf.fr',
  'net-entreprises.fr',
] as const;

function hostMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** True for an https URL, without credentials or port, whose host is an official domain. */
export function isOfficialUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return false;
  const host = url.hostname.toLowerCase();
  return OFFICIAL_DOMAINS.some((domain) => hostMatches(host, domain));
}
