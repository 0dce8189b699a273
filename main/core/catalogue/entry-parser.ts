import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import {
  CONTENT_ATTRIBUTES,
  CONTENT_ELEMENT_SET,
  type ContentElement,
  type ContentNode,
} from '../../../shared/catalogue/content';
import type { Audience, EntryKind, RelatedLink } from '../../../shared/catalogue/schema';
import { CatalogueError } from './errors';

// One XML file of a service-public.fr archive (a fiche F, a topic page N, an online service or form R) read with
// saxes (strict, streaming, no DTD entity expansion) into what the catalogue stores: metadata, breadcrumb, related
// links, and the content as a compact tree restricted to the format's vocabulary (shared/catalogue/content.ts).

interface RawElement {
  n: string;
  a: Record<string, string>;
  c: Array<RawElement | string>;
}

export interface ParsedEntry {
  id: string;
  kind: EntryKind;
  /** The format's own type ("Fiche d'information", "Téléservice", "Formulaire", "Theme"…). */
  type: string;
  title: string;
  description: string;
  subject: string;
  /** ISO date (YYYY-MM-DD) of the entry's last modification, from `dc:date`; null when absent. */
  modified: string | null;
  audiences: Audience[];
  breadcrumb: Array<{ id: string; title: string }>;
  related: RelatedLink[];
  /** For an online service or form: its address (https only). */
  url: string | null;
  content: ContentNode[];
  /** All the displayable text, for the full-text index. */
  text: string;
  /** The schema version the file declares ("3.3", "3.4"), null when it declares none. */
  schemaVersion: string | null;
}

const ROOTS = new Set(['Publication', 'ServiceComplementaire']);
/** Logic of the format's guided questions: never displayable. */
const DROPPED = new Set([
  'Condition',
  'estVrai',
  'estIndefini',
  'affecteVrai',
  'SiSelectionne',
  'Variable',
  'ou',
  'et',
]);
/** Top-level blocks shown as the entry's content; the other top-level elements are metadata or related links. */
const CONTENT_BLOCKS = new Set<string>([
  'Introduction',
  'Texte',
  'ListeSituations',
  'Avertissement',
  'OuSAdresser',
  'NumeroCerfa',
  'AutreNumero',
  'NoticeLiee',
  'CommentFaireSi',
  'Definition',
  'Abreviation',
  'SousTheme',
  'Dossier',
  'SousDossier',
  'Fiche',
]);
/** Where a run of spaces between two elements is part of the sentence (inline content). */
const INLINE_PARENTS = new Set([
  'Paragraphe',
  'MiseEnEvidence',
  'LienInterne',
  'LienExterne',
  'LienIntra',
  'Expression',
  'Valeur',
  'Citation',
  'TermeEtranger',
  'Exposant',
  'Indice',
]);
const AUDIENCES: Record<string, Audience> = {
  particuliers: 'particuliers',
  professionnels: 'professionnels',
  entreprises: 'professionnels',
  associations: 'associations',
};
const KEPT_ATTRIBUTES = new Set<string>(CONTENT_ATTRIBUTES);
const WEB_URL = /^https?:\/\/[^\s]+$/i;

const collapse = (s: string) => s.replace(/\s+/g, ' ');

function textOf(node: RawElement | string): string {
  if (typeof node === 'string') return node;
  if (DROPPED.has(node.n)) return '';
  return node.c.map(textOf).join('');
}
const cleanText = (node: RawElement | undefined) => (node ? collapse(textOf(node)).trim() : '');

function child(node: RawElement, name: string): RawElement | undefined {
  return node.c.find((c): c is RawElement => typeof c !== 'string' && c.n === name);
}
function children(node: RawElement, name?: string): RawElement[] {
  return node.c.filter((c): c is RawElement => typeof c !== 'string' && (name === undefined || c.n === name));
}

