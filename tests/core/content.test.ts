import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core';
import type { PackHubClient } from '../../main/core/content/hub-client';
import { loadPinnedKeys, locatePinnedKeysDir } from '../../main/core/content/trusted-keys';
import { loadTrustedKeys } from '../../hub/config';
import type { HubTransportFactory } from '../../main/core/sync/http-transport';
import { signPack, type PackManifest, type SignedPack } from '../../shared/content/pack';
import { DESK_GUIDE } from '../../shared/guides/contract.examples';
import type { Guide } from '../../shared/guides/schema';
import type { JobView } from '../../shared/jobs/schema';
import { startTestHub, type TestHub } from '../hub/fixtures';
import { call, callResult, openCore, removeTempDirs, tempDir, testClock } from './helpers';

// Signed content packs on the desk, through the real boundary: install from a file and from an in-process hub,
// every refusal with its own message and nothing changed, the atomic switch (a crash before it keeps the previous
// content), and the guides and catalogue services reading what was installed.

const publisher = generateKeyPairSync('ed25519');
const PUBLIC_PEM = publisher.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const PRIVATE_PEM = publisher.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const STRANGER_PEM = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const KEY_ID = 'test-reseau';

const NOW = '2026-12-07T09:00:00.000Z';
const SHIPPED: Guide = { ...DESK_GUIDE, id: 'guide-livre-avec-app', title: 'Guide livré avec l’application' };
const packGuide = (version: number): Guide => ({
  ...DESK_GUIDE,
  id: 'guide-du-paquet',
  title: `Guide du paquet v${version}`,
});

function keysDir(): string {
  const dir = tempDir('mediane-content-keys-');
  writeFileSync(join(dir, `${KEY_ID}.pub.pem`), PUBLIC_PEM);
  return dir;
}

function shippedGuidesDir(): string {
  const dir = tempDir('mediane-content-shipped-');
  writeFileSync(join(dir, 'README.md'), '# guides\n');
  writeFileSync(join(dir, `${SHIPPED.id}.json`), JSON.stringify(SHIPPED));
  return dir;
}

type Meta = Partial<Omit<PackManifest, 'format' | 'files'>>;
function meta(version: number, extra: Meta = {}): Omit<PackManifest, 'format' | 'files'> {
  return {
    channel: 'guides',
    version,
    issuedAt: '2026-12-01T00:00:00.000Z',
    expiresAt: '2027-06-30T23:59:59.000Z',
    keyId: KEY_ID,
    ...extra,
  };
}

function guidesPack(version: number, extra: Meta = {}, key = PRIVATE_PEM): SignedPack {
  const g = packGuide(version);
  return signPack(meta(version, extra), new Map([[`guides/${g.id}.json`, Buffer.from(JSON.stringify(g))]]), key);
}

let opens: string[] = [];
function writePack(pack: unknown): string {
  const path = join(tempDir('mediane-content-file-'), 'paquet.json');
  writeFileSync(path, typeof pack === 'string' ? pack : JSON.stringify(pack));
  return path;
}

function desk(options: Parameters<typeof openCore>[0] = {}) {
  return openCore({
    clock: testClock(NOW),
    guidesDir: shippedGuidesDir(),
    contentKeysDir: keysDir(),
    dialogs: { pickSave: async () => null, pickOpen: async () => opens.shift() ?? null },
    ...options,
  });
}

async function ended(core: Core, jobId: string): Promise<JobView> {
  let view = await call(core, 'jobs.get', { id: jobId });
  while (view.state === 'running')
    view = await call(core, 'jobs.get', { id: jobId, afterVersion: view.version, waitMs: 5000 });
  return view;
}

async function installFile(core: Core, pack: unknown): Promise<JobView> {
  opens.push(writePack(pack));
  const source = await call(core, 'files.pickOpen', { purpose: 'contentPack' });
  const { jobId } = await call(core, 'content.installFile', { sourceId: source!.sourceId });
  return ended(core, jobId);
}

const guidesChannel = async (core: Core) =>
  (await call(core, 'content.status', {})).channels.find((c) => c.channel === 'guides')!;
const guideTitles = async (core: Core) => (await call(core, 'guides.list', {})).map((g) => g.title);

let core: Core & { dataDir: string };
afterEach(async () => {
  opens = [];
  await core?.close();
  removeTempDirs();
});

