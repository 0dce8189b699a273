import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Audience, EntryKind } from '../../../shared/catalogue/schema';
import { normalizeForSearch, searchTokens } from '../../../shared/search/normalize';
import type { ParsedEntry } from './entry-parser';

// Where the catalogue lives: a SQLite file of its own beside the desk's database (`catalogue.sqlite`), built whole
// under a temporary name and renamed over the old one. Why a separate file rather than tables in the desk database:
// - the replace is one rename, atomic on every file system we run on: a reader sees the old catalogue or the new one;
// - the desk's daily backups (7 kept), its integrity checks and desk-file exports stay the size of the journal, not
//   of the catalogue (tens of MB of public data that any desk can re-import);
// - building never holds the desk database's write lock, so sessions keep saving during a long import.
// The file carries its own format version (`meta.format`): a file of another version is ignored, as if absent.

export const CATALOGUE_FILE = 'catalogue.sqlite';
const BUILDING_PREFIX = `${CATALOGUE_FILE}.building-`;
export const STORE_FORMAT = '2';

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE entries (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  type TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  modified TEXT,
  audiences TEXT NOT NULL,
  breadcrumb TEXT NOT NULL,
  related TEXT NOT NULL,
  url TEXT,
  content BLOB NOT NULL
) STRICT;
CREATE VIRTUAL TABLE entries_fts USING fts5(
  title, keywords, body,
  content = '',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);
