import type { Migration } from './migration';

// The SQL is assembled from the helpers below once, at load: what is recorded and checked is the text it gives
// (tests/core/migrations.test.ts pins its checksum), so these helpers are as frozen as the text itself.

/**
 * A value the new STRICT columns refuse: a conversion that cannot be exact writes this instead of a wrong value,
 * the INSERT fails, and the whole migration (one transaction) rolls back, leaving schema 1 as it was.
 */
const refuse = (what: string) => `'migration 2 cannot convert ${what}'`;
/** 'YYYY-MM-DD' to days since 2000-01-01 (julianday('2000-01-01') is 2451544.5). */
const day = (x: string) =>
  `(CASE WHEN date(${x}) IS ${x} THEN CAST(julianday(${x}) - 2451544.5 AS INTEGER) ELSE ${refuse('a date')} END)`;
/** An ISO instant as the app writes it (toISOString) to milliseconds since 1970. */
const ms = (x: string) =>
  `(CASE WHEN strftime('%Y-%m-%dT%H:%M:%fZ', ${x}) IS ${x} THEN unixepoch(${x}) * 1000 + CAST(substr(${x}, 21, 3) AS INTEGER) ELSE ${refuse('an instant')} END)`;
const minutes = (x: string) =>
  `(CASE WHEN ${x} IS NULL THEN NULL WHEN ${x} GLOB '[0-2][0-9]:[0-5][0-9]' THEN substr(${x}, 1, 2) * 60 + substr(${x}, 4, 2) ELSE ${refuse('a time')} END)`;
const code = (domain: string, x: string) =>
  `(CASE WHEN ${x} IS NULL THEN NULL ELSE coalesce((SELECT c.code FROM term_codes c WHERE c.domain = '${domain}' AND c.key = ${x}), ${refuse('a key')}) END)`;
/** Hex of an unsigned LEB128 varint (term-codes.ts), for values below 16,384. */
const varint = (x: string) =>
  `(CASE WHEN ${x} < 128 THEN printf('%02x', ${x}) ELSE printf('%02x%02x', ${x} % 128 + 128, ${x} / 128) END)`;
/** A JSON array of keys to the BLOB of their codes, in the array's order. */
const codes = (domain: string, array: string) => `(SELECT CASE WHEN count(c.code) = json_array_length(${array})
      THEN coalesce(unhex(group_concat(${varint('c.code')}, '' ORDER BY j.key)), x'') ELSE ${refuse('a list of keys')} END
    FROM json_each(${array}) j LEFT JOIN term_codes c ON c.domain = '${domain}' AND c.key = j.value)`;
/** A JSON object of counts by key to the BLOB of (code, count) pairs, in the object's order. */
const pairs = (domain: string, object: string) => `(SELECT CASE WHEN count(c.code) = count(*)
      THEN coalesce(unhex(group_concat(${varint('c.code')} || ${varint('j.value')}, '' ORDER BY j.id)), x'') ELSE ${refuse('a breakdown')} END
    FROM json_each(${object}) j LEFT JOIN term_codes c ON c.domain = '${domain}' AND c.key = j.key)`;
const seed = (domain: string, keys: string[]) => keys.map((k, i) => `('${domain}', ${i}, '${k}')`).join(',\n        ');
/** Keys found in the data but not seeded get the next codes (none are expected: schema 1 checked every key). */
const seedFound = (domain: string, found: string) => `INSERT INTO term_codes (domain, code, key)
        SELECT '${domain}', (SELECT count(*) FROM term_codes WHERE domain = '${domain}') + row_number() OVER (ORDER BY key) - 1, key
        FROM (${found}) WHERE key IS NOT NULL AND key NOT IN (SELECT key FROM term_codes WHERE domain = '${domain}');`;

const WORKSHOP = `s.kind = 'collectif'`;
const INDIVIDUAL = `s.kind = 'individuel'`;