describe('the pinned keys', () => {
  it('ships the project’s public key, read alike by desks and the hub, and never a private key', () => {
    const dir = locatePinnedKeysDir();
    expect(dir).not.toBeNull();
    const keys = loadPinnedKeys(dir);
    expect(Object.keys(keys)).toContain('mediane-2026');
    expect(keys['mediane-2026']).toContain('BEGIN PUBLIC KEY');
    expect(loadTrustedKeys(dir!)).toEqual(keys);
    expect(readdirSync(dir!).filter((f) => !f.endsWith('.pub.pem'))).toEqual([]);
    for (const pem of Object.values(keys)) expect(pem).not.toContain('PRIVATE');
  });
});

describe('installing a signed guides pack from a file', () => {
  it('shows the shipped content at first, then the pack’s version, and serves the pack’s guides', async () => {
    core = desk();
    const before = await call(core, 'content.status', {});
    expect(before.trustedKeys).toEqual([KEY_ID]);
    expect(before.hubEnrolled).toBe(false);
    expect(before.channels.map((c) => [c.channel, c.supported, c.canRollBack, c.installed])).toEqual([
      ['guides', true, false, null],
      ['catalogue', true, false, null],
      ['diagnostic', false, false, null],
    ]);
    expect(await guideTitles(core)).toEqual([SHIPPED.title]);

    const job = await installFile(core, guidesPack(3));
    expect(job).toMatchObject({ state: 'done', result: { channel: 'guides', outcome: 'installed', version: 3 } });
    expect((await guidesChannel(core)).installed).toMatchObject({
      version: 3,
      keyId: KEY_ID,
      stale: false,
      files: 1,
      previousVersion: null,
      issuedAt: '2026-12-01T00:00:00.000Z',
      expiresAt: '2027-06-30T23:59:59.000Z',
    });
    // The pack replaces the shipped guides (its guides are read, validated, and served through the same service).
    expect(await guideTitles(core)).toEqual(['Guide du paquet v3']);
    expect((await call(core, 'guides.get', { id: 'guide-du-paquet' })).guide.title).toBe('Guide du paquet v3');

    // A newer one replaces it; the one it replaced is kept for a rollback, the one before that goes.
    expect(await installFile(core, guidesPack(4))).toMatchObject({ state: 'done', result: { version: 4 } });
    expect((await guidesChannel(core)).installed).toMatchObject({ version: 4, previousVersion: 3 });
    expect(await guideTitles(core)).toEqual(['Guide du paquet v4']);
    expect(await installFile(core, guidesPack(5))).toMatchObject({ state: 'done', result: { version: 5 } });
    const packs = () => readdirSync(join(core.dataDir, 'content', 'packs')).sort();
    expect(packs()).toEqual([expect.stringMatching(/^guides-v4-/), expect.stringMatching(/^guides-v5-/)]);
  });

  it('goes back to the previous guides pack, then to the shipped guides; a catalogue cannot go back in one click', async () => {
    core = desk();
    const rolled = await callResult(core, 'content.rollback', { channel: 'guides' });
    expect(rolled).toMatchObject({ ok: false, error: { code: 'not_found', messageKey: 'content.nothingToRollBack' } });
    await installFile(core, guidesPack(3));
    await installFile(core, guidesPack(4));
    expect(await guidesChannel(core)).toMatchObject({
      canRollBack: true,
      installed: { version: 4, previousVersion: 3 },
    });
    const back = await call(core, 'content.rollback', { channel: 'guides' });
    expect(back.channels[0]!.installed).toMatchObject({ version: 3, previousVersion: null });
    expect(await guideTitles(core)).toEqual(['Guide du paquet v3']);
    expect(readdirSync(join(core.dataDir, 'content', 'packs'))).toEqual([expect.stringMatching(/^guides-v3-/)]);
    // Version 4 is newer than the one in use again: it installs.
    expect(await installFile(core, guidesPack(4))).toMatchObject({ state: 'done' });
    await call(core, 'content.rollback', { channel: 'guides' });
    await call(core, 'content.rollback', { channel: 'guides' });
    expect((await guidesChannel(core)).installed).toBeNull();
    expect(await guideTitles(core)).toEqual([SHIPPED.title]);
    const catalogue = await callResult(core, 'content.rollback', { channel: 'catalogue' });
    expect(catalogue).toMatchObject({ ok: false, error: { messageKey: 'content.rollbackUnsupported' } });
  });

  it('installs an expired pack that is newer, shown as stale', async () => {
    core = desk();
    const job = await installFile(core, guidesPack(2, { expiresAt: '2026-11-30T23:59:59.000Z' }));
    expect(job).toMatchObject({ state: 'done', result: { version: 2, stale: true } });
    expect((await guidesChannel(core)).installed).toMatchObject({ version: 2, stale: true });
    expect(await guideTitles(core)).toEqual(['Guide du paquet v2']);
  });

  const tamperFile = () => {
    const p = guidesPack(5);
    const path = Object.keys(p.files)[0]!;
    p.files[path] = Buffer.from(JSON.stringify({ ...packGuide(5), title: 'Guide modifié' })).toString('base64');
    return p;
  };
  const tamperManifest = () => {
    const p = guidesPack(5);
    return { ...p, manifest: p.manifest.replace('"version":5', '"version":50') };
  };
  const withPath = (path: string) => {
    const p = guidesPack(5);
    return { ...p, files: { ...p.files, [path]: Buffer.from('{}').toString('base64') } };
  };
  /** A pack whose manifest lists a path outside the pack, correctly signed by the trusted key. */
  const traversal = () => {
    const data = Buffer.from(JSON.stringify(packGuide(5)));
    const good = signPack(meta(5), new Map([['guides/x.json', data]]), PRIVATE_PEM);
    const manifest = good.manifest.replace('"guides/x.json"', '"../../evil.json"');
    return { ...good, manifest, files: { '../../evil.json': good.files['guides/x.json']! } };
  };
  const invalidGuide = () =>
    signPack(meta(5), new Map([['guides/bad.json', Buffer.from(JSON.stringify({ id: 'bad' }))]]), PRIVATE_PEM);

  it.each([
    ['a tampered file', tamperFile, 'content.hashMismatch'],
    ['a tampered manifest', tamperManifest, 'content.badSignature'],
    ['a pack signed by a key this desk does not trust', () => guidesPack(5, {}, STRANGER_PEM), 'content.badSignature'],
    [
      'a pack naming a key this desk does not pin',
      () => guidesPack(5, { keyId: 'autre-editeur' }),
      'content.foreignKey',
    ],
    ['an older pack (rollback)', () => guidesPack(2), 'content.rolledBack'],
    ['the version already in use', () => guidesPack(3), 'content.alreadyInstalled'],
    ['an expired older pack', () => guidesPack(2, { expiresAt: '2026-01-31T23:59:59.000Z' }), 'content.expiredOlder'],
    ['a path leaving the pack', traversal, 'content.malformed'],
    ['a file the manifest does not list', () => withPath('guides/extra.json'), 'content.extraFile'],
    ['a file the manifest lists but the pack lacks', () => ({ ...guidesPack(5), files: {} }), 'content.missingFile'],
    ['a file that is not JSON', () => 'PK\u0003\u0004 not a pack', 'content.notJson'],
    ['JSON that is not a pack', () => ({ hello: 'world' }), 'content.malformed'],
    ['a signed pack whose guide is invalid', invalidGuide, 'content.invalidGuides'],
    [
      'a diagnosis pack (not supported on this desk)',
      () => signPack(meta(1, { channel: 'diagnostic' }), new Map([['q.json', Buffer.from('{}')]]), PRIVATE_PEM),
      'content.channelUnsupported',
    ],
  ])('refuses %s with its own message, and the content in use does not change', async (_label, make, key) => {
    core = desk();
    expect(await installFile(core, guidesPack(3))).toMatchObject({ state: 'done' });
    const before = await guidesChannel(core);
    const job = await installFile(core, make());
    expect(job.state).toBe('failed');
    expect(job.error?.messageKey).toBe(key);
    expect(await guidesChannel(core)).toEqual(before);
    expect(await guideTitles(core)).toEqual(['Guide du paquet v3']);
    const staging = join(core.dataDir, 'content', 'staging');
    expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
    expect(readdirSync(join(core.dataDir, 'content', 'packs'))).toHaveLength(1);
  });
});

