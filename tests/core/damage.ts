import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { expect } from 'vitest';

/** Overwrites the pages in the middle of a database file with garbage, as a failing disk or a stray write would. */
export function corruptMiddlePages(path: string): void {
  const size = statSync(path).size;
  const pageSize = 4096;
  const pages = Math.floor(size / pageSize);
  expect(pages).toBeGreaterThan(8);
  const garbage = Buffer.alloc(pageSize * Math.floor(pages / 2));
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 251;
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, garbage, 0, garbage.length, pageSize * Math.floor(pages / 4));
  } finally {
    closeSync(fd);
  }
}
