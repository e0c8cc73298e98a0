import { readEnv } from './config';
import { buildApp } from './app';

/**
 * Process entry: configuration from the environment, listen, and a graceful stop
 * on SIGINT/SIGTERM (in-flight requests finish, workers and connections close).
 */
let env: ReturnType<typeof readEnv>;
let app: Awaited<ReturnType<typeof buildApp>>;
try {
  env = readEnv(process.env);
  app = await buildApp({
    databaseUrl: env.DATABASE_URL,
    scenarios: env.SCENARIO_DIR,
    distDir: env.DIST_DIR,
    verifyWorkers: env.VERIFY_WORKERS,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    publicUrl: env.PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`,
    logLevel: env.LOG_LEVEL,
    trustProxy: env.TRUST_PROXY,
    authorKey: env.AUTHOR_KEY,
    allowBundledOverride: env.ALLOW_BUNDLED_OVERRIDE,
  });
} catch (err) {
  // Bad configuration, an unreachable database or a broken scenario file: say which, and stop.
  console.error(`surge-drill server cannot start: ${(err as Error).message}`);
  process.exit(1);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}

try {
  await app.listen({ port: env.PORT, host: env.HOST });
} catch (err) {
  app.log.error({ err }, 'could not start');
  await app.close();
  process.exit(1);
}
