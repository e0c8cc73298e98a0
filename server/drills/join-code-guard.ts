import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { ApiError } from '../http/http-errors';

/**
 * Failed drill lookups (unknown code, wrong token: 403 or 404 on a `/api/drills/:code…` route)
 * allowed per client address per window before that address is refused with 429. A classroom
 * behind one address mistypes a code now and then; an enumerator needs millions of guesses.
 * Counted per instance (in memory): behind a load balancer each instance grants its own budget.
 */
export const FAILED_CODE_LOOKUPS = 60;
export const FAILED_CODE_LOOKUP_WINDOW_S = 10 * 60;

const isCodeRoute = (request: FastifyRequest) => request.routeOptions.url?.startsWith('/api/drills/:code') === true;

/** Registers the hooks that count failed lookups and refuse addresses over budget; call before the drill routes. */
export function guardJoinCodes(app: FastifyInstance): void {
  const failures = new RateLimiterMemory({ points: FAILED_CODE_LOOKUPS, duration: FAILED_CODE_LOOKUP_WINDOW_S });
  app.addHook('preHandler', async (request) => {
    if (!isCodeRoute(request)) return;
    const state = await failures.get(request.ip);
    if (state && state.consumedPoints >= FAILED_CODE_LOOKUPS) {
      throw new ApiError('request/rate_limited', `too many failed drill lookups from this address; retry in ${Math.ceil(state.msBeforeNext / 1000)} s`);
    }
  });
  app.addHook('onResponse', async (request, reply) => {
    if (isCodeRoute(request) && (reply.statusCode === 403 || reply.statusCode === 404)) await failures.penalty(request.ip);
  });
}