describe('the atomic switch', () => {
  it('keeps the previous content when the desk stops between staging and switch, and sweeps the leftovers', async () => {
    let crash = false;
    const dataDir = tempDir();
    core = desk({
      dataDir,
      log: { error: () => undefined },
      contentBeforeSwitch: () => {
        if (crash) throw new Error('power cut');
      },
    });
    expect(await installFile(core, guidesPack(3))).toMatchObject({ state: 'done' });
    crash = true;
    const failed = await installFile(core, guidesPack(4));
    expect(failed.state).toBe('failed');
    // The new version's files were written and moved, but the pointer still names v3: v3 stays in use.
    expect(readdirSync(join(dataDir, 'content', 'packs'))).toHaveLength(2);
    expect((await guidesChannel(core)).installed?.previousVersion).toBeNull();
    expect((await guidesChannel(core)).installed?.version).toBe(3);
    expect(await guideTitles(core)).toEqual(['Guide du paquet v3']);
    await core.close();

    // The next start sweeps the folder no pointer names; v3 is still in use, and v4 installs normally.
    core = desk({ dataDir });
    expect(readdirSync(join(dataDir, 'content', 'packs'))).toHaveLength(1);
    expect((await guidesChannel(core)).installed?.version).toBe(3);
    expect(await guideTitles(core)).toEqual(['Guide du paquet v3']);
    expect(await installFile(core, guidesPack(4))).toMatchObject({ state: 'done', result: { version: 4 } });
  });

  it('falls back to the shipped content when the pointer file is damaged (never a lock-out)', async () => {
    const dataDir = tempDir();
    core = desk({ dataDir });
    expect(await installFile(core, guidesPack(3))).toMatchObject({ state: 'done' });
    await core.close();
    writeFileSync(join(dataDir, 'content', 'state.json'), '{"format":1,"chan');
    core = desk({ dataDir });
    expect((await guidesChannel(core)).installed).toBeNull();
    expect(await guideTitles(core)).toEqual([SHIPPED.title]);
  });
});

