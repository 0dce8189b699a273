import type { Db } from '../storage/database';

/**
 * The keys a session row refers to (taxonomy keys, operators, the taxonomy version) are stored as small integers:
 * a key like `aide_aux_demarches_administratives` is written once in `term_codes`, and each session holds its
 * code. Codes are numbered per domain from 0 in the order keys first appear, and never change or get reused, so a
 * taxonomy that grows or reorders its lists (shared/taxonomy.ts) never changes what a stored code means.
 */
export type TermDomain =
  | 'channel'
  | 'equipment'
  | 'topic'
  | 'admin_topic'
  | 'operator'
  | 'outcome'
  | 'orientation'
  | 'autonomy'
  | 'age_bracket'
  | 'gender'
  | 'status'
  | 'workshop_level'
  | 'taxonomy_version';

export interface TermCodes {
  /** The code of a key, created when the key is new: call it inside the write transaction that stores it. */
  code(domain: TermDomain, key: string): number;
  /** The code of a key if it has one (a filter on a key never stored matches nothing). */
  find(domain: TermDomain, key: string): number | undefined;
  key(domain: TermDomain, code: number): string;
  /** Drops what was learnt since the last read of the table: after a rolled-back write, whose new codes are gone. */
  forget(): void;
}

export function createTermCodes(db: Db): TermCodes {
  const all = db.prepare('SELECT domain, code, key FROM term_codes');
  const insert = db.prepare(`INSERT INTO term_codes (domain, code, key)
    VALUES (@domain, (SELECT coalesce(max(code) + 1, 0) FROM term_codes WHERE domain = @domain), @key) RETURNING code`);
  let codes: Map<string, number> | null = null;
  let keys: Map<string, string> | null = null;

  const load = () => {
    codes = new Map();
    keys = new Map();
    for (const r of all.all() as Array<{ domain: string; code: number; key: string }>) {
      codes.set(`${r.domain}:${r.key}`, r.code);
      keys.set(`${r.domain}:${r.code}`, r.key);
    }
  };
  const find = (domain: TermDomain, key: string) => {
    if (!codes) load();
    return codes!.get(`${domain}:${key}`);
  };

  return {
    find,
    code(domain, key) {
      const known = find(domain, key);
      if (known !== undefined) return known;
      const { code } = insert.get({ domain, key }) as { code: number };
      codes!.set(`${domain}:${key}`, code);
      keys!.set(`${domain}:${code}`, key);
      return code;
    },
    key(domain, code) {
      if (!keys) load();
      let key = keys!.get(`${domain}:${code}`);
      // Another connection (a restore, a migration) may have added codes since: read the table again once.
      if (key === undefined) {
        load();
        key = keys!.get(`${domain}:${code}`);
      }
      if (key === undefined) throw new Error(`term_codes: no key for ${domain} ${code}`);
      return key;
    },
    forget() {
      codes = null;
      keys = null;
    },
  };
}

// A list of codes is a BLOB of unsigned LEB128 varints, in the order of the record's array (one byte per code
// below 128, which every taxonomy list is), so `["aide_aux_demarches_administratives","email"]` costs 2 bytes.

export function encodeCodes(codes: readonly number[]): Buffer {
  const out: number[] = [];
  for (let c of codes) {
    while (c >= 0x80) {
      out.push((c & 0x7f) | 0x80);
      c >>>= 7;
    }
    out.push(c);
  }
  return Buffer.from(out);
}

export function decodeCodes(blob: Uint8Array): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const byte of blob) {
    value |= (byte & 0x7f) << shift;
    if (byte & 0x80) shift += 7;
    else {
      out.push(value);
      value = 0;
      shift = 0;
    }
  }
  return out;
}
