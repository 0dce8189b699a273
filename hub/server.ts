import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PACK_CHANNELS, SignedPack } from '../shared/content/pack';
import type { Clock } from '../shared/ids';
import {
  API_VERSION,
  ApiError,
  Consolidated,
  CoordinatorSummary,
  EnrollRequest,
  EnrollResponse,
  PackInfo,
  SnapshotFileReceipt,
  PeerBenchmarks,
  PeersQuery,
  SummaryQuery,
  UploadReceipt,
} from '../shared/sync/api';
import { Snapshot } from '../shared/sync/snapshot';
import type { HubDb } from './db/database';
import { createDesks, type CoordinatorIdentity, type DeskIdentity } from './desks';
import { HubError } from './errors';
import { createOpenData, TABLE_SCHEMA } from './open-data';
import { createPacks } from './packs';
import { createSnapshotFiles } from './snapshot-file';
import { createPeers } from './peers';
import { createSnapshots } from './snapshots';

// The hub's HTTP API, versioned under /v1. Every body and query is checked against the zod schemas of shared/ (the
// same ones desks use) and the OpenAPI description is generated from them. Errors are JSON ({error, message}), bodies
// are capped, clients are rate-limited, and nothing is stored unless the whole request is accepted.

export interface HubServerOptions {
  db: HubDb;
  clock: Clock;
  /** keyId → Ed25519 public key (PEM) of the content publishers this hub accepts. */
  trustedKeys?: Readonly<Record<string, string>>;
  /** Requests per minute per client address (enrollment has its own, stricter limit). */
  rateLimitPerMinute?: number;
  /** Enrollment attempts per minute per client address (codes are what an attacker would try to guess). */
  enrollPerMinute?: number;
  logger?: boolean;
}

export const LIMITS = {
  /** A snapshot is a few kilobytes; a busy site-year fits many times over. */
  snapshotBytes: 256 * 1024,
  defaultBytes: 16 * 1024,
  packBytes: 64 * 1024 * 1024,
  /** A desk's signed snapshot file: every snapshot it could not send (years of months still fit). */
  snapshotFileBytes: 8 * 1024 * 1024,
} as const;

declare module 'fastify' {
  interface FastifyRequest {
    identity?: DeskIdentity | CoordinatorIdentity;
  }
}

const errorResponses = {
  400: ApiError,
  401: ApiError,
  403: ApiError,
  404: ApiError,
  409: ApiError,
  413: ApiError,
  422: ApiError,
  429: ApiError,
};