export const migration0002: Migration = {
  version: 2,
  name: 'lean session row: typed columns, codes for keys, no JSON copy',
  sql: `
      -- The keys sessions refer to, each written once (main/core/journal/term-codes.ts). Seeded with the taxonomy
      -- of schema 1 (coop-2026.06+mediane.1) in its order; later keys get the next code when first stored.
      CREATE TABLE term_codes (
        domain TEXT NOT NULL,
        code INTEGER NOT NULL,
        key TEXT NOT NULL,
        PRIMARY KEY (domain, code),
        UNIQUE (domain, key)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO term_codes (domain, code, key) VALUES
        ${seed('channel', ['lieu_activite', 'domicile', 'a_distance', 'autre'])},
        ${seed('equipment', ['ordinateur', 'telephone', 'tablette', 'autre', 'aucun'])},
        ${seed('topic', [
          'diagnostic_numerique',
          'prendre_en_main_du_materiel',
          'maintenance_de_materiel',
          'gere_ses_contenus_numeriques',
          'navigation_sur_internet',
          'email',
          'bureautique',
          'reseaux_sociaux',
          'sante',
          'banque_et_achats_en_ligne',
          'entrepreneuriat',
          'insertion_professionnelle',
          'securite_numerique',
          'parentalite',
          'scolarite_et_numerique',
          'creer_avec_le_numerique',
          'culture_numerique',
          'intelligence_artificielle',
          'aide_aux_demarches_administratives',
        ])},
        ${seed('admin_topic', [
          'papiers_elections_citoyennete',
          'famille_scolarite',
          'social_sante',
          'travail_formation',
          'logement',
          'transports_mobilite',
          'argent_impots',
          'justice',
          'etrangers_europe',
          'loisirs_sports_culture',
          'associations',
        ])},
        ${seed('operator', ['caf', 'cpam', 'cnav', 'msa', 'france_travail', 'dgfip', 'ants', 'justice', 'la_poste', 'autre_operateur'])},
        ${seed('outcome', ['finalisee', 'a_finaliser_en_autonomie', 'doit_revenir', 'oriente_vers_structure'])},
        ${seed('orientation', [
          'administration',
          'mediation_numerique',
          'operateur_ou_organisme_en_charge',
          'aide_sociale',
          'insertion_professionnelle',
          'aide_aux_demarches_administratives',
          'autre',
        ])},
        ${seed('autonomy', ['entierement_accompagne', 'partiellement_autonome', 'autonome'])},
        ${seed('age_bracket', [
          'moins_de_douze',
          'douze_dix_huit',
          'dix_huit_vingt_quatre',
          'vingt_cinq_trente_neuf',
          'quarante_cinquante_neuf',
          'soixante_soixante_neuf',
          'soixante_dix_plus',
          'non_communique',
        ])},
        ${seed('gender', ['masculin', 'feminin', 'non_communique'])},
        ${seed('status', ['scolarise', 'sans_emploi', 'en_emploi', 'retraite', 'non_communique'])},
        ${seed('workshop_level', ['debutant', 'intermediaire', 'avance'])},
        ${seed('taxonomy_version', ['coop-2026.06+mediane.1'])};
      ${seedFound('operator', 'SELECT key FROM operators UNION SELECT operator FROM session_operators')}
      ${seedFound('topic', 'SELECT DISTINCT topic AS key FROM session_topics')}
      ${seedFound('taxonomy_version', 'SELECT DISTINCT taxonomy_version AS key FROM sessions')}

      -- Every field once, typed (main/core/journal/session-row.ts): dates in days since 2000-01-01, times in
      -- minutes, instants in milliseconds since 1970, keys as codes, lists of keys as BLOBs of codes.
      CREATE TABLE sessions_v2 (
        seq INTEGER PRIMARY KEY,
        uid BLOB NOT NULL UNIQUE CHECK (length(uid) = 16),
        -- The id's text form, computed when read (never stored, never indexed): for reading the file by hand.
        id TEXT GENERATED ALWAYS AS (lower(substr(hex(uid), 1, 8) || '-' || substr(hex(uid), 9, 4) || '-' || substr(hex(uid), 13, 4)
          || '-' || substr(hex(uid), 17, 4) || '-' || substr(hex(uid), 21))) VIRTUAL,
        kind INTEGER NOT NULL CHECK (kind IN (0, 1)),
        date INTEGER NOT NULL,
        start_time INTEGER CHECK (start_time BETWEEN 0 AND 1439),
        duration_min INTEGER NOT NULL CHECK (duration_min BETWEEN 1 AND 1439),
        channel INTEGER NOT NULL,
        equipment BLOB NOT NULL,
        topics BLOB NOT NULL,
        admin_topics BLOB NOT NULL,
        operators BLOB NOT NULL,
        procedure_name TEXT NOT NULL DEFAULT '',
        outcome INTEGER,
        orientation INTEGER,
        follow_up_due INTEGER,
        follow_up_reason TEXT,
        follow_up_closed_at INTEGER,
        autonomy INTEGER,
        age_bracket INTEGER,
        gender INTEGER,
        status INTEGER,
        commune_code TEXT,
        first_visit INTEGER CHECK (first_visit IN (0, 1)),
        workshop_title TEXT,
        workshop_level INTEGER,
        participants INTEGER NOT NULL,
        by_gender BLOB,
        by_age BLOB,
        by_status BLOB,
        notes TEXT NOT NULL DEFAULT '',
        taxonomy_version INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      INSERT INTO sessions_v2 (seq, uid, kind, date, start_time, duration_min, channel, equipment, topics, admin_topics, operators,
        procedure_name, outcome, orientation, follow_up_due, follow_up_reason, follow_up_closed_at, autonomy, age_bracket, gender,
        status, commune_code, first_visit, workshop_title, workshop_level, participants, by_gender, by_age, by_status, notes,
        taxonomy_version, created_at, updated_at, deleted_at)
      SELECT s.seq,
        CASE WHEN lower(s.id) IS s.id AND length(s.id) = 36 AND s.id GLOB '????????-????-????-????-????????????'
          AND length(unhex(replace(s.id, '-', ''))) = 16 THEN unhex(replace(s.id, '-', '')) ELSE ${refuse('an id')} END,
        CASE s.kind WHEN 'individuel' THEN 0 WHEN 'collectif' THEN 1 END,
        ${day('s.date')},
        ${minutes('s.start_time')},
        s.duration_min,
        ${code('channel', "s.data ->> '$.channel'")},
        ${codes('equipment', "s.data -> '$.equipment'")},
        ${codes('topic', 's.topics')},
        ${codes('admin_topic', "s.data -> '$.adminTopics'")},
        ${codes('operator', 's.operators')},
        s.procedure_name,
        ${code('outcome', 's.outcome')},
        ${code('orientation', "s.data ->> '$.orientation'")},
        ${day('s.follow_up_due')},
        s.data ->> '$.followUp.reason',
        ${ms('s.follow_up_closed_at')},
        ${code('autonomy', "s.data ->> '$.autonomy'")},
        ${code('age_bracket', "s.data ->> '$.person.ageBracket'")},
        ${code('gender', "s.data ->> '$.person.gender'")},
        ${code('status', "s.data ->> '$.person.status'")},
        CASE WHEN ${INDIVIDUAL} THEN s.data ->> '$.person.communeCode' END,
        CASE WHEN ${INDIVIDUAL} THEN s.data ->> '$.person.firstVisit' END,
        s.workshop_title,
        ${code('workshop_level', "s.data ->> '$.workshop.level'")},
        s.participants,
        CASE WHEN ${WORKSHOP} THEN ${pairs('gender', "s.data -> '$.workshop.byGender'")} END,
        CASE WHEN ${WORKSHOP} THEN ${pairs('age_bracket', "s.data -> '$.workshop.byAge'")} END,
        CASE WHEN ${WORKSHOP} THEN ${pairs('status', "s.data -> '$.workshop.byStatus'")} END,
        s.notes,
        ${code('taxonomy_version', 's.taxonomy_version')},
        ${ms('s.created_at')},
        ${ms('s.updated_at')},
        ${ms('s.deleted_at')}
      FROM sessions s ORDER BY s.seq;

      CREATE TABLE session_operators_v2 (
        operator INTEGER NOT NULL,
        date INTEGER NOT NULL,
        seq INTEGER NOT NULL REFERENCES sessions_v2(seq) ON DELETE CASCADE,
        PRIMARY KEY (operator, date, seq)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO session_operators_v2 (operator, date, seq)
        SELECT ${code('operator', 'o.operator')}, ${day('o.date')}, o.seq FROM session_operators o ORDER BY 1, 2, 3;
      CREATE TABLE session_topics_v2 (
        topic INTEGER NOT NULL,
        date INTEGER NOT NULL,
        seq INTEGER NOT NULL REFERENCES sessions_v2(seq) ON DELETE CASCADE,
        PRIMARY KEY (topic, date, seq)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO session_topics_v2 (topic, date, seq)
        SELECT ${code('topic', 't.topic')}, ${day('t.date')}, t.seq FROM session_topics t ORDER BY 1, 2, 3;

      DROP TABLE session_operators;
      DROP TABLE session_topics;
      DROP TABLE sessions;
      ALTER TABLE sessions_v2 RENAME TO sessions;
      ALTER TABLE session_operators_v2 RENAME TO session_operators;
      ALTER TABLE session_topics_v2 RENAME TO session_topics;

      -- The same indexes as schema 1, under the same names (main/core/journal/journal-query.ts names them), now
      -- of small integers. Partial: a deleted session is in none of them but sessions_deleted. (An index of
      -- sessions ends with the rowid, seq: (kind, date) is (kind, date, seq).)
      CREATE INDEX sessions_by_date ON sessions(date, seq, duration_min) WHERE deleted_at IS NULL;
      CREATE INDEX sessions_by_duration ON sessions(duration_min, date, seq, kind, outcome, follow_up_due, follow_up_closed_at)
        WHERE deleted_at IS NULL;
      CREATE INDEX sessions_by_kind ON sessions(kind, date) WHERE deleted_at IS NULL;
      CREATE INDEX sessions_by_outcome ON sessions(outcome, date) WHERE deleted_at IS NULL;
      CREATE INDEX sessions_by_kind_outcome ON sessions(kind, outcome, date) WHERE deleted_at IS NULL;
      CREATE INDEX sessions_follow_up ON sessions(follow_up_due)
        WHERE follow_up_due IS NOT NULL AND follow_up_closed_at IS NULL AND deleted_at IS NULL;
      CREATE INDEX sessions_follow_up_by_date ON sessions(date)
        WHERE follow_up_due IS NOT NULL AND follow_up_closed_at IS NULL AND deleted_at IS NULL;
      CREATE INDEX sessions_deleted ON sessions(date, seq) WHERE deleted_at IS NOT NULL;
      CREATE INDEX session_operators_seq ON session_operators(seq);
      CREATE INDEX session_topics_seq ON session_topics(seq);
    `,
};
