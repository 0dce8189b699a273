import type { Db } from '../storage/database';

/**
 * The (dimension, key) pairs of the rollups as small integers (table stats_keys), and the BLOB a rollup row holds:
 * (code, zigzag(n)) pairs as unsigned LEB128 varints, sorted by code. A group of a busy day holds a few dozen sums,
 * so a row is a few dozen bytes instead of one row per sum.
 *
 * A code created inside a write that then rolls back disappears from the table: codes this process created are
 * "tentative" until seen in the table outside any transaction, and are checked again at the start of every write,
 * so a rolled-back code is never referenced by a later write.
 */
export function createKeyCodes(db: Db) {
  const s = {
    all: db.prepare('SELECT code, dim, key FROM stats_keys'),
    insert: db.prepare('INSERT INTO stats_keys (dim, key) VALUES (?, ?) RETURNING code').pluck(),
    exists: db.prepare('SELECT 1 FROM stats_keys WHERE code = ? AND dim = ? AND key = ?').pluck(),
  };
  let byKey: Map<string, number> | null = null;
  let byCode: Map<number, string> | null = null;
  const tentative = new Map<number, string>();

  const load = () => {
    byKey = new Map();
    byCode = new Map();
    for (const r of s.all.iterate() as Iterable<{ code: number; dim: string; key: string }>) {
      const k = `${r.dim}\t${r.key}`;
      byKey.set(k, r.code);
      byCode.set(r.code, k);
    }
  };

  return {
    /** Call at the start of each write: forgets the codes a rolled-back write created. */
    revalidate(): void {
      if (tentative.size === 0) return;
      const inTx = db.inTransaction;
      for (const [code, k] of tentative) {
        const [dim, key] = k.split('\t') as [string, string];
        if (s.exists.get(code, dim, key) === undefined) {
          byKey?.delete(k);
          byCode?.delete(code);
          tentative.delete(code);
        } else if (!inTx) tentative.delete(code);
      }
    },
    code(dimKey: string): number {
      if (!byKey) load();
      const known = byKey!.get(dimKey);
      if (known !== undefined) return known;
      const [dim, key] = dimKey.split('\t') as [string, string];
      const code = s.insert.get(dim, key) as number;
      byKey!.set(dimKey, code);
      byCode!.set(code, dimKey);
      tentative.set(code, dimKey);
      return code;
    },
    find(dimKey: string): number | undefined {
      if (!byKey) load();
      let c = byKey!.get(dimKey);
      if (c === undefined) {
        load();
        c = byKey!.get(dimKey);
      }
      return c;
    },
    key(code: number): string {
      if (!byCode) load();
      let k = byCode!.get(code);
      if (k === undefined) {
        load();
        k = byCode!.get(code);
      }
      if (k === undefined) throw new Error(`stats_keys: no key for code ${code}`);
      return k;
    },
  };
}
export type KeyCodes = ReturnType<typeof createKeyCodes>;

const zig = (n: number) => (n >= 0 ? n * 2 : -n * 2 - 1);
const unzig = (z: number) => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);

function pushVarint(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** Packs sums by code (zeros left out), sorted by code. */
export function encodeSums(sums: Map<number, number>): Buffer {
  const out: number[] = [];
  for (const code of [...sums.keys()].sort((a, b) => a - b)) {
    const n = sums.get(code)!;
    if (n === 0) continue;
    pushVarint(out, code);
    pushVarint(out, zig(n));
  }
  return Buffer.from(out);
}

/** Calls visit(code, n) for each sum of a packed row. */
export function eachSum(blob: Uint8Array, visit: (code: number, n: number) => void): void {
  let i = 0;
  const read = () => {
    let v = 0;
    let mul = 1;
    for (;;) {
      const b = blob[i++]!;
      v += (b & 0x7f) * mul;
      if (b < 0x80) return v;
      mul *= 0x80;
    }
  };
  while (i < blob.length) {
    const code = read();
    visit(code, unzig(read()));
  }
}