describe('a catalogue pack', () => {
  const XML_DIR = join(__dirname, '..', 'fixtures', 'catalogue', 'xml');
  const archive = () =>
    Buffer.from(
      zipSync({
        'F1341.xml': readFileSync(join(XML_DIR, 'F1341-3.3.xml')),
        'R42726.xml': readFileSync(join(XML_DIR, 'R42726-3.3.xml')),
        'arborescence.xml': Buffer.from('<Arborescence/>'),
      }),
    );

  it('imports its archives into the catalogue before switching, and refuses a pack with no archive', async () => {
    core = desk();
    const catalogue = (version: number, files: Map<string, Buffer>) =>
      signPack(meta(version, { channel: 'catalogue' }), files, PRIVATE_PEM);
    const empty = await installFile(core, catalogue(1, new Map([['lisez-moi.txt', Buffer.from('rien')]])));
    expect(empty.error?.messageKey).toBe('content.noArchives');
    const notArchive = await installFile(core, catalogue(1, new Map([['particuliers.zip', Buffer.from('no zip')]])));
    expect(notArchive.error?.messageKey).toBe('catalogue.notZip');
    expect((await call(core, 'content.status', {})).channels[1]!.installed).toBeNull();

    const job = await installFile(core, catalogue(7, new Map([['catalogue/particuliers.zip', archive()]])));
    expect(job).toMatchObject({ state: 'done', result: { channel: 'catalogue', version: 7 } });
    expect(await call(core, 'catalogue.status', {})).toMatchObject({ installed: true, demo: false });
    expect((await call(core, 'catalogue.entry', { id: 'F1341' })).id).toBe('F1341');
    expect((await call(core, 'content.status', {})).channels[1]!.installed).toMatchObject({ version: 7 });
  });
});