export async function buildHub(options: HubServerOptions): Promise<FastifyInstance> {
  const { db, clock } = options;
  const desks = createDesks(db, clock);
  const snapshots = createSnapshots(db, clock);
  const packs = createPacks(db, clock, options.trustedKeys ?? {});
  const openData = createOpenData(db, clock);
  const snapshotFiles = createSnapshotFiles(db, clock, snapshots);
  const peers = createPeers(db, clock);

  const app = Fastify({ logger: options.logger ?? false, bodyLimit: LIMITS.defaultBytes, trustProxy: 'loopback' });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error: unknown, _req, reply) => {
    if (error instanceof HubError)
      return reply.status(error.status).send({
        error: error.code,
        message: error.message,
        ...(error.violations ? { violations: error.violations } : {}),
      });
    if (hasZodFastifySchemaValidationErrors(error))
      return reply.status(400).send({ error: 'invalid_request', message: 'the request does not match the API schema' });
    const e = error as { statusCode?: number; code?: string; message?: string };
    if (e.statusCode === 413)
      return reply.status(413).send({ error: 'too_large', message: 'the request body is too large' });
    if (e.statusCode === 429)
      return reply.status(429).send({ error: 'rate_limited', message: 'too many requests, retry later' });
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
      return reply.status(e.statusCode).send({ error: 'bad_request', message: 'the request could not be read' });
    app.log.error(error);
    return reply.status(500).send({ error: 'internal', message: 'the hub could not answer; nothing was stored' });
  });
  app.setNotFoundHandler((_req, reply) => reply.status(404).send({ error: 'not_found', message: 'no such endpoint' }));

  await app.register(rateLimit, {
    max: options.rateLimitPerMinute ?? 600,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      error: 'rate_limited',
      message: `too many requests, retry in ${Math.ceil(ctx.ttl / 1000)} s`,
    }),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Médiane hub',
        description: 'Anonymised statistics of public help desks, consolidated for coordinators, and open data.',
        version: API_VERSION,
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });

  const bearer = (req: FastifyRequest) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]{10,120})$/.exec(header);
    return match?.[1] ?? null;
  };
  const authenticate = (kind: 'desk' | 'coordinator' | 'any') => async (req: FastifyRequest, reply: FastifyReply) => {
    const token = bearer(req);
    if (!token) return reply.status(401).send({ error: 'no_credential', message: 'a bearer credential is required' });
    const identity = await desks.identify(token);
    if (!identity)
      return reply.status(401).send({ error: 'invalid_credential', message: 'this credential is unknown or revoked' });
    if (kind !== 'any' && identity.kind !== kind)
      return reply.status(403).send({ error: 'wrong_role', message: `this endpoint is for ${kind}s` });
    req.identity = identity;
  };

  const api = app.withTypeProvider<ZodTypeProvider>();
  const prefix = `/${API_VERSION}`;

  api.get(`${prefix}/openapi.json`, { schema: { hide: true } }, async () => app.swagger());

  api.get(
    `${prefix}/health`,
    { schema: { response: { 200: z.object({ status: z.literal('ok'), version: z.string() }) } } },
    async () => ({ status: 'ok' as const, version: API_VERSION }),
  );

  api.post(
    `${prefix}/enroll`,
    {
      config: { rateLimit: { max: options.enrollPerMinute ?? 10, timeWindow: '1 minute' } },
      schema: { body: EnrollRequest, response: { 200: EnrollResponse, ...errorResponses } },
    },
    async (req) => desks.enroll(req.body.code, req.body.publicKey),
  );

  api.post(
    `${prefix}/snapshots`,
    {
      bodyLimit: LIMITS.snapshotBytes,
      onRequest: authenticate('desk'),
      schema: { security: [{ bearer: [] }], body: Snapshot, response: { 200: UploadReceipt, ...errorResponses } },
    },
    async (req) => snapshots.upload(req.identity as DeskIdentity, req.body),
  );

  api.get(
    `${prefix}/coordinator/summary`,
    {
      onRequest: authenticate('coordinator'),
      schema: {
        security: [{ bearer: [] }],
        querystring: SummaryQuery,
        response: { 200: CoordinatorSummary, ...errorResponses },
      },
    },
    async (req) => snapshots.summary((req.identity as CoordinatorIdentity).scopeId, req.query.from, req.query.to),
  );

  api.get(
    `${prefix}/coordinator/sites/:siteId`,
    {
      onRequest: authenticate('coordinator'),
      schema: {
        security: [{ bearer: [] }],
        params: z.object({ siteId: z.uuid() }).strict(),
        querystring: SummaryQuery,
        response: { 200: Consolidated, ...errorResponses },
      },
    },
    async (req) =>
      snapshots.site((req.identity as CoordinatorIdentity).scopeId, req.params.siteId, req.query.from, req.query.to),
  );

  // A desk's signed snapshot file, handed over by a coordinator (hub/snapshot-file.ts checks it whole: the body is
  // only required to be a JSON object here, so that an unsigned file gets its own clear refusal).
  api.post(
    `${prefix}/coordinator/snapshot-files`,
    {
      bodyLimit: LIMITS.snapshotFileBytes,
      onRequest: authenticate('coordinator'),
      schema: {
        security: [{ bearer: [] }],
        body: z.record(z.string(), z.unknown()).describe('a signed snapshot file (mediane-snapshots/2)'),
        response: { 200: SnapshotFileReceipt, ...errorResponses },
      },
    },
    async (req) => {
      const coordinator = req.identity as CoordinatorIdentity;
      return snapshotFiles.importFile(req.body, {
        actor: `coordinator:${coordinator.id}`,
        scopeId: coordinator.scopeId,
      });
    },
  );

  // Peer benchmarks for a diagnosis: any enrolled desk may ask about any group (the figures are released means only).
  api.get(
    `${prefix}/peers`,
    {
      onRequest: authenticate('desk'),
      schema: {
        security: [{ bearer: [] }],
        querystring: PeersQuery,
        response: { 200: PeerBenchmarks, ...errorResponses },
      },
    },
    async (req) => peers.benchmarks(req.query),
  );

  const Channel = z.object({ channel: z.enum(PACK_CHANNELS) }).strict();
  api.post(
    `${prefix}/packs`,
    {
      bodyLimit: LIMITS.packBytes,
      onRequest: authenticate('coordinator'),
      schema: { security: [{ bearer: [] }], body: SignedPack, response: { 200: PackInfo, ...errorResponses } },
    },
    async (req, reply) => {
      if (!(req.identity as CoordinatorIdentity).canPublish)
        return reply.status(403).send({ error: 'cannot_publish', message: 'this coordinator may not publish packs' });
      return packs.publish(req.body);
    },
  );
  api.get(
    `${prefix}/packs/:channel`,
    { onRequest: authenticate('any'), schema: { params: Channel, response: { 200: PackInfo, ...errorResponses } } },
    async (req, reply) => {
      const info = await packs.info(req.params.channel);
      return info ?? reply.status(404).send({ error: 'no_pack', message: 'nothing published on this channel yet' });
    },
  );
  api.get(
    `${prefix}/packs/:channel/latest`,
    { onRequest: authenticate('any'), schema: { params: Channel, response: { 200: SignedPack, ...errorResponses } } },
    async (req, reply) => {
      const pack = await packs.download(req.params.channel);
      return pack ?? reply.status(404).send({ error: 'no_pack', message: 'nothing published on this channel yet' });
    },
  );

  api.get(
    `${prefix}/open-data`,
    {
      schema: {
        response: {
          200: z.object({
            licence: z.string(),
            schema: z.string(),
            periods: z.array(z.object({ period: z.string(), csv: z.string() })),
          }),
        },
      },
    },
    async () => ({
      licence: 'Licence Ouverte / Open Licence 2.0',
      schema: `${prefix}/open-data/schema.json`,
      periods: (await openData.periods()).map((period) => ({ period, csv: `${prefix}/open-data/${period}.csv` })),
    }),
  );
  api.get(`${prefix}/open-data/schema.json`, { schema: { hide: true } }, async () => TABLE_SCHEMA);
  api.get(
    `${prefix}/open-data/:file`,
    { schema: { params: z.object({ file: z.string().regex(/^\d{4}-(\d{2}|W\d{2})\.csv$/) }) } },
    async (req, reply) => {
      const csv = await openData.csv(req.params.file.replace(/\.csv$/, ''));
      if (csv === null)
        return reply.status(404).send({ error: 'not_published', message: 'this period is not published' });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${req.params.file}"`)
        .send(csv);
    },
  );

  return app;
}
