import { CoreError } from '../../../shared/errors';
import { localDate, type Clock, type IdSource } from '../../../shared/ids';
import type { Session } from '../../../shared/journal/schema';
import { TemplateFields, type SessionMemory, type Template } from '../../../shared/journal/templates';
import type { Db } from '../storage/database';
import { isoOf } from './session-row';
import { createLastSession, createSuggestions, fieldsOfSession } from './suggestions';
import { createTermCodes } from './term-codes';

export interface TemplateDeps {
  db: Db;
  clock: Clock;
  newId: IdSource;
  /** The journal's read of one session (not_found for a deleted or unknown one). */
  getSession(id: string): Session;
}

type TemplateRow = {
  id: string;
  name: string;
  position: number;
  fields: string;
  created_at: number;
  updated_at: number;
};

/** The desk's templates (list, create from a saved session, rename, reorder, delete) and the new session's memory. */
export function createTemplateService({ db, clock, newId, getSession }: TemplateDeps) {
  const s = {
    all: db.prepare('SELECT * FROM session_templates ORDER BY position, created_at'),
    byId: db.prepare('SELECT * FROM session_templates WHERE id = ?'),
    insert: db.prepare(`INSERT INTO session_templates (id, name, position, fields, created_at, updated_at)
      VALUES (@id, @name, (SELECT coalesce(max(position) + 1, 0) FROM session_templates), @fields, @now, @now)`),
    rename: db.prepare('UPDATE session_templates SET name = ?, updated_at = ? WHERE id = ?'),
    setPosition: db.prepare('UPDATE session_templates SET position = ? WHERE id = ?'),
    remove: db.prepare('DELETE FROM session_templates WHERE id = ?'),
  };
  const codes = createTermCodes(db);
  const suggestions = createSuggestions(db, codes);
  const lastSession = createLastSession(db, codes);

  // Written only by this service from a parsed session, so a row that does not parse is a damaged file, not input.
  const templateOf = (r: TemplateRow): Template => ({
    id: r.id,
    name: r.name,
    fields: TemplateFields.parse(JSON.parse(r.fields)),
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
  });
  const list = () => (s.all.all() as TemplateRow[]).map(templateOf);
  const rowById = (id: string) => {
    const row = s.byId.get(id) as TemplateRow | undefined;
    if (!row) throw new CoreError('not_found', 'journal.templateNotFound');
    return row;
  };
  // Positions are rewritten 0..n-1 after each move or delete so that they stay a plain order.
  const renumber = (ids: string[]) => ids.forEach((id, i) => s.setPosition.run(i, id));

  const createTx = db.transaction((sessionId: string, name: string): Template => {
    const fields = fieldsOfSession(getSession(sessionId));
    const id = newId();
    s.insert.run({ id, name, fields: JSON.stringify(fields), now: clock.now().getTime() });
    return templateOf(rowById(id));
  });
  const renameTx = db.transaction((id: string, name: string): Template => {
    rowById(id);
    s.rename.run(name, clock.now().getTime(), id);
    return templateOf(rowById(id));
  });
  const moveTx = db.transaction((id: string, position: number): Template[] => {
    rowById(id);
    const ids = list()
      .map((t) => t.id)
      .filter((x) => x !== id);
    ids.splice(Math.min(position, ids.length), 0, id);
    renumber(ids);
    return list();
  });
  const deleteTx = db.transaction((id: string) => {
    rowById(id);
    s.remove.run(id);
    renumber(list().map((t) => t.id));
    return { id };
  });

  return {
    list,
    create: (sessionId: string, name: string) => createTx(sessionId, name),
    rename: (id: string, name: string) => renameTx(id, name),
    move: (id: string, position: number) => moveTx(id, position),
    remove: (id: string) => deleteTx(id),
    /** Read fresh at each new session: the journal changes between two. */
    memory(): SessionMemory {
      const templates = list().map((t) => t.fields);
      return { last: lastSession(), suggestions: suggestions(localDate(clock.now()), templates) };
    },
  };
}
