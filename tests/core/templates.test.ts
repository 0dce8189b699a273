import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core';
import { localDate } from '../../shared/ids';
import type { Session } from '../../shared/journal/schema';
import {
  MAX_SUGGESTIONS,
  SUGGESTION_WEEKS,
  type Suggestion,
  type TemplateFields,
} from '../../shared/journal/templates';
import { generateDatabase } from '../fixtures/journal-dataset';
import {
  CallFailed,
  call,
  fingerprint,
  individual,
  openCore,
  removeTempDirs,
  sequentialIds,
  tempDir,
  testClock,
  workshop,
} from './helpers';

const cores: Core[] = [];
function core(clockAt = '2026-03-12T12:00:00.000Z'): Core {
  const c = openCore({ clock: testClock(clockAt), newId: sequentialIds() });
  cores.push(c);
  return c;
}
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  removeTempDirs();
});

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof CallFailed) return e.error;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('templates', () => {
  it('keeps the reusable fields of a saved session, never its notes, person, dates or follow-up', async () => {
    const c = core();
    const session = await call(
      c,
      'journal.create',
      individual({
        notes: 'Mme appelle demain',
        followUp: { dueDate: '2026-03-20', reason: 'Relancer' },
        startTime: '10:15',
        autonomy: 'partiellement_autonome',
        person: {
          ageBracket: 'soixante_dix_plus',
          gender: 'feminin',
          status: 'retraite',
          communeCode: '69123',
          firstVisit: true,
        },
      }),
    );
    const template = await call(c, 'journal.createTemplate', {
      sessionId: session.id,
      name: '  CAF - RSA, 30 min, finalisée ',
    });
    expect(template.name).toBe('CAF - RSA, 30 min, finalisée');
    expect(template.fields).toEqual({
      kind: 'individuel',
      durationMin: 30,
      channel: 'lieu_activite',
      equipment: [],
      topics: ['aide_aux_demarches_administratives'],
      adminTopics: ['social_sante'],
      operators: ['caf'],
      procedureName: 'Demande de RSA',
      outcome: 'finalisee',
      orientation: null,
      autonomy: 'partiellement_autonome',
      workshopTitle: null,
      workshopLevel: null,
    });
    const stored = JSON.stringify(c.db.prepare('SELECT * FROM session_templates').all());
    for (const personal of ['Mme', '69123', 'retraite', '2026-03', '10:15', 'Relancer'])
      expect(stored).not.toContain(personal);

    const w = await call(c, 'journal.create', workshop());
    const wt = await call(c, 'journal.createTemplate', { sessionId: w.id, name: 'Atelier messagerie' });
    expect(wt.fields).toMatchObject({
      kind: 'collectif',
      durationMin: 120,
      workshopTitle: 'Premiers pas avec la messagerie',
      workshopLevel: 'debutant',
    });
    expect((await call(c, 'journal.templates', {})).map((t) => t.name)).toEqual([
      'CAF - RSA, 30 min, finalisée',
      'Atelier messagerie',
    ]);
  });

  it('renames, reorders and deletes without touching any session', async () => {
    const c = core();
    const a = await call(c, 'journal.create', individual());
    const ids = [];
    for (const name of ['Un', 'Deux', 'Trois'])
      ids.push((await call(c, 'journal.createTemplate', { sessionId: a.id, name })).id);
    const sessionsBefore = JSON.stringify(c.db.prepare('SELECT * FROM sessions').all());

    const renamed = await call(c, 'journal.renameTemplate', { id: ids[1]!, name: 'Deux bis' });
    expect(renamed.name).toBe('Deux bis');
    expect((await call(c, 'journal.moveTemplate', { id: ids[2]!, position: 0 })).map((t) => t.name)).toEqual([
      'Trois',
      'Un',
      'Deux bis',
    ]);
    expect((await call(c, 'journal.moveTemplate', { id: ids[2]!, position: 29 })).map((t) => t.name)).toEqual([
      'Un',
      'Deux bis',
      'Trois',
    ]);
    await call(c, 'journal.deleteTemplate', { id: ids[0]! });
    expect((await call(c, 'journal.templates', {})).map((t) => t.name)).toEqual(['Deux bis', 'Trois']);
    expect(c.db.prepare('SELECT position FROM session_templates ORDER BY position').pluck().all()).toEqual([0, 1]);
    expect(JSON.stringify(c.db.prepare('SELECT * FROM sessions').all())).toBe(sessionsBefore);

    // The other way: editing the session later leaves the template as it was taken.
    const before = (await call(c, 'journal.templates', {}))[0]!;
    await call(c, 'journal.update', { id: a.id, session: individual({ durationMin: 45, operators: ['cpam'] }) });
    expect((await call(c, 'journal.templates', {}))[0]).toEqual(before);
  });

  it('refuses an empty or too long name and an unknown session or template, changing nothing', async () => {
    const c = core();
    const a = await call(c, 'journal.create', individual());
    await call(c, 'journal.createTemplate', { sessionId: a.id, name: 'CAF' });
    const before = fingerprint(c.db);
    expect(
      (await refusal(call(c, 'journal.createTemplate', { sessionId: a.id, name: '   ' }))).issues?.[0]?.message,
    ).toBe('journal.templateNameRequired');
    expect(
      (await refusal(call(c, 'journal.createTemplate', { sessionId: a.id, name: 'x'.repeat(81) }))).issues?.[0]
        ?.message,
    ).toBe('journal.templateNameTooLong');
    const missing = '00000000-0000-4000-8000-000000000999';
    expect(await refusal(call(c, 'journal.createTemplate', { sessionId: missing, name: 'Autre' }))).toMatchObject({
      code: 'not_found',
      messageKey: 'journal.notFound',
    });
    expect(await refusal(call(c, 'journal.renameTemplate', { id: missing, name: 'Autre' }))).toMatchObject({
      code: 'not_found',
      messageKey: 'journal.templateNotFound',
    });
    expect(await refusal(call(c, 'journal.deleteTemplate', { id: missing }))).toMatchObject({ code: 'not_found' });
    expect(fingerprint(c.db)).toEqual(before);
  });
});

