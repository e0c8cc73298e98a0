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

type InjectNotice = { injectId: string; title: string; simT: number };

/**
 * A trainee's side of a drill, alive from joining until the run is submitted. It
 * follows the trainer's commands from the event stream: start, pause, resume, end,
 * and injects, which enter the run as `inject.fire` actions at the sim second the
 * server stamped them with (the server refuses a run that applies one at another
 * time). When the trainer ends the drill, the run ends at the drill's clock, scored
 * as the desk stood then. It reports live progress (with the actions so far, for the
 * trainer's review) and, when the shift is over, sends the run through the offline-safe queue.
 */
export class DrillTrainee {
  private run: RunController | undefined;
  private status: DrillStatus;
  private readonly waitingInjects: InjectNotice[] = [];
  /** Where the drill's clock stood when the trainer ended it, once the game hears of it. */
  private endedAtSimT: number | null;
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
    this.endedAtSimT = joined.endedAtSimT;
    this.closeStream = openDrillStream(
      api.eventsUrl(joined.code, joined.traineeToken),
      {
        snapshot: (snapshot) => this.onStatus(snapshot.status, snapshot.role === 'trainee' ? (snapshot.endedAtSimT ?? undefined) : undefined),
        status: (status, simT) => this.onStatus(status, simT),
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
    if (this.status === 'ended' && this.endedAtSimT !== null) this.end(this.endedAtSimT);
    this.timer = setInterval(() => this.tick(), PROGRESS_EVERY_MS);
  }

  close(): void {
    this.closeStream();
    clearInterval(this.timer);
  }

  private onStatus(status: DrillStatus, simT?: number): void {
    if (status === 'ended' && simT !== undefined) this.endedAtSimT = simT;
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
    } else if (status === 'ended' && !this.run.over) {
      this.end(this.endedAtSimT ?? this.run.sim.state.endT);
    }
    this.tick();
  }

  /** The trainer ended the drill with its clock at `simT`: the shift ends there for this trainee too. */
  private end(simT: number): void {
    const run = this.run!;
    if (run.over) return;
    const cut = run.cutShort(Math.min(simT, run.sim.state.endT));
    this.hooks.say(
      cut.ok ? `The trainer ended the drill at ${run.sim.clock()}; your shift is scored as it stood then.` : `The trainer ended the drill, but this run could not be closed: ${cut.message}`,
      true,
    );
  }

  private onInject(inject: InjectNotice): void {
    if (!this.run) {
      this.waitingInjects.push(inject);
      return;
    }
    this.fire(inject);
  }

  private fire(inject: InjectNotice): void {
    // Applied when the desk's clock reaches the stamped second; the desk's watcher picks up its posts on the next frame.
    this.run!.applyAt(inject.simT, { type: 'inject.fire', injectId: inject.injectId }, (result) => {
      if (result.ok) this.hooks.say(`Inject from the trainer: ${inject.title}.`, true);
      else if (result.code === 'action/time_order') this.hooks.say(`The trainer's inject "${inject.title}" reached this desk after its time; the server will not accept this run.`, true);
    });
  }

  private tick(): void {
    const run = this.run;
    if (!run) return;
    const s = run.sim.state;
    if (run.over) {
      void this.submit();
      return;
    }
    if (this.status !== 'running') return;
    const level = run.entry.scenario.guideline.levels[s.declaredLevel]?.id ?? 'unknown';
    const record = run.record();
    this.api
      .reportProgress(this.joined.code, this.joined.traineeToken, {
        t: s.t,
        score: record.claimed.score,
        level,
        obligations: run.sim.obligations().map((o) => ({ id: o.id, status: o.status })),
        actions: record.actions,
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
    // Flushed whether or not anyone listens: an optional call would skip evaluating its argument.
    const results = await this.queue.flush();
    this.hooks.submitted?.(statusOf(id, results));
  }
}
