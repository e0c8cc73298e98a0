/*
 * Why Fastify (over Hono or Express): the app is a plugin tree with explicit lifecycle
 * hooks (migrations before listen, workers and the LISTEN connection closed on close),
 * `inject()` lets tests call the real app without a socket, pino structured logs and
 * body limits are built in, and the maintained @fastify/rate-limit and @fastify/static
 * cover the rest. Node is already our runtime for the core's replay, so a Node-first
 * framework costs nothing in portability we need.
 */
import rateLimit from '@fastify/rate-limit';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import fp from 'fastify-plugin';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { ApiRegistry } from './http/api-route';
import type { AppContext } from './context';
import type { TrustProxy } from './config';
import { isDatabaseUnavailable, openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { memoryDrillBus, postgresDrillBus } from './drills/drill-bus';
import { ApiError, type ErrorBody } from './http/http-errors';
import { docsRoutes } from './http/docs.routes';
import { drillEventRoutes } from './drills/drill-events.routes';
import { DRILL_OFFLINE_GRACE_MS } from './drills/drill-clock';
import { DEFAULT_STREAM_LIMITS, StreamRegistry, type StreamLimits } from './drills/stream-registry';
import { drillRoutes } from './drills/drills.routes';
import { guardJoinCodes } from './drills/join-code-guard';
import { gameRoutes } from './http/game.routes';
import { healthRoutes } from './http/health.routes';
import { securityHeaders } from './http/security-headers';
import { boardCache } from './leaderboards/board-cache.setup';
import { leaderboardRoutes } from './leaderboards/leaderboards.routes';
import { runRoutes } from './runs/runs.routes';
import { reviewPageRoute, runSharingRoutes } from './runs/run-sharing.routes';
import { scenarioRoutes } from './scenarios/scenarios.routes';
import { watchScenarioChanges } from './scenarios/scenario-changes';
import { ScenarioStore } from './scenarios/scenario-store';
import { loadScenarioCatalog, type ScenarioCatalog } from './scenarios/scenarios.service';
import { ReplayPool } from './verify/replay.pool';

/** Missing paths a client may request per minute: a tenth of its general budget, at least this many. */
const NOT_FOUND_BUDGET_DIVISOR = 10;
const MIN_NOT_FOUND_PER_MINUTE = 10;

/** Only for embedders that set no public URL (tests); the process entry always passes one. */
const DEFAULT_PUBLIC_URL = 'http://localhost';

export interface AppOptions {
  /** `sqlite:PATH`, `sqlite::memory:` or `postgres://…`. */
  databaseUrl: string;
  /** The scenarios directory, or an already-built catalogue (tests). */
  scenarios: string | ScenarioCatalog;
  distDir: string;
  verifyWorkers: number;
  /** Requests per minute per client address. */
  rateLimitPerMinute: number;
  /** Where clients reach the server; xAPI activity IRIs are built on it, never on the request's Host header. */
  publicUrl?: string;
  /** Replays waiting beyond this answer 503 instead of queueing without bound. */
  verifyMaxQueue?: number;
  verifyTimeoutMs?: number;
  sseHeartbeatMs?: number;
  /** Caps on live event streams (defaults suit a classroom behind one address). */
  streamLimits?: Partial<StreamLimits>;
  /** How long after a drill ends its runs are still accepted (default DRILL_OFFLINE_GRACE_MS). */
  drillOfflineGraceMs?: number;
  /** The clock ranked attempts and drills are timed by (default: the system clock); tests move their own. */
  now?: () => number;
  /** The author key that allows publishing scenarios (AUTHOR_KEY); publishing is off without one. */
  authorKey?: string;
  /** Whether a published scenario may take the id of one the game ships (ALLOW_BUNDLED_OVERRIDE). */
  allowBundledOverride?: boolean;
}

/**
 * The whole service as a Fastify plugin: external plugins, then app services, then
 * routes. Not encapsulated (fastify-plugin), so its error and not-found handlers
 * govern the whole server.
 */
async function surgeDrillApp(app: FastifyInstance, options: AppOptions): Promise<void> {
  // Scenarios first: a broken file stops the start before anything is opened or created.
  const catalog = typeof options.scenarios === 'string' ? loadScenarioCatalog(options.scenarios) : options.scenarios;
  const database = openDatabase(options.databaseUrl, { onPoolError: (err) => app.log.warn({ err }, 'database connection lost; the pool will reconnect') });
  app.addHook('onClose', async () => database.db.destroy());
  const applied = await migrateToLatest(database.db);
  if (applied.length > 0) app.log.info({ migrations: applied }, 'database migrated');

  const scenarios = new ScenarioStore(database.db, {
    bundledIds: catalog.bundledIds,
    allowBundledOverride: options.allowBundledOverride ?? false,
    onUnreadable: (key, reason) => app.log.warn({ scenario: key, reason }, 'a kept scenario version no longer loads; left off the list'),
    ...(database.dataVersion ? { dataVersion: database.dataVersion } : {}),
  });
  const scenarioChanges = await watchScenarioChanges(database, scenarios, app.log);
  app.addHook('onClose', async () => scenarioChanges.close());
  await scenarios.keepStartupFiles(catalog);

  const verifier = new ReplayPool(catalog.entries, {
    size: options.verifyWorkers,
    maxQueue: options.verifyMaxQueue ?? 64 * options.verifyWorkers,
    timeoutMs: options.verifyTimeoutMs ?? 15_000,
  });
  app.addHook('onClose', async () => verifier.close());
  const bus = database.kind === 'postgres' ? await postgresDrillBus(database.url, database.db, app.log) : memoryDrillBus();
  app.addHook('onClose', async () => bus.close());
  const boards = await boardCache(database, app.log);
  app.addHook('onClose', async () => boards.close());
  const ctx: AppContext = { db: database.db, databaseKind: database.kind, scenarios, verifier, bus, boards: boards.cache, now: options.now ?? (() => Date.now()) };

  // Event streams never finish on their own; end them first so close() does not wait for clients.
  const streams = new StreamRegistry({ ...DEFAULT_STREAM_LIMITS, ...options.streamLimits });
  app.addHook('preClose', async () => streams.endAll());

  await securityHeaders(app);
  await app.register(rateLimit, {
    global: true,
    max: options.rateLimitPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'request/rate_limited',
      message: `too many requests; retry in ${context.after}`,
    }),
  });

  app.setErrorHandler((rawError: FastifyError | ApiError, request, reply) => {
    // A database that is restarting or unreachable is a 503 to retry, not a 500.
    const error = isDatabaseUnavailable(rawError) ? new ApiError('database/unavailable') : rawError;
    if (error !== rawError) request.log.warn({ err: rawError }, 'database unavailable');
    let status: number;
    let body: ErrorBody;
    if (error instanceof ApiError) {
      status = error.statusCode;
      body = { code: error.code, message: error.message, ...error.extra };
      if (status === 503) reply.header('retry-after', '2');
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      status = error.statusCode;
      const code =
        error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'request/too_large' : status === 429 ? 'request/rate_limited' : 'request/invalid';
      body = { code, message: error.message };
    } else {
      // Anything else is our fault: log it in full, tell the client nothing about it.
      request.log.error({ err: error }, 'request failed');
      status = 500;
      body = { code: 'server/error', message: 'internal server error' };
    }
    if (status >= 500 && !(error instanceof ApiError)) status = 500;
    return reply.code(status).send(body);
  });

  const api = new ApiRegistry(app, { rateLimitPerMinute: options.rateLimitPerMinute });
  healthRoutes(api, ctx);
  scenarioRoutes(api, ctx, { authorKey: options.authorKey });
  runRoutes(api, ctx);
  runSharingRoutes(api, ctx);
  reviewPageRoute(app);
  leaderboardRoutes(api, ctx);
  guardJoinCodes(app);
  drillRoutes(api, ctx, { publicUrl: options.publicUrl ?? DEFAULT_PUBLIC_URL, offlineGraceMs: options.drillOfflineGraceMs ?? DRILL_OFFLINE_GRACE_MS });
  drillEventRoutes(api, ctx, streams, options.sseHeartbeatMs ?? 15_000);
  docsRoutes(api);
  await gameRoutes(app, options.distDir);

  // Probing for endpoints is rate-limited harder than normal use.
  // Its own counter: a GET that reaches the static files' wildcard route was already counted by the
  // global limit, and @fastify/rate-limit runs once per request, so a second limiter there never ran.
  const notFoundPerMinute = Math.max(MIN_NOT_FOUND_PER_MINUTE, Math.floor(options.rateLimitPerMinute / NOT_FOUND_BUDGET_DIVISOR));
  const notFound = new RateLimiterMemory({ points: notFoundPerMinute, duration: 60 });
  app.setNotFoundHandler(async (request, reply) => {
    const allowed = await notFound.consume(request.ip).then(
      () => true,
      () => false,
    );
    if (!allowed) throw new ApiError('request/rate_limited', 'too many requests for missing paths');
    reply.code(404);
    return { code: 'request/not_found', message: `no such endpoint: ${request.method} ${request.url.split('?')[0]}` } satisfies ErrorBody;
  });
}

