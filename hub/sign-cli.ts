import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PACK_CHANNELS, signPack, type PackChannel } from '../shared/content/pack';

// `npm run content:sign`: the publisher's offline tool. `keygen` makes an Ed25519 key pair (the private key never leaves
// the publisher's machine; the public key is pinned in resources/content-keys/); otherwise it signs a pack of files.

const USAGE = `Usage:
  npm run content:sign -- keygen --key-id ID --out DIR
  npm run content:sign -- --channel ${PACK_CHANNELS.join('|')} --version N --expires YYYY-MM-DD --key-id ID --private-key FILE --out PACK.json PATH...`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'key-id': { type: 'string' },
    out: { type: 'string' },
    channel: { type: 'string' },
    version: { type: 'string' },
    expires: { type: 'string' },
    'private-key': { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`✖ ${message}\n${USAGE}`);
  process.exit(2);
}

function filesUnder(path: string, base: string, out: Map<string, Buffer>): void {
  if (statSync(path).isDirectory())
    for (const name of readdirSync(path).sort()) filesUnder(join(path, name), base, out);
  else out.set(relative(base, path).split('\\').join('/'), readFileSync(path));
}

const keyId = values['key-id'] ?? fail('--key-id is required');
if (!/^[a-z0-9-]{1,40}$/.test(keyId)) fail('--key-id: lower-case letters, digits and dashes');
const out = values.out ?? fail('--out is required');

if (positionals[0] === 'keygen') {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  mkdirSync(out, { recursive: true, mode: 0o700 });
  writeFileSync(join(out, `${keyId}.key.pem`), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(join(out, `${keyId}.pub.pem`), publicKey.export({ type: 'spki', format: 'pem' }));
  console.log(
    `Private key: ${join(out, `${keyId}.key.pem`)} (keep it offline). Public key to pin: ${join(out, `${keyId}.pub.pem`)}`,
  );
} else {
  const channel = values.channel as PackChannel;
  if (!PACK_CHANNELS.includes(channel)) fail('--channel is required');
  const version = Number(values.version);
  if (!Number.isInteger(version) || version < 1) fail('--version must be a whole number from 1');
  const expires =
    values.expires && /^\d{4}-\d{2}-\d{2}$/.test(values.expires) ? values.expires : fail('--expires YYYY-MM-DD');
  if (positionals.length === 0) fail('name the files or folders to pack');
  const files = new Map<string, Buffer>();
  for (const p of positionals) {
    const full = resolve(p);
    filesUnder(full, statSync(full).isDirectory() ? resolve(full, '..') : resolve(full, '..'), files);
  }
  const pack = signPack(
    {
      channel,
      version,
      issuedAt: new Date().toISOString(),
      expiresAt: new Date(`${expires}T23:59:59Z`).toISOString(),
      keyId,
    },
    files,
    readFileSync(values['private-key'] ?? fail('--private-key is required'), 'utf8'),
  );
  writeFileSync(out, JSON.stringify(pack));
  console.log(`Signed ${channel} pack v${version}: ${files.size} files → ${out}`);
}
