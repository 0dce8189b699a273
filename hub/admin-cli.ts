import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { systemClock } from '../shared/ids';
import { createAdmin, type ScopeKind } from './admin';
import { defaultDataDir } from './config';
import { openHubDb } from './db/database';
import { HubError } from './errors';
import { createSnapshotFiles } from './snapshot-file';
import { createSnapshots } from './snapshots';
import { LIMITS } from './server';

// `npm run hub:admin -- <command> [options]`: the administrator's actions, on the hub's own machine (the database is
// the authority; there is no remote admin API to attack). Every action is written to the audit log.

const USAGE = `Usage: npm run hub:admin -- <command> [--data-dir DIR] [options]   (DATABASE_URL for PostgreSQL)
  site:create --name NAME --departement 69 [--epci 200046977]
  scope:create --name NAME --kind departement|epci|sites|national --codes 69,01 (national: FR)
  coordinator:create --scope SCOPE_ID --name NAME [--can-publish]
  coordinator:revoke ID | coordinator:rotate ID
  code:issue --site SITE_ID [--ttl-hours 72]
  desk:revoke DESK_ID | desk:rotate DESK_ID
  disclosure:set [--k 5] [--granularity month|week]
  sites:list | audit [--limit 50]
  import-snapshots FILE   (a desk's signed snapshot file, handed over by a coordinator)`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'data-dir': { type: 'string' },
    name: { type: 'string' },
    departement: { type: 'string' },
    epci: { type: 'string' },
    kind: { type: 'string' },
    codes: { type: 'string' },
    scope: { type: 'string' },
    site: { type: 'string' },
    'can-publish': { type: 'boolean', default: false },
    'ttl-hours': { type: 'string' },
    k: { type: 'string' },
    granularity: { type: 'string' },
    limit: { type: 'string' },
  },
});

function required(name: string, value: string | undefined): string {
  if (!value) throw new HubError(400, 'usage', `--${name} is required\n${USAGE}`);
  return value;
}

const [command, arg] = positionals;
const opened = await openHubDb({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: values['data-dir'] ?? defaultDataDir(),
  now: () => new Date().toISOString(),
});
const admin = createAdmin(opened.db, systemClock, `cli:${process.env.USER ?? 'unknown'}`);
const print = (value: unknown) => console.log(JSON.stringify(value, null, 2));

try {
  switch (command) {
    case 'site:create':
      print(
        await admin.createSite({
          name: required('name', values.name),
          departement: required('departement', values.departement),
          epci: values.epci,
        }),
      );
      break;
    case 'scope:create':
      print(
        await admin.createScope({
          name: required('name', values.name),
          kind: required('kind', values.kind) as ScopeKind,
          codes: required('codes', values.codes).split(','),
        }),
      );
      break;
    case 'coordinator:create':
      print(
        await admin.createCoordinator({
          scopeId: required('scope', values.scope),
          name: required('name', values.name),
          canPublish: values['can-publish'],
        }),
      );
      console.error('Give this credential to the coordinator now: it is not shown again.');
      break;
    case 'coordinator:revoke':
      await admin.revokeCoordinator(required('id', arg));
      print({ revoked: arg });
      break;
    case 'coordinator:rotate':
      print(await admin.rotateCoordinator(required('id', arg)));
      break;
    case 'code:issue':
      print(
        await admin.issueEnrollmentCode({
          siteId: required('site', values.site),
          ttlHours: values['ttl-hours'] ? Number(values['ttl-hours']) : undefined,
        }),
      );
      break;
    case 'desk:revoke':
      await admin.revokeDesk(required('id', arg));
      print({ revoked: arg });
      break;
    case 'desk:rotate':
      print(await admin.rotateDesk(required('id', arg)));
      break;
    case 'disclosure:set':
      print(
        await admin.setDisclosure({
          k: values.k === undefined ? undefined : Number(values.k),
          granularity: values.granularity as 'month' | 'week' | undefined,
        }),
      );
      break;
    case 'sites:list':
      print(await admin.listSites());
      break;
    case 'import-snapshots': {
      const path = required('file', arg);
      // The same size limit as the API's: an administrator's mistake (the wrong file) is refused, not read whole.
      if (statSync(path).size > LIMITS.snapshotFileBytes)
        throw new HubError(413, 'too_large', 'this file is too large to be a snapshot file');
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        throw new HubError(400, 'malformed_file', 'this is not a Médiane snapshot file, or it is damaged');
      }
      const files = createSnapshotFiles(opened.db, systemClock, createSnapshots(opened.db, systemClock));
      // The administrator of the hub, on its own machine: every scope.
      print(await files.importFile(raw, { actor: `cli:${process.env.USER ?? 'unknown'}`, scopeId: null }));
      break;
    }
    case 'audit':
      print(await admin.auditLog(values.limit ? Number(values.limit) : 50));
      break;
    default:
      throw new HubError(400, 'usage', command ? `unknown command ${command}\n${USAGE}` : USAGE);
  }
} catch (err) {
  console.error(`✖ ${err instanceof HubError ? err.message : (err as Error).message}`);
  process.exitCode = err instanceof HubError && err.code === 'usage' ? 2 : 1;
} finally {
  await opened.close();
}