const surgeDrill = fp(surgeDrillApp, { name: 'surge-drill', fastify: '5.x' });
export default surgeDrill;

/** Query parameter names whose values never reach the logs (compared after percent-decoding, as the router does). */
const SECRET_PARAMS = new Set(['token']);

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}

/**
 * Drops token values from logged URLs: tokens travel in query strings only where headers are
 * impossible. Names are decoded first, so `?%74oken=…` (which the router reads as `token`) is caught too.
 */
export function redactUrl(url: string): string {
  const cut = url.indexOf('?');
  if (cut < 0) return url;
  const params = url
    .slice(cut + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return SECRET_PARAMS.has(decodedName(name)) ? `${name}=[redacted]` : pair;
    });
  return `${url.slice(0, cut)}?${params.join('&')}`;
}

export type BuildOptions = AppOptions & {
  logLevel?: string;
  /** Honour X-Forwarded-For from this many proxy hops, or from these proxy addresses (see config). */
  trustProxy?: TrustProxy;
};

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/** Creates the Fastify instance (logging, limits, timeouts) and registers the app plugin. */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const logger: FastifyServerOptions['logger'] =
    options.logLevel === 'silent'
      ? false
      : {
          level: options.logLevel ?? 'info',
          redact: ['req.headers.authorization'],
          serializers: {
            req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: redactUrl(req.url), ip: req.ip }),
          },
        };
  const app = Fastify({
    logger,
    // A hop count as proxy-addr's function form: trust the `hops` nearest addresses in the chain.
    trustProxy: typeof options.trustProxy === 'number' ? trustHops(options.trustProxy) : (options.trustProxy ?? false),
    // JSON bodies other than run records are small; run routes raise their own limit.
    bodyLimit: 16 * 1024,
    // A client has 30 s to send its request (slow-loris guard); idle keep-alive sockets close after 72 s.
    requestTimeout: 30_000,
    keepAliveTimeout: 72_000,
    connectionTimeout: 120_000,
    routerOptions: { maxParamLength: 120 },
  });
  const { logLevel: _logLevel, trustProxy: _trustProxy, ...appOptions } = options;
  await app.register(surgeDrill, appOptions);
  return app;
}
