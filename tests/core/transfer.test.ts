import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core';
import { STAGING_DIR } from '../../main/core/files/files';
import { KDF_DEFAULTS, MAGIC, encodePrelude, encryptStream, newHeader } from '../../main/core/transfer/desk-file';
import { LATEST_SCHEMA_VERSION } from '../../main/core/storage/migrations';
import type { JobView } from '../../shared/jobs/schema';
import {
  LYON_SITE,
  call,
  callResult,
  fingerprint,
  individual,
  openCore,
  removeTempDirs,
  sequentialIds,
  tempDir,
  workshop,
} from './helpers';

const PASS = 'correct horse battery staple';
const FAST_KDF = { N: 2 ** 14, r: 8, p: 1 };

afterEach(() => removeTempDirs());

/** Fake host dialogs: each save goes to the next name in `dir`; an open picks whatever `openPath` says. */
function dialogsIn(dir: string) {
  let n = 0;
  const state = { openPath: '', lastSave: '' };
  return {
    state,
    dialogs: {
      pickSave: async () => (state.lastSave = join(dir, `desk-${++n}.mediane`)),
      pickOpen: async () => state.openPath,
    },
  };
}

async function ended(core: Core, jobId: string): Promise<JobView> {
  let view = await call(core, 'jobs.get', { id: jobId });
  while (view.state === 'running')
    view = await call(core, 'jobs.get', { id: jobId, afterVersion: view.version, waitMs: 5000 });
  return view;
}