function toContent(node: RawElement | string, parent: string): ContentNode[] {
  if (typeof node === 'string') {
    const text = collapse(node);
    if (text.trim() === '' && !INLINE_PARENTS.has(parent)) return [];
    return [text];
  }
  if (DROPPED.has(node.n)) return [];
  if (!CONTENT_ELEMENT_SET.has(node.n)) {
    // Unknown to us: its text stays, its markup goes.
    const text = collapse(textOf(node));
    return text.trim() === '' ? [] : [text];
  }
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(node.a)) {
    if (!KEPT_ATTRIBUTES.has(k)) continue;
    if (k === 'URL' && !WEB_URL.test(v.trim())) continue;
    attrs[k] = k === 'URL' ? v.trim() : v;
  }
  const kids = mergeTexts(node.c.flatMap((c) => toContent(c, node.n)));
  const out: { e: ContentElement; a?: Record<string, string>; c?: ContentNode[] } = { e: node.n as ContentElement };
  if (Object.keys(attrs).length > 0) out.a = attrs;
  if (kids.length > 0) out.c = kids;
  return [out];
}

function mergeTexts(nodes: ContentNode[]): ContentNode[] {
  const out: ContentNode[] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    if (typeof n === 'string' && typeof last === 'string') out[out.length - 1] = collapse(last + n);
    else out.push(n);
  }
  return out;
}

function contentText(nodes: ContentNode[]): string {
  return nodes.map((n) => (typeof n === 'string' ? n : n.c ? contentText(n.c) + ' ' : '')).join('');
}

function kindOf(id: string): EntryKind {
  return id[0] === 'F' ? 'fiche' : id[0] === 'R' ? 'service' : 'topic';
}

function related(root: RawElement): RelatedLink[] {
  const links: RelatedLink[] = [];
  const seen = new Set<string>();
  const add = (link: RelatedLink) => {
    const key = `${link.rel}:${link.id ?? ''}:${link.url ?? ''}`;
    if (!link.title || seen.has(key)) return;
    seen.add(key);
    links.push(link);
  };
  const urlOf = (el: RawElement) => {
    const u = el.a.URL?.trim();
    return u && WEB_URL.test(u) ? u : undefined;
  };
  for (const el of children(root)) {
    const title = cleanText(child(el, 'Titre')) || cleanText(el);
    switch (el.n) {
      case 'ServiceEnLigne':
        add({ rel: 'service', id: el.a.ID, url: urlOf(el), title, type: el.a.type });
        break;
      case 'FicheLiee':
        add({ rel: 'fiche', id: el.a.ID, title });
        break;
      case 'QuestionReponse':
        add({ rel: 'question', id: el.a.ID, title: cleanText(el) });
        break;
      case 'PourEnSavoirPlus':
        add({ rel: 'moreInfo', id: el.a.ID, url: urlOf(el), title, type: el.a.type });
        break;
      case 'Reference':
        add({ rel: 'reference', url: urlOf(el), title, type: el.a.type });
        break;
      case 'DossierPere':
        add({ rel: 'parent', id: el.a.ID, title });
        break;
      case 'VoirAussi':
        for (const v of children(el))
          add({ rel: 'seeAlso', id: v.a.ID, title: cleanText(child(v, 'Titre')) || cleanText(v) });
        break;
    }
  }
  return links.map((l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined)) as RelatedLink);
}

