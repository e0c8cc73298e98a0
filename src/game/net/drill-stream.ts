import type { DrillEventData, DrillEventKind, DrillStatus, DrillTraineeView, TraineeSnapshot, TrainerSnapshot } from '../../api/index';

/**
 * Live drill events from the server (SSE). EventSource reconnects by itself and sends
 * the last event id, and the server replays what was missed; injects are still
 * de-duplicated here by id, so a game never applies one twice.
 */

export type { TraineeSnapshot, TrainerSnapshot };

export interface DrillHandlers {
  /** The drill's state on every (re)connect; injects in it are also passed to `inject`. */
  snapshot?(snapshot: DrillEventData<'snapshot'>): void;
  /** `simT`: where the drill's clock stood when the status changed. */
  status?(status: DrillStatus, simT: number): void;
  inject?(inject: DrillEventData<'inject'>): void;
  /** Trainer only. */
  joined?(trainee: DrillEventData<'joined'>): void;
  progress?(progress: DrillEventData<'progress'>): void;
  finished?(result: DrillEventData<'finished'>): void;
  /** The connection dropped; EventSource is retrying. */
  connection?(open: boolean): void;
}

export type { DrillTraineeView as DrillTrainee };

export function openDrillStream(url: string, handlers: DrillHandlers, EventSourceImpl: typeof EventSource = EventSource): () => void {
  const source = new EventSourceImpl(url);
  const seenInjects = new Set<string>();
  // The server writes each event's data from its schema in src/api; the types say so here.
  const on = <K extends DrillEventKind>(kind: K, fn: (data: DrillEventData<K>) => void) =>
    source.addEventListener(kind, (event) => {
      fn(JSON.parse((event as MessageEvent<string>).data) as DrillEventData<K>);
    });
  const inject = (data: DrillEventData<'inject'>) => {
    if (seenInjects.has(data.injectId)) return;
    seenInjects.add(data.injectId);
    handlers.inject?.({ injectId: data.injectId, title: data.title, simT: data.simT });
  };
  on('snapshot', (data) => {
    handlers.snapshot?.(data);
    // A trainee who (re)connects late still gets every inject fired so far, once.
    if (data.role === 'trainee') for (const f of data.firedInjects) inject(f);
  });
  on('status', (data) => handlers.status?.(data.status, data.simT));
  on('inject', inject);
  on('joined', (data) => handlers.joined?.(data));
  on('progress', (data) => handlers.progress?.(data));
  on('finished', (data) => handlers.finished?.(data));
  source.addEventListener('open', () => handlers.connection?.(true));
  source.addEventListener('error', () => handlers.connection?.(false));
  return () => source.close();
}