`;

/** Column weights of BM25 (title, keywords, body): a word in the title counts most. */
const BM25_WEIGHTS = '10.0, 4.0, 1.0';
/** Fuzzy matches re-ranked before the limit is applied. */
const FUZZY_CANDIDATES = 100;
const FUZZY_OPTIONS = {
  fields: ['title', 'keywords'],
  storeFields: [] as string[],
  tokenize: (text: string) => searchTokens(text),
  processTerm: (term: string) => (term.length > 1 ? term : null),
};

export interface CatalogueMeta {
  dataDate: string | null;
  importedAt: string;
  demo: boolean;
  audiences: Audience[];
  counts: Record<EntryKind, number>;
}

/** Removes temporary files a crashed or killed import left behind. */
export function removeLeftovers(dataDir: string): void {
  for (const name of readdirSync(dataDir)) {
    if (name.startsWith(BUILDING_PREFIX)) rmSync(join(dataDir, name), { force: true });
  }
}

export function buildingPath(dataDir: string, id: string): string {
  return join(dataDir, `${BUILDING_PREFIX}${id}`);
}

/** A new catalogue being written to `path`; `finish` seals it, `discard` removes it. */
export function createBuilder(path: string) {
  const db = new Database(path);
  // A scratch file, thrown away on any failure: no journal needed while building.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec(SCHEMA);
  const insert = db.prepare(
    `INSERT INTO entries (id, kind, type, title, description, modified, audiences, breadcrumb, related, url, content)
     VALUES (@id, @kind, @type, @title, @description, @modified, @audiences, @breadcrumb, @related, @url, @content)`,
  );
  const insertFts = db.prepare('INSERT INTO entries_fts (rowid, title, keywords, body) VALUES (?, ?, ?, ?)');
  const setAudiences = db.prepare('UPDATE entries SET audiences = ? WHERE id = ?');
  const audiences = new Map<string, Set<Audience>>();
  const fuzzyDocs: Array<{ id: number; title: string; keywords: string }> = [];
  const counts: Record<EntryKind, number> = { fiche: 0, service: 0, topic: 0 };
  let dataDate: string | null = null;
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  let pending = 0;

  return {
    /** Adds an entry, or only its audiences when an earlier archive had it (the same entry in several audiences). */
    add(entry: ParsedEntry, archiveAudience: Audience | null): void {
      const seen = audiences.get(entry.id);
      const its = new Set<Audience>(
        entry.audiences.length > 0 ? entry.audiences : archiveAudience ? [archiveAudience] : [],
      );
      if (entry.modified && (dataDate === null || entry.modified > dataDate)) dataDate = entry.modified;
      if (seen) {
        for (const a of its) seen.add(a);
        return;
      }
      audiences.set(entry.id, its);
      if (pending === 0) begin.run();
      const { lastInsertRowid } = insert.run({
        id: entry.id,
        kind: entry.kind,
        type: entry.type,
        title: entry.title,
        description: entry.description,
        modified: entry.modified,
        audiences: JSON.stringify([...its]),
        breadcrumb: JSON.stringify(entry.breadcrumb),
        related: JSON.stringify(entry.related),
        url: entry.url,
        // Deflated: the content trees are most of the file and compress about fivefold; one entry inflates in
        // well under a millisecond when a page shows it.
        content: deflateRawSync(JSON.stringify(entry.content)),
      });
      const keywords = [entry.subject, entry.type, ...entry.breadcrumb.slice(1, -1).map((b) => b.title)].join(' ');
      insertFts.run(
        lastInsertRowid,
        normalizeForSearch(entry.title),
        normalizeForSearch(keywords),
        normalizeForSearch(`${entry.description} ${entry.text}`),
      );
      fuzzyDocs.push({ id: Number(lastInsertRowid), title: entry.title, keywords: entry.subject });
      counts[entry.kind]++;
      if (++pending >= 500) {
        commit.run();
        pending = 0;
      }
    },
    size: () => audiences.size,
    /** Writes the indexes and the metadata, and closes the file. */
    finish(meta: { importedAt: string; demo: boolean }): CatalogueMeta {
      if (pending > 0) commit.run();
      pending = 0;
      const all = new Set<Audience>();
      db.transaction(() => {
        for (const [id, set] of audiences) {
          for (const a of set) all.add(a);
          if (set.size > 1) setAudiences.run(JSON.stringify([...set].sort()), id);
        }
      })();
      const fuzzy = new MiniSearch(FUZZY_OPTIONS);
      fuzzy.addAll(fuzzyDocs);
      const result: CatalogueMeta = {
        dataDate,
        importedAt: meta.importedAt,
        demo: meta.demo,
        audiences: [...all].sort(),
        counts,
      };
      const putMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      db.transaction(() => {
        putMeta.run('format', STORE_FORMAT);
        putMeta.run('summary', JSON.stringify(result));
        putMeta.run('fuzzy', JSON.stringify(fuzzy));
        db.prepare("INSERT INTO entries_fts (entries_fts) VALUES ('optimize')").run();
      })();
      db.pragma('journal_mode = DELETE');
      db.close();
      return result;
    },
    discard(): void {
      if (db.open) db.close();
      rmSync(path, { force: true });
      rmSync(`${path}-journal`, { force: true });
    },
  };
}
export type CatalogueBuilder = ReturnType<typeof createBuilder>;

export interface EntryRow {
  id: string;
  kind: EntryKind;
  type: string;
  title: string;
  description: string;
  modified: string | null;
  audiences: string;
  breadcrumb: string;
  related: string;
  url: string | null;
  content: Buffer;
}
export interface HitRow {
  rowid: number;
  id: string;
  kind: EntryKind;
  type: string;
  title: string;
  description: string;
  audiences: string;
}

/** FTS5 query of normalised words: all of them, the last one also as a prefix (the user is still typing). */
export function ftsQuery(tokens: string[]): string {
  return tokens.map((t, i) => (i === tokens.length - 1 ? `"${t}"*` : `"${t}"`)).join(' AND ');
}

/** The installed catalogue, read only. Opened on first use; `close` before the file is replaced. */
export function openReader(path: string) {
  if (!existsSync(path)) return null;
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const format = db.prepare("SELECT value FROM meta WHERE key = 'format'").pluck().get();
    if (format !== STORE_FORMAT) {
      db.close();
      return null;
    }
  } catch {
    return null;
  }
  const summary = JSON.parse(
    db.prepare("SELECT value FROM meta WHERE key = 'summary'").pluck().get() as string,
  ) as CatalogueMeta;
  const byId = db.prepare('SELECT * FROM entries WHERE id = ?');
  const byRowid = db.prepare(
    'SELECT rowid, id, kind, type, title, description, audiences FROM entries WHERE rowid = ?',
  );
  const fts = db.prepare(
    `SELECT e.rowid, e.id, e.kind, e.type, e.title, e.description, e.audiences
     FROM entries_fts JOIN entries e ON e.rowid = entries_fts.rowid
     WHERE entries_fts MATCH ? ORDER BY bm25(entries_fts, ${BM25_WEIGHTS}) LIMIT ?`,
  );
  let fuzzy: MiniSearch | null = null;

  return {
    summary,
    entry: (id: string) => byId.get(id) as EntryRow | undefined,
    /** The content tree of an entry row, as JSON text. */
    contentJson: (row: EntryRow) => inflateRawSync(row.content).toString('utf8'),
    /** Full-text hits, best first. */
    searchText(tokens: string[], limit: number): HitRow[] {
      if (tokens.length === 0) return [];
      return fts.all(ftsQuery(tokens), limit) as HitRow[];
    },
    /** Typo-tolerant title hits, best first (the index is loaded on the first call, never at start). */
    searchFuzzy(query: string, limit: number): HitRow[] {
      if (fuzzy === null) {
        const json = db.prepare("SELECT value FROM meta WHERE key = 'fuzzy'").pluck().get() as string;
        fuzzy = MiniSearch.loadJSON(json, FUZZY_OPTIONS);
      }
      const firstLetters = new Set(searchTokens(query).map((t) => t[0]));
      // A typo rarely hits a word's first letter: a match that starts like a typed word ranks before one that does not
      // ("pasport": "passeport" before "sport", both two edits away).
      return fuzzy
        .search(query, { fuzzy: 0.25, prefix: true, combineWith: 'AND', boost: { title: 3 } })
        .slice(0, FUZZY_CANDIDATES)
        .map((r) => ({
          id: r.id as number,
          score: r.score * (Object.keys(r.match).every((term) => firstLetters.has(term[0])) ? 1 : 0.3),
        }))
        .sort((a, b) => b.score - a.score)
        .slice(0, limit)
        .map((r) => byRowid.get(r.id) as HitRow | undefined)
        .filter((r): r is HitRow => r !== undefined);
    },
    close: () => db.close(),
  };
}
export type CatalogueReader = NonNullable<ReturnType<typeof openReader>>;

/** Puts a finished catalogue in place: the rename is the commit point (see the top of this file). */
export function installBuilt(built: string, dataDir: string): void {
  renameSync(built, join(dataDir, CATALOGUE_FILE));
}
