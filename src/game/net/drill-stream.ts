import type { DrillStatus, DrillTrainee, DrillView, FiredInject, TraineeProgress } from './api-client';

/**
 * Live drill events from the server (SSE). EventSource reconnects by itself and sends
 * the last event id, and the server replays what was missed; injects are still
 * de-duplicated here by id, so a game never applies one twice.
 */

export interface TraineeSnapshot {
  role: 'trainee';
  status: DrillStatus;
  seed: number;
  scenarioId: string;
  scenarioHash: string;
  firedInjects: FiredInject[];
  you: { traineeId: string; name: string; finished: boolean } | null;
}

export interface DrillHandlers {
  /** The drill's state on every (re)connect; injects in it are also passed to `inject`. */
  snapshot?(snapshot: TraineeSnapshot | (DrillView & { role: 'trainer' })): void;
  status?(status: DrillStatus): void;
  inject?(inject: { injectId: string; title: string }): void;
  /** Trainer only. */
  joined?(trainee: { traineeId: string; name: string }): void;
  progress?(progress: TraineeProgress & { traineeId: string; at: number }): void;
  finished?(result: { traineeId: string; score: number; grade: string }): void;
  /** The connection dropped; EventSource is retrying. */
  connection?(open: boolean): void;
}

export type { DrillTrainee };

export function openDrillStream(url: string, handlers: DrillHandlers, EventSourceImpl: typeof EventSource = EventSource): () => void {
  const source = new EventSourceImpl(url);
  const seenInjects = new Set<string>();
  const on = (kind: string, fn: (data: any) => void) =>
    source.addEventListener(kind, (event) => {
      fn(JSON.parse((event as MessageEvent<string>).data));
    });
  const inject = (data: { injectId: string; title: string }) => {
    if (seenInjects.has(data.injectId)) return;
    seenInjects.add(data.injectId);
    handlers.inject?.({ injectId: data.injectId, title: data.title });
  };
  on('snapshot', (data) => {
    handlers.snapshot?.(data);
    // A trainee who (re)connects late still gets every inject fired so far, once.
    if (data.role === 'trainee') for (const f of data.firedInjects as FiredInject[]) inject(f);
  });
  on('status', (data) => handlers.status?.(data.status));
  on('inject', inject);
  on('joined', (data) => handlers.joined?.(data));
  on('progress', (data) => handlers.progress?.(data));
  on('finished', (data) => handlers.finished?.(data));
  source.addEventListener('open', () => handlers.connection?.(true));
  source.addEventListener('error', () => handlers.connection?.(false));
  return () => source.close();
}
