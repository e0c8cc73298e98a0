import type { FastifyInstance } from 'fastify';
import type { ApiRegistry } from '../http/api-route';
import { drillParams, errorSchema, eventsQuery } from '../api.schemas';
import type { AppContext } from '../context';
import { drillEventsAfter } from './drills.repository';
import type { DrillEvent } from './drill-bus';
import { authenticate, drillView, firedInjects } from './drill.service';
import { callerToken } from '../http/auth-token';

/** Open event streams, ended before the server closes so shutdown does not wait on them. */
export type StreamRegistry = Set<() => void>;

const TRAINEE_KINDS = ['status', 'inject'] as const;

/**
 * Live drill events as server-sent events. The first event is a `snapshot` (the
 * trainer's full view, or a trainee's own state); then control events (`status`,
 * `inject`, and for the trainer `joined`, `finished`) with their stored ids, and
 * `progress` for the trainer. A reconnecting client sends Last-Event-ID (EventSource
 * does so itself) and receives every control event it missed.
 */
export function drillEventRoutes(app: FastifyInstance, api: ApiRegistry, ctx: AppContext, streams: StreamRegistry, heartbeatMs: number): void {
  api.add(
    app,
    {
      method: 'GET',
      url: '/api/drills/:code/events',
      tag: 'drills',
      summary: 'Live drill events (text/event-stream) for the trainer or a trainee of this drill',
      params: drillParams,
      query: eventsQuery,
      auth: 'trainer-or-trainee',
      responses: {
        200: { description: 'An event stream: snapshot, status, inject, joined, progress, finished', contentType: 'text/event-stream' },
        401: { description: 'No token', schema: errorSchema },
        403: { description: 'Not a member of this drill', schema: errorSchema },
      },
    },
    async ({ params, query, request, reply }) => {
      const caller = await authenticate(ctx, params.code, callerToken(request, query.token), 'either');
      const drill = caller.drill;
      const trainer = caller.role === 'trainer';
      const header = Number(request.headers['last-event-id']);
      const resumeAfter = query.lastEventId ?? (Number.isInteger(header) && header > 0 ? header : undefined);

      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const write = (kind: string, data: unknown, id?: number) => {
        raw.write(`${id !== undefined ? `id: ${id}\n` : ''}event: ${kind}\ndata: ${JSON.stringify(data)}\n\n`);
      };

      // Subscribe before reading the backlog so nothing falls between them; buffer until the snapshot is out.
      let sentUpTo = 0;
      let pending: DrillEvent[] | undefined = [];
      const deliver = (event: DrillEvent) => {
        if (event.trainerOnly && !trainer) return;
        if (event.id !== undefined) {
          if (event.id <= sentUpTo) return;
          sentUpTo = event.id;
        }
        write(event.kind, event.data, event.id);
      };
      const unsubscribe = ctx.bus.subscribe(drill.id, (event) => (pending ? pending.push(event) : deliver(event)));
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), heartbeatMs);
      const end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(end);
        raw.end();
      };
      streams.add(end);
      request.raw.on('close', end);

      try {
        const backlog = await drillEventsAfter(ctx.db, drill.id, 0, trainer ? undefined : TRAINEE_KINDS);
        const lastId = backlog.reduce((max, e) => Math.max(max, e.id), 0);
        const snapshot = trainer
          ? { role: 'trainer', ...(await drillView(ctx, drill)) }
          : {
              role: 'trainee',
              code: drill.code,
              status: drill.status,
              scenarioId: drill.scenario_id,
              scenarioHash: drill.scenario_hash,
              seed: drill.seed,
              firedInjects: await firedInjects(ctx, drill),
              you: caller.role === 'trainee' ? { traineeId: caller.trainee.id, name: caller.trainee.name, finished: caller.trainee.run_hash !== null } : null,
            };
        write('snapshot', { ...snapshot, lastEventId: lastId }, lastId > 0 ? lastId : undefined);
        if (resumeAfter !== undefined) {
          for (const row of backlog) {
            if (row.id > resumeAfter) write(row.kind, JSON.parse(row.payload), row.id);
          }
        }
        sentUpTo = lastId;
        const buffered = pending;
        pending = undefined;
        for (const event of buffered) deliver(event);
      } catch (err) {
        request.log.error({ err }, 'drill event stream failed');
        end();
      }
    },
  );
}