describe('from the desk’s hub', () => {
  let hub: TestHub;
  let down = false;
  const transport: HubTransportFactory = () => ({
    async enroll(request) {
      const res = await hub.app.inject({ method: 'POST', url: '/v1/enroll', payload: request });
      return { status: res.statusCode, body: res.json() };
    },
    async send() {
      throw new Error('not used here');
    },
  });
  const hubClient: PackHubClient = {
    async info(access, channel) {
      if (down) throw new Error('ECONNREFUSED');
      const res = await hub.app.inject({
        method: 'GET',
        url: `/v1/packs/${channel}`,
        headers: { authorization: `Bearer ${access.credential}` },
      });
      return { status: res.statusCode, body: res.json() };
    },
    async latest(access, channel) {
      const res = await hub.app.inject({
        method: 'GET',
        url: `/v1/packs/${channel}/latest`,
        headers: { authorization: `Bearer ${access.credential}` },
      });
      return { status: res.statusCode, body: res.json() };
    },
  };
  beforeAll(async () => {
    hub = await startTestHub('sqlite', { trustedKeys: { [KEY_ID]: PUBLIC_PEM } });
  });
  afterAll(async () => hub.close());

  async function checkHub(channel: 'guides' | 'catalogue'): Promise<JobView> {
    const { jobId } = await call(core, 'content.checkHub', { channel });
    return ended(core, jobId);
  }

  it('refuses before enrollment, then installs what the hub publishes, once, and says when it is up to date', async () => {
    core = desk({ syncTransport: transport, contentHub: hubClient });
    expect((await checkHub('guides')).error?.messageKey).toBe('content.notEnrolled');

    const site = await hub.admin.createSite({ name: 'France Services Lyon 3e', departement: '69' });
    const { code } = await hub.admin.issueEnrollmentCode({ siteId: site.id });
    await call(core, 'sync.enroll', { hubUrl: 'https://hub.example.fr', code });
    expect((await call(core, 'content.status', {})).hubEnrolled).toBe(true);
    expect(await checkHub('guides')).toMatchObject({ result: { outcome: 'nothingPublished', version: null } });

    const scope = await hub.admin.createScope({ name: 'Rhône', kind: 'departement', codes: ['69'] });
    const coord = await hub.admin.createCoordinator({ scopeId: scope.id, name: 'Réseau', canPublish: true });
    const published = await hub.app.inject({
      method: 'POST',
      url: '/v1/packs',
      headers: { authorization: `Bearer ${coord.credential}` },
      payload: guidesPack(6) as unknown as Record<string, unknown>,
    });
    expect(published.statusCode).toBe(200);

    expect(await checkHub('guides')).toMatchObject({ state: 'done', result: { outcome: 'installed', version: 6 } });
    expect(await guideTitles(core)).toEqual(['Guide du paquet v6']);
    expect(await checkHub('guides')).toMatchObject({ result: { outcome: 'upToDate', version: 6 } });

    down = true;
    expect((await checkHub('guides')).error?.messageKey).toBe('content.hubUnreachable');
    down = false;
    expect((await guidesChannel(core)).installed?.version).toBe(6);
  });

  it('refuses a pack of another channel than asked, a refused credential and a failing hub, changing nothing', async () => {
    const answers: Array<{ status: number; body: unknown }> = [];
    const scripted: PackHubClient = {
      info: async () => answers.shift()!,
      latest: async () => answers.shift()!,
    };
    core = desk({ syncTransport: transport, contentHub: scripted });
    const site = await hub.admin.createSite({ name: 'France Services Vénissieux', departement: '69' });
    const { code } = await hub.admin.issueEnrollmentCode({ siteId: site.id });
    await call(core, 'sync.enroll', { hubUrl: 'https://hub.example.fr', code });
    const catalogueAsGuides = signPack(
      meta(9, { channel: 'catalogue' }),
      new Map([['a.zip', Buffer.from('x')]]),
      PRIVATE_PEM,
    );
    answers.push({ status: 200, body: { channel: 'guides', version: 9 } }, { status: 200, body: catalogueAsGuides });
    expect((await checkHub('guides')).error?.messageKey).toBe('content.wrongChannel');
    answers.push({ status: 401, body: { error: 'invalid_credential' } });
    expect((await checkHub('guides')).error?.messageKey).toBe('content.hubRefused');
    answers.push({ status: 503, body: null });
    expect((await checkHub('catalogue')).error?.messageKey).toBe('content.hubFailed');
    answers.push(
      { status: 200, body: { channel: 'guides', version: 9 } },
      { status: 200, body: guidesPack(9, {}, STRANGER_PEM) },
    );
    expect((await checkHub('guides')).error?.messageKey).toBe('content.badSignature');
    const status = await call(core, 'content.status', {});
    expect(status.channels.map((c) => c.installed)).toEqual([null, null, null]);
  });
});