/** Builds the entry from the parsed document; throws `notServicePublic` when it is not one of the format's files. */
export function entryFromDocument(root: RawElement, fileId: string): ParsedEntry {
  if (!ROOTS.has(root.n)) throw new CatalogueError('notServicePublic');
  const id = root.a.ID && /^[FRN]\d{1,7}$/.test(root.a.ID) ? root.a.ID : fileId;
  const schema = /Schemas\/(\d+\.\d+)/.exec(root.a['xsi:noNamespaceSchemaLocation'] ?? '');
  const schemaVersion = schema ? schema[1]! : null;
  // Archives of schema 3.3 and 3.4 still carry files that declare 3.0 (older services and forms, same vocabulary):
  // the 3.x family is read, another major version is refused.
  if (schemaVersion && !/^3\.\d+$/.test(schemaVersion)) throw new CatalogueError('unsupportedVersion');
  const audiences = new Set<Audience>();
  for (const a of children(root, 'Audience')) {
    const key = AUDIENCES[cleanText(a).toLowerCase()];
    if (key) audiences.add(key);
  }
  const fil = child(root, 'FilDAriane');
  const breadcrumb = fil
    ? children(fil, 'Niveau')
        .map((n) => ({ id: n.a.ID ?? '', title: cleanText(n) }))
        .filter((n) => n.title !== '')
    : [];
  const first = breadcrumb[0]?.id.toLowerCase();
  if (audiences.size === 0 && first && AUDIENCES[first]) audiences.add(AUDIENCES[first]);
  const date = /(\d{4}-\d{2}-\d{2})/.exec(cleanText(child(root, 'dc:date')));
  const lienWeb = child(root, 'LienWeb')?.a.URL?.trim();
  const content = mergeTexts(
    children(root)
      .filter((el) => CONTENT_BLOCKS.has(el.n))
      .flatMap((el) => toContent(el, root.n)),
  );
  // Editorial pages of the guided search carry a "**" marker before their title: not part of the title people read.
  const title = cleanText(child(root, 'dc:title')).replace(/^\*+\s*/, '');
  const description = cleanText(child(root, 'dc:description'));
  return {
    id,
    kind: kindOf(id),
    type: root.a.type ?? cleanText(child(root, 'dc:type')),
    title: title || id,
    description,
    subject: cleanText(child(root, 'dc:subject')),
    modified: date ? date[1]! : null,
    audiences: [...audiences],
    breadcrumb,
    related: related(root),
    url: root.n === 'ServiceComplementaire' && lienWeb && /^https:\/\//i.test(lienWeb) ? lienWeb : null,
    content,
    text: collapse(contentText(content)).trim(),
    schemaVersion,
  };
}

/**
 * A streaming reader of one XML file: feed it the file's bytes, then `end()` gives the entry. Malformed XML
 * (truncated, not well-formed, an entity we do not know) throws `damaged`.
 */
export function createEntryReader(fileId: string) {
  const decoder = new StringDecoder('utf8');
  const parser = new SaxesParser({ xmlns: false, position: false });
  const stack: RawElement[] = [];
  let root: RawElement | null = null;
  let failed = false;
  parser.on('error', () => {
    failed = true;
    throw new CatalogueError('damaged');
  });
  parser.on('opentag', (tag) => {
    const el: RawElement = { n: tag.name, a: tag.attributes as Record<string, string>, c: [] };
    if (stack.length === 0) {
      if (root) throw new CatalogueError('damaged');
      root = el;
    } else stack[stack.length - 1]!.c.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => void stack.pop());
  const onText = (text: string) => {
    const top = stack[stack.length - 1];
    if (top) top.c.push(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  const guard = (f: () => void) => {
    try {
      f();
    } catch (err) {
      if (err instanceof CatalogueError) throw err;
      throw new CatalogueError('damaged');
    }
  };
  return {
    write(chunk: Buffer): void {
      if (failed) return;
      guard(() => parser.write(decoder.write(chunk)));
    },
    end(): ParsedEntry {
      guard(() => parser.write(decoder.end()).close());
      if (!root || stack.length > 0) throw new CatalogueError('damaged');
      return entryFromDocument(root, fileId);
    },
  };
}

/** Parses a whole XML text at once (tests, small files). */
export function parseEntryXml(xml: string | Buffer, fileId: string): ParsedEntry {
  const reader = createEntryReader(fileId);
  reader.write(Buffer.isBuffer(xml) ? xml : Buffer.from(xml, 'utf8'));
  return reader.end();
}
