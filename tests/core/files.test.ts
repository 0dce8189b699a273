import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { STAGING_DIR, createFiles, safeFileName } from '../../main/core/files/files';
import { CoreError } from '../../shared/errors';
import { removeTempDirs, sequentialIds, tempDir, testClock } from './helpers';

afterEach(() => removeTempDirs());

function setup() {
  const dataDir = tempDir();
  const clock = testClock();
  const files = createFiles({ dataDir, clock, newId: sequentialIds() });
  return { dataDir, clock, files, staging: () => readdirSync(join(dataDir, STAGING_DIR)) };
}

describe('files the user picks', () => {
  it('the staging folder is private', () => {
    const { dataDir } = setup();
    if (process.platform !== 'win32') expect(statSync(join(dataDir, STAGING_DIR)).mode & 0o777).toBe(0o700);
  });

  it('a grant expires, and its staged file goes with it', async () => {
    const { files, clock, staging } = setup();
    const source = await files.acceptUpload('a.mediane', Readable.from([Buffer.from('abc')]), 10);
    expect(staging()).toHaveLength(1);
    clock.advance(31 * 60 * 1000);
    expect(() => files.takeSource(source.sourceId, 'desk')).toThrow(CoreError);
    expect(staging()).toEqual([]);
  });

  it('a grant is single use and bound to its kind', async () => {
    const { files } = setup();
    const target = (await files.pickSave({ purpose: 'desk', suggestedName: 'x.mediane' }))!;
    expect(() => files.takeSource(target.targetId, 'desk')).toThrow(CoreError);
    const taken = files.takeTarget(target.targetId, 'desk');
    expect(() => files.takeTarget(target.targetId, 'desk')).toThrow(CoreError);
    taken.abandon();
    expect(files.download(target.targetId)).toBeNull();
  });

  it('keeps a bounded number of idle grants, dropping the oldest', async () => {
    const { files, staging } = setup();
    const first = await files.acceptUpload('first', Readable.from([Buffer.from('1')]), 10);
    for (let i = 0; i < 70; i++) await files.pickSave({ purpose: 'desk', suggestedName: `n${i}` });
    expect(() => files.takeSource(first.sourceId, 'desk')).toThrow(CoreError);
    expect(staging()).toEqual([]);
  });

  it('an upload that breaks off leaves nothing', async () => {
    const { files, staging } = setup();
    async function* broken() {
      yield Buffer.from('part');
      throw new Error('connection reset');
    }
    await expect(files.acceptUpload('a', broken(), 100)).rejects.toMatchObject({
      messageKey: 'files.uploadIncomplete',
    });
    expect(staging()).toEqual([]);
  });

  it('names shown and offered for download carry no folder or control characters', () => {
    expect(safeFileName('../../a/b\\c:d.mediane')).toBe('_.._a_b_c_d.mediane');
    expect(safeFileName('\u0000\u0007')).toBe('__');
    expect(safeFileName('   ')).toBe('mediane');
    expect(safeFileName('x'.repeat(300))).toHaveLength(120);
  });
});
