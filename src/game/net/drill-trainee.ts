import type { RunController } from '../run/run-controller';
import type { ApiClient, DrillJoined, DrillStatus } from './api-client';
import { openDrillStream } from './drill-stream';
import { statusOf, type SubmitStatus } from './ranked-attempts';
import type { RunQueue } from './run-queue';

/** How often a trainee's game reports live progress to the trainer, in real milliseconds. */
export const PROGRESS_EVERY_MS = 4_000;

export interface DrillTraineeHooks {
  /** The trainer started the drill: the game should start the run (once). */
  start(): void;
  /** Something the trainee should hear about (pause, resume, an inject, the end). */
  say(message: string, urgent?: boolean): void;
  /** The drill's status changed. */
  status?(status: DrillStatus): void;
  /** The final run's trip to the server. */
  submitted?(status: SubmitStatus): void;
}

/**
 * A trainee's side of a drill, alive from joining until the run is submitted. It
 * follows the trainer's commands from the event stream: start, pause, resume, end,
 * and injects, which enter the run as `inject.fire` actions at the trainee's own sim
 * time (so the run record replays exactly). It reports live progress and, when the
 * shift is over, sends the run through the offline-safe queue.
 */
export class DrillTrainee {
  private run: RunController | undefined;
  private status: DrillStatus;
  private readonly waitingInjects: { injectId: string; title: string }[] = [];
  private readonly closeStream: () => void;
  private timer: ReturnType<typeof setInterval> | undefined;
  private submitted = false;

  constructor(
    readonly joined: DrillJoined,
    private readonly api: Pick<ApiClient, 'reportProgress' | 'eventsUrl'>,
    private readonly queue: RunQueue,
    private readonly hooks: DrillTraineeHooks,
    eventSource?: typeof EventSource,
  ) {
    this.status = joined.status;
    this.closeStream = openDrillStream(
      api.eventsUrl(joined.code, joined.traineeToken),
      {
        snapshot: (snapshot) => this.onStatus(snapshot.status),
        status: (status) => this.onStatus(status),
        inject: (inject) => this.onInject(inject),
        connection: (open) => {
          if (!open) hooks.say('Lost the connection to the drill; reconnecting…');
        },
      },
      eventSource,
    );
  }

  get drillStatus(): DrillStatus {
    return this.status;
  }

  /** The game started the drill's run: follow it from now on. */
  attach(run: RunController): void {
    this.run = run;
    for (const inject of this.waitingInjects.splice(0)) this.fire(inject);
    run.setPaused(this.status === 'paused', 'trainer');
    this.timer = setInterval(() => this.tick(), PROGRESS_EVERY_MS);
  }

  close(): void {
    this.closeStream();
    clearInterval(this.timer);
  }

  private onStatus(status: DrillStatus): void {
    if (status === this.status && this.run) return;
    const before = this.status;
    this.status = status;
    this.hooks.status?.(status);
    if (status === 'running' && !this.run) {
      this.hooks.start();
      return;
    }
    if (!this.run) return;
    if (status === 'paused') {
      this.run.setPaused(true, 'trainer');
      this.hooks.say('The trainer paused the drill.', true);
    } else if (status === 'running' && before === 'paused') {
      this.run.setPaused(false, 'trainer');
      this.hooks.say('The trainer resumed the drill.', true);
    } else if (status === 'ended' && !this.run.sim.state.over) {
      // The record claims the whole shift's outcome, so the rest of the shift plays out unattended.
      this.run.setPaused(false, 'trainer');
      this.run.sim.finish();
      this.hooks.say('The trainer ended the drill; the shift is closed.', true);
    }
    this.tick();
  }

  private onInject(inject: { injectId: string; title: string }): void {
    if (!this.run) {
      this.waitingInjects.push(inject);
      return;
    }
    this.fire(inject);
  }

  private fire(inject: { injectId: string; title: string }): void {
    // Applied to the simulation directly: the desk's watcher picks up its posts and moments on the next frame.
    const result = this.run!.sim.apply({ type: 'inject.fire', injectId: inject.injectId });
    if (result.ok) this.hooks.say(`Inject from the trainer: ${inject.title}.`, true);
  }

  private tick(): void {
    const run = this.run;
    if (!run) return;
    const s = run.sim.state;
    if (s.over) {
      void this.submit();
      return;
    }
    if (this.status !== 'running') return;
    const level = run.entry.scenario.guideline.levels[s.declaredLevel]?.id ?? 'unknown';
    this.api
      .reportProgress(this.joined.code, this.joined.traineeToken, {
        t: s.t,
        score: run.outcome().score,
        level,
        obligations: run.sim.obligations().map((o) => ({ id: o.id, status: o.status })),
      })
      // Progress is a live view only; a missed report is replaced by the next one.
      .catch(() => undefined);
  }

  private async submit(): Promise<void> {
    if (this.submitted || !this.run) return;
    this.submitted = true;
    clearInterval(this.timer);
    const id = this.queue.enqueue({ kind: 'drill', code: this.joined.code, token: this.joined.traineeToken, run: this.run.record() });
    this.hooks.submitted?.({ state: 'sending' });
    this.hooks.submitted?.(statusOf(id, await this.queue.flush()));
  }
}
