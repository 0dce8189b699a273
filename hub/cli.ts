import { parseArgs } from 'node:util';
import { systemClock } from '../shared/ids';
import { defaultDataDir, loadTrustedKeys } from './config';
import { openHubDb } from './db/database';
import { buildHub } from './server';

// `npm run hub [-- --port N --data-dir DIR --host H]`: a working hub on this machine with no set-up (SQLite in the data
// folder), or on PostgreSQL when DATABASE_URL is set. Prints its URL. Behind a reverse proxy for TLS in production.

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`✖ --port must be a number from 0 to 65535 (got ${values.port})`);
  process.exit(2);
}
const dataDir = values['data-dir'] ?? defaultDataDir();
let opened;
try {
  opened = await openHubDb({ databaseUrl: process.env.DATABASE_URL, dataDir, now: () => new Date().toISOString() });
} catch (err) {
  console.error(`✖ The hub could not open its database: ${(err as Error).message}`);
  process.exit(1);
}
const trustedKeys = loadTrustedKeys();
const app = await buildHub({ db: opened.db, clock: systemClock, trustedKeys, logger: false });
const address = await app.listen({ port, host: values.host });
console.log(
  `Médiane hub (${opened.dialect === 'sqlite' ? `SQLite in ${dataDir}` : 'PostgreSQL'}) serves ${address}/v1/`,
);
console.log(`OpenAPI: ${address}/v1/openapi.json · content publishers trusted: ${Object.keys(trustedKeys).length}`);

const stop = async () => {
  await app.close();
  await opened.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