describe('the new session memory', () => {
  it('gives the last session logged (not the latest date), and nothing on an empty journal', async () => {
    const c = core();
    expect(await call(c, 'journal.memory', {})).toEqual({ last: null, suggestions: [] });
    await call(c, 'journal.create', individual({ date: '2026-03-11' }));
    const last = await call(
      c,
      'journal.create',
      individual({ date: '2026-02-01', operators: ['cpam'], durationMin: 45 }),
    );
    const memory = await call(c, 'journal.memory', {});
    expect(memory.last).toMatchObject({ operators: ['cpam'], durationMin: 45 });
    await call(c, 'journal.delete', { id: last.id });
    expect((await call(c, 'journal.memory', {})).last).toMatchObject({ operators: ['caf'], durationMin: 30 });
  });

  it('suggests the most used combinations of the last weeks, leaving out those a template already gives', async () => {
    const c = core();
    const caf = individual();
    const cpam = individual({ operators: ['cpam'], adminTopics: ['social_sante'], durationMin: 15 });
    for (let i = 0; i < 3; i++) await call(c, 'journal.create', caf);
    for (let i = 0; i < 2; i++) await call(c, 'journal.create', cpam);
    // Too old, a workshop, and a deleted one: none of them counts.
    for (let i = 0; i < 5; i++)
      await call(c, 'journal.create', individual({ date: '2025-12-01', operators: ['ants'] }));
    await call(c, 'journal.create', workshop());
    const gone = await call(c, 'journal.create', individual({ operators: ['msa'] }));
    await call(c, 'journal.delete', { id: gone.id });

    const memory = await call(c, 'journal.memory', {});
    expect(memory.suggestions.map((s) => [s.fields.operators, s.count])).toEqual([
      [['caf'], 3],
      [['cpam'], 2],
    ]);
    const cafSession = (await call(c, 'journal.list', { filter: { operator: 'caf' } })).rows[0]!;
    await call(c, 'journal.createTemplate', { sessionId: cafSession.id, name: 'CAF' });
    expect((await call(c, 'journal.memory', {})).suggestions.map((s) => s.fields.operators)).toEqual([['cpam']]);
  });

  it('gives exactly what a plain recomputation over every session of the period gives', async () => {
    const dir = tempDir();
    generateDatabase(dir, 4000, 7);
    const clockAt = '2026-11-27T12:00:00.000Z';
    const c = openCore({ dataDir: dir, clock: testClock(clockAt), newId: sequentialIds() });
    cores.push(c);
    const today = localDate(new Date(clockAt));
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - (SUGGESTION_WEEKS * 7 - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);

    const ids = c.db.prepare('SELECT id FROM sessions WHERE deleted_at IS NULL ORDER BY seq').pluck().all() as string[];
    const groups = new Map<string, { session: Session; count: number; latest: number }>();
    for (const [i, id] of ids.entries()) {
      const s = await call(c, 'journal.get', { id });
      if (s.kind !== 'individuel' || s.date < from || s.date > today) continue;
      const key = JSON.stringify([s.topics, s.adminTopics, s.operators, s.durationMin, s.outcome]);
      const g = groups.get(key);
      if (g) groups.set(key, { session: s, count: g.count + 1, latest: i });
      else groups.set(key, { session: s, count: 1, latest: i });
    }
    const expected: Suggestion[] = [...groups.values()]
      .sort((a, b) => b.count - a.count || b.latest - a.latest)
      .slice(0, MAX_SUGGESTIONS)
      .map(({ session: s, count }) => ({
        count,
        fields: {
          kind: 'individuel',
          durationMin: s.durationMin,
          channel: s.channel,
          equipment: [],
          topics: s.topics,
          adminTopics: s.adminTopics,
          operators: s.operators,
          procedureName: '',
          outcome: s.outcome,
          orientation: null,
          autonomy: null,
          workshopTitle: null,
          workshopLevel: null,
        } satisfies TemplateFields,
      }));
    expect(groups.size).toBeGreaterThan(MAX_SUGGESTIONS);
    expect(expected[0]!.count).toBeGreaterThan(1);
    expect((await call(c, 'journal.memory', {})).suggestions).toEqual(expected);
  });
});
