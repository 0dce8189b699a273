import { z } from 'zod';

// The content of a catalogue entry as stored and sent to the renderer: a compact JSON tree restricted to the
// service-public.fr format's own element vocabulary. An element of the format we do not know is kept as its text,
// so nothing the archive says is lost and nothing outside the vocabulary can reach the screen.

/** Elements kept as elements (the renderer maps each to a component; anything else arrives as text). */
export const CONTENT_ELEMENTS = [
  'Introduction',
  'Texte',
  'Chapitre',
  'SousChapitre',
  'Titre',
  'Paragraphe',
  'Liste',
  'Item',
  'BlocCas',
  'Cas',
  'ListeSituations',
  'Situation',
  'Tableau',
  'Rangée',
  'Cellule',
  'Colonne',
  'ASavoir',
  'ANoter',
  'Attention',
  'Rappel',
  'MiseEnEvidence',
  'Exposant',
  'Indice',
  'Expression',
  'Valeur',
  'Citation',
  'TermeEtranger',
  'LienInterne',
  'LienExterne',
  'LienIntra',
  'OuSAdresser',
  'PivotLocal',
  'RessourceWeb',
  'Source',
  'ServiceEnLigne',
  'NumeroCerfa',
  'AutreNumero',
  'Complement',
  'Avertissement',
  'FragmentConditionne',
  'Definition',
  'Abreviation',
  'CommentFaireSi',
  'NoticeLiee',
  'LienWeb',
  'SousTheme',
  'Dossier',
  'SousDossier',
  'Fiche',
  'Description',
] as const;
export type ContentElement = (typeof CONTENT_ELEMENTS)[number];
export const CONTENT_ELEMENT_SET: ReadonlySet<string> = new Set(CONTENT_ELEMENTS);

/** Attributes kept (the rest, such as schema locations and display hints, are dropped). */
export const CONTENT_ATTRIBUTES = [
  'ID',
  'URL',
  'LienPublication',
  'LienID',
  'type',
  'audience',
  'affichage',
  'numerocerfa',
  'format',
] as const;

/** A text, or an element `{ e, a?, c? }` (name, attributes, children). */
export type ContentNode = string | { e: ContentElement; a?: Record<string, string>; c?: ContentNode[] };

export const ContentNode: z.ZodType<ContentNode> = z.lazy(() =>
  z.union([
    z.string(),
    z.object({
      e: z.enum(CONTENT_ELEMENTS),
      a: z.record(z.string(), z.string()).optional(),
      c: z.array(ContentNode).optional(),
    }),
  ]),
);

/** The service-public.fr link to an entry, for the "see it on service-public.fr" link. */
export function servicePublicUrl(id: string, audience: string): string {
  const section = audience === 'professionnels' ? 'professionnels-entreprises' : audience;
  return `https://www.service-public.fr/${section}/vosdroits/${id}`;
}
