import type { FastifyRequest } from 'fastify';

/**
 * Progress posts have a per-address budget of their own, so that many (or fresh) trainee tokens
 * cannot escape it; a classroom shares one address and each trainee reports every few seconds,
 * so it is this multiple of the general per-address budget. Each trainee is further held to a
 * minimum interval between reports (drill.service).
 */
export const PROGRESS_ADDRESS_BUDGET_FACTOR = 2;

/**
 * Checking a draft parses and cross-checks a whole scenario file: an author's editor checks a
 * few times a minute, so a tenth of the general budget (at least this many) is plenty.
 */
export const SCENARIO_CHECK_BUDGET_DIVISOR = 10;
export const MIN_SCENARIO_CHECKS_PER_MINUTE = 30;

/**
 * Per-route rate-limit classes, named where routes are declared (`rateLimit: 'progressPerAddress'`).
 * Routes without a class share the app-wide per-address limit, `perMinute`.
 */
export function rateLimitClasses(perMinute: number) {
  return {
    /** Live progress: a budget per address that fresh tokens cannot escape. */
    progressPerAddress: { max: perMinute * PROGRESS_ADDRESS_BUDGET_FACTOR, keyGenerator: (request: FastifyRequest) => `progress:${request.ip}` },
    /** Checking and publishing scenario drafts. */
    scenarioChecks: {
      max: Math.max(MIN_SCENARIO_CHECKS_PER_MINUTE, Math.floor(perMinute / SCENARIO_CHECK_BUDGET_DIVISOR)),
      keyGenerator: (request: FastifyRequest) => `scenario-check:${request.ip}`,
    },
  } as const;
}

/** The app-wide per-address budget when none is configured (RATE_LIMIT_PER_MINUTE's default). */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;

export type RateLimitClasses = ReturnType<typeof rateLimitClasses>;
export type RateLimitClass = keyof RateLimitClasses;
