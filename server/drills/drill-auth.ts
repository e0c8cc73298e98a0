import type { RouteAuth } from '../http/api-route';
import { callerToken } from '../http/auth-token';
import { ApiError } from '../http/http-errors';
import type { AppContext } from '../context';
import { authenticate, type Caller } from './drill.service';

export type TrainerCaller = Extract<Caller, { role: 'trainer' }>;
export type TraineeCaller = Extract<Caller, { role: 'trainee' }>;

/** What a drill route's parsed params and query offer for authentication. */
type DrillAuth<C> = RouteAuth<{ code: string }, { token?: string | undefined } | undefined, C>;

/**
 * The "who may call" options of drill routes. A token comes as `Authorization: Bearer`,
 * or as `?token=` on routes whose query declares it (links, EventSource).
 */
export function drillAuth(ctx: AppContext): { trainer: DrillAuth<TrainerCaller>; trainee: DrillAuth<TraineeCaller>; member: DrillAuth<Caller> } {
  const token = (request: Parameters<typeof callerToken>[0], query: { token?: string | undefined } | undefined) => callerToken(request, query?.token);
  return {
    trainer: {
      refusals: { 401: 'No token', 403: "Not this drill's trainer" },
      resolve: async ({ request, params, query }) => {
        const caller = await authenticate(ctx, params.code, token(request, query), 'trainer');
        if (caller.role !== 'trainer') throw new ApiError('drill/forbidden');
        return caller;
      },
    },
    trainee: {
      refusals: { 401: 'No token', 403: 'Not a trainee of this drill' },
      resolve: async ({ request, params, query }) => {
        const caller = await authenticate(ctx, params.code, token(request, query), 'trainee');
        if (caller.role !== 'trainee') throw new ApiError('drill/forbidden', 'this endpoint is for trainees');
        return caller;
      },
    },
    member: {
      refusals: { 401: 'No token', 403: 'Not a member of this drill' },
      resolve: async ({ request, params, query }) => authenticate(ctx, params.code, token(request, query), 'either'),
    },
  };
}
