import type { OutgoingHttpHeaders } from 'node:http';
import { drillEventSchema, drillParams, eventsQuery, type DrillEventData, type DrillEventKind } from '../../src/api/index';
import type { ApiRegistry } from '../http/api-route';
import type { AppContext } from '../context';
import { drillEventsAfter } from './drills.repository';
import type { DrillEvent } from './drill-bus';
import { drillAuth } from './drill-auth';
import { drillTimeline, drillView } from './drill.service';
import { ApiError } from '../http/http-errors';
import { SseConnection } from './sse-connection';
import type { StreamRegistry } from './stream-registry';

const TRAINEE_KINDS = ['status', 'inject'] as const;

/**
 * Live drill events as server-sent events. The first event is a `snapshot` (the
 * trainer's full view, or a trainee's own state); then control events (`status`,
 * `inject`, and for the trainer `joined`, `finished`) with their stored ids, and
 * `progress` for the trainer. A reconnecting client sends Last-Event-ID (EventSource
 * does so itself) and receives every control event it missed. Streams are capped per drill and
 * per address, and a client that stops reading is dropped rather than buffered for.
 */
export function drillEventRoutes(api: ApiRegistry, ctx: AppContext, streams: StreamRegistry, heartbeatMs: number): void {
  api.add(
    {
      method: 'GET',
      url: '/api/drills/:code/events',
      tag: 'drills',
      summary: 'Live drill events (text/event-stream) for the trainer or a trainee of this drill',
      params: drillParams,
      query: eventsQuery,
      auth: drillAuth(ctx).member,
      reply: {
        status: 200,
        description: 'An event stream: snapshot, status, inject, joined, progress, finished',
        contentType: 'text/event-stream',
        schema: drillEventSchema,
      },
      errors: { 429: { description: 'Too many event streams for this drill or from this address' } },
    },
    async ({ caller, query, request, reply }) => {
      const drill = caller.drill;
      const trainer = caller.role === 'trainer';
      const header = Number(request.headers['last-event-id']);
      const resumeAfter = query.lastEventId ?? (Number.isInteger(header) && header > 0 ? header : undefined);

      let end = () => {};
      const admission = streams.admit({ drillId: drill.id, address: request.ip, trainer, end: () => end() });
      if (!admission.ok) throw new ApiError('request/rate_limited', admission.reason);

      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        // Hijacked, so headers set on the reply (the security headers) are passed on by hand.
        ...(reply.getHeaders() as OutgoingHttpHeaders),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const connection = new SseConnection(raw, streams.limits.maxQueuedBytes, () =>
        request.log.warn({ drill: drill.code, trainer }, 'drill event stream dropped: client not reading'),
      );
      const write = <K extends DrillEventKind>(kind: K, data: DrillEventData<K>, id?: number) => connection.event(kind, data, id);

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
      // The bus was deaf for a while (PostgreSQL restarted): catch up from the stored events.
      const stopCatchUp = ctx.bus.onResume(() => {
        if (pending) return; // the backlog read below covers it
        drillEventsAfter(ctx.db, drill.id, sentUpTo, trainer ? undefined : TRAINEE_KINDS).then(
          (rows) => rows.forEach((row) => deliver({ drillId: drill.id, kind: row.kind as DrillEvent['kind'], id: row.id, trainerOnly: false, data: JSON.parse(row.payload) })),
          (err: unknown) => request.log.warn({ err }, 'drill event stream: catching up failed'),
        );
      });
      const heartbeat = setInterval(() => connection.send(': keep-alive\n\n'), heartbeatMs);
      end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        stopCatchUp();
        admission.release();
        connection.close();
      };
      raw.on('close', end);

      try {
        const backlog = await drillEventsAfter(ctx.db, drill.id, 0, trainer ? undefined : TRAINEE_KINDS);
        const lastId = backlog.reduce((max, e) => Math.max(max, e.id), 0);
        const timeline = trainer ? undefined : await drillTimeline(ctx, drill);
        const snapshot = !timeline
          ? { role: 'trainer' as const, ...(await drillView(ctx, drill)) }
          : {
              role: 'trainee' as const,
              code: drill.code,
              status: drill.status,
              scenarioId: drill.scenario_id,
              scenarioHash: drill.scenario_hash,
              seed: drill.seed,
              firedInjects: timeline.injects,
              endedAtSimT: timeline.endedAtSimT,
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
