import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JournalQuery, SessionInput } from '../../../shared/journal/schema';
import { createCore } from '../index';
import { decodeCodes, encodeCodes } from './term-codes';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('lists of codes', () => {
  it('round-trip in order, one byte a code below 128 and more above', () => {
    const values = [0, 1, 127, 128, 300, 16_383, 16_384, 2_000_000, 5, 5, 0];
    expect(decodeCodes(encodeCodes(values))).toEqual(values);
    expect(encodeCodes([18, 5]).length).toBe(2);
    expect(encodeCodes([128]).length).toBe(2);
    expect(decodeCodes(encodeCodes([]))).toEqual([]);
  });
});

describe('term codes in the journal', () => {
  it('a key first stored by a save that rolls back gets its code again from the next save, which a fresh start reads', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mediane-term-codes-'));
    dirs.push(dataDir);
    let core = createCore({ dataDir, maintenance: false });
    // An operator a coordinator added: no code yet.
    core.db.prepare("INSERT INTO operators (key, position, builtin) VALUES ('mairie', 11, 0)").run();
    core.close();
    core = createCore({ dataDir, maintenance: false });
    const input = {
      kind: 'individuel',
      date: '2026-03-10',
      durationMin: 30,
      channel: 'lieu_activite',
      topics: ['email'],
      operators: ['mairie'],
    };
    const session = SessionInput.parse(input);
    const timer = await core.handlers['journal.startTimer']({});
    core.db.exec(
      `CREATE TEMP TRIGGER fail_timer_delete BEFORE DELETE ON live_timers BEGIN SELECT RAISE(ABORT, 'disk says no'); END`,
    );
    await expect(
      Promise.resolve().then(() => core.handlers['journal.create'](SessionInput.parse({ ...input, liveId: timer.id }))),
    ).rejects.toThrow('disk says no');
    expect(core.db.prepare("SELECT count(*) AS n FROM term_codes WHERE key = 'mairie'").get()).toEqual({ n: 0 });
    core.db.exec('DROP TRIGGER fail_timer_delete');

    const saved = await core.handlers['journal.create'](session);
    expect(
      core.db.prepare("SELECT count(*) AS n FROM term_codes WHERE domain = 'operator' AND key = 'mairie'").get(),
    ).toEqual({ n: 1 });
    core.close();
    core = createCore({ dataDir, maintenance: false });
    expect((await core.handlers['journal.get']({ id: saved.id })).operators).toEqual(['mairie']);
    expect(
      (await core.handlers['journal.list'](JournalQuery.parse({ filter: { operator: 'mairie' } }))).rows.map(
        (r) => r.id,
      ),
    ).toEqual([saved.id]);
    core.close();
  });
});