async function deskWithHistory(kdf = FAST_KDF, notesLength = 40) {
  const files = tempDir('mediane-files-');
  const d = dialogsIn(files);
  const core = openCore({ dialogs: d.dialogs, transferKdf: kdf });
  await call(core, 'site.save', LYON_SITE);
  await call(core, 'settings.update', { locale: 'en' });
  for (let i = 0; i < 30; i++) {
    await call(
      core,
      'journal.create',
      individual({
        date: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`,
        notes: `Note ${i} ${'x'.repeat(notesLength)}`,
      }),
    );
  }
  await call(core, 'journal.create', workshop());
  const gone = await call(core, 'journal.create', individual({ procedureName: 'Supprimée' }));
  await call(core, 'journal.delete', { id: gone.id });
  return { core, files, ...d };
}

async function exportFrom(core: Core) {
  const target = await call(core, 'files.pickSave', { purpose: 'desk', suggestedName: 'mediane.mediane' });
  const { jobId } = await call(core, 'transfer.export', { targetId: target!.targetId, passphrase: PASS });
  return { target: target!, view: await ended(core, jobId) };
}

function freshDesk(files = tempDir('mediane-files-')) {
  const d = dialogsIn(files);
  // Ids of their own, as on another computer (the helpers' ids are deterministic).
  return { core: openCore({ dialogs: d.dialogs, transferKdf: FAST_KDF, newId: sequentialIds('bbbbbbbb') }), ...d };
}

async function restoreInto(desk: ReturnType<typeof freshDesk>, path: string, passphrase = PASS) {
  desk.state.openPath = path;
  const source = await call(desk.core, 'files.pickOpen', { purpose: 'desk' });
  const { jobId } = await call(desk.core, 'transfer.restore', { sourceId: source!.sourceId, passphrase });
  return ended(desk.core, jobId);
}

/** Everything a desk holds, table by table (the local care of the data, maintenance.*, aside). */
function content(core: Core) {
  const all = (sql: string) => core.db.prepare(sql).all();
  return {
    sessions: all('SELECT * FROM sessions ORDER BY seq'),
    topics: all('SELECT * FROM session_topics ORDER BY seq, topic'),
    operators: all('SELECT * FROM session_operators ORDER BY seq, operator'),
    site: all('SELECT * FROM site'),
    settings: all("SELECT * FROM settings WHERE key NOT LIKE 'maintenance.%' ORDER BY key"),
    operatorList: all('SELECT * FROM operators ORDER BY key'),
    timers: all('SELECT * FROM live_timers ORDER BY id'),
  };
}

const stagingOf = (core: Core & { dataDir: string }) => readdirSync(join(core.dataDir, STAGING_DIR));

describe('moving a desk', () => {
  it('export then restore on a fresh data folder gives the same desk (production key derivation)', async () => {
    const a = await deskWithHistory(KDF_DEFAULTS);
    const { view, target } = await exportFrom(a.core);
    expect(view.state).toBe('done');
    expect(view.result).toMatchObject({ name: 'desk-1.mediane', sessions: 31 });
    const file = a.state.lastSave;
    expect(readFileSync(file).subarray(0, MAGIC.length).equals(MAGIC)).toBe(true);
    expect((view.result as { bytes: number }).bytes).toBe(statSync(file).size);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(existsSync(`${file}.part`)).toBe(false);
    expect(stagingOf(a.core)).toEqual([]);
    expect(a.core.files.download(target.targetId)).toBeNull();
    // The notes are inside, but not readable.
    expect(readFileSync(file).includes('Note 1 ')).toBe(false);

    const b = freshDesk();
    const restored = await restoreInto(b, file);
    expect(restored).toMatchObject({ state: 'done', result: { siteName: LYON_SITE.name, sessions: 31 } });
    expect(content(b.core)).toEqual(content(a.core));
    expect((await call(b.core, 'app.status', {})).setupDone).toBe(true);
    expect(stagingOf(b.core)).toEqual([]);
    // The restored desk works on: a new session saves with the next number.
    await call(b.core, 'journal.create', individual());
    await a.core.close();
    await b.core.close();
  });

  it('cancel midway leaves no file under the chosen name, no .part, no snapshot', async () => {
    const a = await deskWithHistory(FAST_KDF, 4000);
    const target = await call(a.core, 'files.pickSave', { purpose: 'desk', suggestedName: 'x.mediane' });
    const { jobId } = await call(a.core, 'transfer.export', { targetId: target!.targetId, passphrase: PASS });
    // Follow every change; cancel as soon as part of the file has been encrypted (the job runs on I/O callbacks,
    // so it cannot move on between this answer and the cancel).
    let view = await call(a.core, 'jobs.get', { id: jobId });
    while (!(view.phase === 'jobs.phase.encrypting' && view.done > 0 && view.done < (view.total ?? 0))) {
      expect(view.state).toBe('running');
      view = await call(a.core, 'jobs.get', { id: jobId, afterVersion: view.version, waitMs: 5000 });
    }
    await call(a.core, 'jobs.cancel', { id: jobId });
    const end = await ended(a.core, jobId);
    expect(end.state).toBe('cancelled');
    expect(readdirSync(a.files)).toEqual([]);
    expect(stagingOf(a.core)).toEqual([]);
    // The target was single use.
    expect((await callResult(a.core, 'transfer.export', { targetId: target!.targetId, passphrase: PASS })).ok).toBe(
      false,
    );
    await a.core.close();
  });

  describe('refused files change nothing', () => {
    async function refusedWith(path: string, messageKey: string, passphrase = PASS) {
      const b = freshDesk();
      const before = fingerprint(b.core.db);
      const view = await restoreInto(b, path, passphrase);
      expect(view).toMatchObject({ state: 'failed', error: { code: 'invalid_input', messageKey } });
      expect(fingerprint(b.core.db)).toEqual(before);
      expect((await call(b.core, 'app.status', {})).setupDone).toBe(false);
      expect(stagingOf(b.core)).toEqual([]);
      expect(existsSync(path)).toBe(true);
      await b.core.close();
    }

    it('truncated, damaged, foreign, wrong passphrase, newer version', async () => {
      const a = await deskWithHistory(FAST_KDF, 4000);
      await exportFrom(a.core);
      const good = a.state.lastSave;
      const bytes = readFileSync(good);
      const dir = tempDir('mediane-bad-');

      const half = join(dir, 'half.mediane');
      writeFileSync(half, bytes);
      truncateSync(half, Math.floor(bytes.length / 2));
      await refusedWith(half, 'transfer.truncatedFile');

      const lastBytesCut = join(dir, 'cut.mediane');
      writeFileSync(lastBytesCut, bytes.subarray(0, bytes.length - 3));
      await refusedWith(lastBytesCut, 'transfer.truncatedFile');

      const flipped = Buffer.from(bytes);
      flipped[Math.floor(bytes.length * 0.7)]! ^= 0x40;
      const damaged = join(dir, 'damaged.mediane');
      writeFileSync(damaged, flipped);
      await refusedWith(damaged, 'transfer.damagedFile');

      const extra = join(dir, 'extra.mediane');
      writeFileSync(extra, Buffer.concat([bytes, Buffer.from('trailing')]));
      await refusedWith(extra, 'transfer.damagedFile');

      const foreign = join(dir, 'photo.jpg');
      writeFileSync(foreign, Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.from('JFIF and more bytes here')]));
      await refusedWith(foreign, 'transfer.foreignFile');
      // A bare SQLite database (for instance one of the automatic backups) is not a desk file either.
      await refusedWith(join(a.core.dataDir, 'mediane.sqlite'), 'transfer.foreignFile');
      const empty = join(dir, 'empty');
      writeFileSync(empty, '');
      await refusedWith(empty, 'transfer.foreignFile');

      await refusedWith(good, 'transfer.wrongPassphrase', 'not the passphrase at all');

      // A file from a newer Médiane: its header says a later schema version.
      const { header, keys } = await newHeader(
        PASS,
        { schemaVersion: LATEST_SCHEMA_VERSION + 1, exportedAt: '2030-01-01T00:00:00.000Z' },
        FAST_KDF,
      );
      const chunks: Buffer[] = [];
      for await (const c of Readable.from([Buffer.from('whatever')]).pipe(encryptStream(header, keys)))
        chunks.push(c as Buffer);
      const newer = join(dir, 'newer.mediane');
      writeFileSync(newer, Buffer.concat(chunks));
      expect(Buffer.concat(chunks).subarray(0, encodePrelude(header).length).equals(encodePrelude(header))).toBe(true);
      await refusedWith(newer, 'transfer.newerVersion');

      // A later file format, even with an unknown header shape.
      const later = join(dir, 'later.mediane');
      const json = Buffer.from(JSON.stringify({ format: 99 }));
      const len = Buffer.alloc(4);
      len.writeUInt32BE(json.length);
      writeFileSync(later, Buffer.concat([MAGIC, len, json]));
      await refusedWith(later, 'transfer.newerVersion');

      // A sealed desk whose content is not a healthy database.
      const garbage = join(dir, 'garbage.mediane');
      const g = await newHeader(PASS, { schemaVersion: 1, exportedAt: '2030-01-01T00:00:00.000Z' }, FAST_KDF);
      const gz = (await import('node:zlib')).gzipSync(Buffer.from('SQLite format 3\0'.padEnd(4096, '\0')));
      const sealed: Buffer[] = [];
      for await (const c of Readable.from([gz]).pipe(encryptStream(g.header, g.keys))) sealed.push(c as Buffer);
      writeFileSync(garbage, Buffer.concat(sealed));
      await refusedWith(garbage, 'transfer.integrityFailed');
      await a.core.close();
    });
  });

  it('restore is refused at once on a desk already set up, and the file choice stays usable', async () => {
    const a = await deskWithHistory();
    await exportFrom(a.core);
    const file = a.state.lastSave;
    const b = freshDesk();
    await call(b.core, 'site.save', LYON_SITE);
    const before = fingerprint(b.core.db);
    b.state.openPath = file;
    const source = await call(b.core, 'files.pickOpen', { purpose: 'desk' });
    const r = await callResult(b.core, 'transfer.restore', { sourceId: source!.sourceId, passphrase: PASS });
    expect(r).toEqual({ ok: false, error: { code: 'conflict', messageKey: 'transfer.notFirstRun' } });
    expect(fingerprint(b.core.db)).toEqual(before);

    // The choice was not used up: once the desk is emptied (here by hand), the same source restores.
    b.core.db.prepare('DELETE FROM site').run();
    const { jobId } = await call(b.core, 'transfer.restore', { sourceId: source!.sourceId, passphrase: PASS });
    expect((await ended(b.core, jobId)).state).toBe('done');

    // Sessions alone (no site yet) also count as a desk in use.
    const c = freshDesk();
    await call(c.core, 'site.save', LYON_SITE);
    await call(c.core, 'journal.create', individual());
    c.core.db.prepare('DELETE FROM site').run();
    c.state.openPath = file;
    const again = await call(c.core, 'files.pickOpen', { purpose: 'desk' });
    expect(await callResult(c.core, 'transfer.restore', { sourceId: again!.sourceId, passphrase: PASS })).toMatchObject(
      {
        ok: false,
        error: { code: 'conflict', messageKey: 'transfer.notFirstRun' },
      },
    );
    await a.core.close();
    await b.core.close();
    await c.core.close();
  });

  it('browser mode: the export becomes a download, the restore an upload (capped, nothing left when refused)', async () => {
    const a = await deskWithHistory();
    const browserA = openCore({ transferKdf: FAST_KDF, dataDir: tempDir(), newId: sequentialIds('bbbbbbbb') });
    await a.core.close();
    // Desk A again, without dialogs (the browser-mode host).
    const hostA = openCore({ transferKdf: FAST_KDF, dataDir: a.core.dataDir });
    const target = await call(hostA, 'files.pickSave', {
      purpose: 'desk',
      suggestedName: '../../etc/Mon lieu.mediane',
    });
    expect(target).toMatchObject({ delivery: 'download', name: '_.._etc_Mon lieu.mediane' });
    expect(hostA.files.download(target!.targetId)).toBeNull();
    const { jobId } = await call(hostA, 'transfer.export', { targetId: target!.targetId, passphrase: PASS });
    expect((await ended(hostA, jobId)).state).toBe('done');
    const download = hostA.files.download(target!.targetId)!;
    expect(download.name).toBe('_.._etc_Mon lieu.mediane');
    expect(download.path.startsWith(join(hostA.dataDir, STAGING_DIR))).toBe(true);
    if (process.platform !== 'win32') expect(statSync(download.path).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(download.path);
    hostA.files.release(target!.targetId);
    expect(existsSync(download.path)).toBe(false);
    expect(hostA.files.download(target!.targetId)).toBeNull();

    expect(await callResult(browserA, 'files.pickOpen', { purpose: 'desk' })).toEqual({
      ok: false,
      error: { code: 'forbidden', messageKey: 'files.uploadInstead' },
    });
    await expect(
      browserA.files.acceptUpload('big.mediane', Readable.from([bytes]), bytes.length - 1),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      messageKey: 'files.tooLarge',
    });
    expect(stagingOf(browserA)).toEqual([]);
    const source = await browserA.files.acceptUpload(
      'desk.mediane',
      Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]),
      bytes.length,
    );
    expect(source).toMatchObject({ name: 'desk.mediane', bytes: bytes.length });
    const { jobId: restoreId } = await call(browserA, 'transfer.restore', {
      sourceId: source.sourceId,
      passphrase: PASS,
    });
    expect((await ended(browserA, restoreId)).state).toBe('done');
    expect(content(browserA)).toEqual(content(hostA));
    // The upload was consumed.
    expect(stagingOf(browserA)).toEqual([]);
    await hostA.close();
    await browserA.close();
  });

  it('a new start empties the staging folder', async () => {
    const core = openCore();
    const target = await call(core, 'files.pickSave', { purpose: 'desk', suggestedName: 'a.mediane' });
    await core.files.acceptUpload('left.mediane', Readable.from([Buffer.from('left behind')]), 1000);
    expect(stagingOf(core).length).toBe(1);
    await core.close();
    mkdirSync(join(core.dataDir, STAGING_DIR), { recursive: true });
    writeFileSync(join(core.dataDir, STAGING_DIR, 'stale.upload'), 'stale');
    const again = openCore({ dataDir: core.dataDir });
    expect(stagingOf(again)).toEqual([]);
    expect(again.files.download(target!.targetId)).toBeNull();
    await again.close();
  });

  it('closing the core cancels a running export and waits for it to clean up', async () => {
    const a = await deskWithHistory(FAST_KDF, 4000);
    const target = await call(a.core, 'files.pickSave', { purpose: 'desk', suggestedName: 'x.mediane' });
    await call(a.core, 'transfer.export', { targetId: target!.targetId, passphrase: PASS });
    await a.core.close();
    expect(readdirSync(a.files)).toEqual([]);
    expect(a.core.db.open).toBe(false);
  });
});

describe('back up now', () => {
  it('runs the online backup as a job with progress, and the status shows it', async () => {
    const a = await deskWithHistory();
    const { jobId } = await call(a.core, 'storage.backupNow', {});
    const view = await ended(a.core, jobId);
    expect(view.state).toBe('done');
    expect(view.phase).toBe('jobs.phase.backingUp');
    expect(view.total).toBeGreaterThan(0);
    expect(view.done).toBe(view.total);
    const backups = readdirSync(join(a.core.dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    expect((view.result as { bytes: number }).bytes).toBe(statSync(join(a.core.dataDir, 'backups', backups[0]!)).size);
    expect((await call(a.core, 'app.status', {})).storage.lastBackupAt).toBe((view.result as { at: string }).at);
    await a.core.close();
  });
});
