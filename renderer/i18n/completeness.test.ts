import { describe, expect, it } from 'vitest';
import { resources } from '../app/features';

// French is the source language; English must say everything French says, with the same keys, in every namespace
// (the central ones and each feature's, as the shell assembles them).
// (`export const en: typeof fr` already forbids missing keys at compile time; this also catches extra keys,
// empty texts and lost placeholders, which the types do not.)

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (value && typeof value === 'object') for (const [p, v] of leaves(value, path)) out.set(p, v);
    else out.set(path, String(value));
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!).sort();
}

const namespaces = Object.keys(resources.fr) as Array<keyof typeof resources.fr>;

describe('translations', () => {
  it('have the same namespaces in French and English', () => {
    expect(Object.keys(resources.en).sort()).toEqual([...namespaces].sort());
  });

  describe.each(namespaces)('namespace %s', (ns) => {
    const fr = leaves(resources.fr[ns] as Tree);
    const en = leaves(resources.en[ns] as Tree);

    it('has the same keys in English as in French', () => {
      expect([...en.keys()].sort()).toEqual([...fr.keys()].sort());
    });

    it('has no empty text', () => {
      const empty = [...fr, ...en].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
      expect(empty).toEqual([]);
      expect(fr.size).toBeGreaterThan(0);
    });

    it('keeps the same placeholders in both languages', () => {
      const differ = [...fr]
        .filter(([k, v]) => en.has(k) && placeholders(v).join() !== placeholders(en.get(k)!).join())
        .map(([k]) => k);
      expect(differ).toEqual([]);
    });
  });
});
