import type { FastifyRequest } from 'fastify';
import { callerToken } from './auth-token';

/**
 * Per-route rate-limit classes, named where routes are declared (`rateLimit: 'perCaller'`).
 * Routes without a class share the app-wide per-address limit.
 */
export const RATE_LIMITS = {
  /** A classroom shares one address: limit per caller token instead of per IP. */
  perCaller: { max: 240, keyGenerator: (request: FastifyRequest) => `caller:${callerToken(request) ?? request.ip}` },
} as const;

export type RateLimitClass = keyof typeof RATE_LIMITS;
