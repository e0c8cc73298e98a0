import type { RouteAuth } from '../http/api-route';
import { callerToken } from '../http/auth-token';
import { ApiError } from '../http/http-errors';
import type { AppContext } from '../context';
import { findTraineeByToken } from './drills.repository';
import { liveDrillByCode, tokenHash, type Caller } from './drill.service';

export type TrainerCaller = Extract<Caller, { role: 'trainer' }>;
export type TraineeCaller = Extract<Caller, { role: 'trainee' }>;

/**
 * Who is calling, from their token. An unknown (or expired) code, a wrong token and a token of
 * another drill all get the same 403, after the same lookups: nobody learns from the answer
 * whether a code is in use or another drill's token is valid.
 */
export async function authenticate(ctx: AppContext, code: string, token: string | undefined, allow: 'trainer' | 'trainee' | 'either'): Promise<Caller> {
  if (!token) throw new ApiError('drill/unauthorized');
  const hash = tokenHash(token);
  const [drill, trainee] = await Promise.all([liveDrillByCode(ctx, code), allow !== 'trainer' ? findTraineeByToken(ctx.db, hash) : undefined]);
  if (drill && allow !== 'trainee' && hash === drill.trainer_token_hash) return { role: 'trainer', drill };
  if (drill && trainee && trainee.drill_id === drill.id) return { role: 'trainee', drill, trainee };
  throw new ApiError('drill/forbidden');
}

/** What a drill route's parsed params and query offer for authentication. */
type DrillAuth<C> = RouteAuth<{ code: string }, { token?: string | undefined } | undefined, C>;

/**
 * The "who may call" options of drill routes. A token comes as `Authorization: Bearer`; trainee
 * and member routes also take `?token=` where their query declares it (EventSource cannot send
 * headers); trainer routes refuse a token in the URL.
 */
export function drillAuth(ctx: AppContext): { trainer: DrillAuth<TrainerCaller>; trainee: DrillAuth<TraineeCaller>; member: DrillAuth<Caller> } {
  const token = (request: Parameters<typeof callerToken>[0], query: { token?: string | undefined } | undefined) => callerToken(request, query?.token);
  return {
    trainer: {
      refusals: { 400: 'The token was sent in the URL', 401: 'No token', 403: "No such drill, or not this drill's trainer" },
      resolve: async ({ request, params, query }) => {
        // Trainer pages fetch with the header (exports too, as a blob): a token in a URL leaks into logs, history and Referer.
        if (query?.token !== undefined) throw new ApiError('drill/token_in_url');
        const caller = await authenticate(ctx, params.code, callerToken(request), 'trainer');
        if (caller.role !== 'trainer') throw new ApiError('drill/forbidden');
        return caller;
      },
    },
    trainee: {
      refusals: { 401: 'No token', 403: 'No such drill, or not a trainee of this drill' },
      resolve: async ({ request, params, query }) => {
        const caller = await authenticate(ctx, params.code, token(request, query), 'trainee');
        if (caller.role !== 'trainee') throw new ApiError('drill/forbidden', 'this endpoint is for trainees');
        return caller;
      },
    },
    member: {
      refusals: { 401: 'No token', 403: 'No such drill, or not a member of this drill' },
      resolve: async ({ request, params, query }) => authenticate(ctx, params.code, token(request, query), 'either'),
    },
  };
}
