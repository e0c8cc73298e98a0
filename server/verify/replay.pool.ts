import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ErrorCode, ObligationStatus, Outcome, RunFigures, RunRecord, Scenario } from '../../src/core/index';
import { ApiError } from '../http/http-errors';

/** A scenario version a replay runs on. */
export interface ReplayScenario {
  id: string;
  hash: string;
  scenario: Scenario;
}

export interface ReplayRequest {
  id: number;
  record: unknown;
  /** Score the run as of this sim second (a drill ended early) instead of at the end of the shift. */
  until?: number;
  /** Sent only the first time a worker replays on this version; it keeps it after that. */
  scenario?: ReplayScenario;
  /** The version's id and hash, when it was sent before (or is one the worker started with). */
  version?: { id: string; hash: string };
}

export interface VerifiedRun {
  ok: true;
  record: RunRecord;
  outcome: Outcome;
  obligations: { id: string; rule: string; text: string; status: ObligationStatus }[];
  firedInjects: { id: string; t: number }[];
  /** The run's figures, computed once from the replayed state, for every report of the run to read. */
  figures: RunFigures;
}

export type ReplayReply = ({ id: number } & VerifiedRun) | { id: number; ok: false; code: ErrorCode | 'server/error'; message: string };

export type VerifyResult = Omit<Extract<ReplayReply, { ok: true }>, 'id'> | { ok: false; code: ErrorCode; message: string };

export interface ReplayPoolOptions {
  size: number;
  /** Submissions waiting beyond this are refused with 503 rather than queued without bound. */
  maxQueue: number;
  /** A replay that takes longer is abandoned (its worker replaced) and answered with 503. */
  timeoutMs: number;
}

interface Task {
  id: number;
  record: unknown;
  until: number | undefined;
  scenario: ReplayScenario | undefined;
  resolve(result: VerifyResult): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Versions (id@hash) this worker already holds. */
  known: Set<string>;
  task?: Task;
  timer?: NodeJS.Timeout;
}

const WORKER_URL = new URL('./replay.worker.ts', import.meta.url).href;
// tsx's ESM api (its CommonJS build of tsImport mis-resolves its own loader from a worker).
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');

/*
 * The worker is TypeScript and shares the core's source with the browser build, so it
 * loads through tsx's scoped tsImport: node 20 workers do not run the parent's
 * `--import tsx` hooks. A one-line eval'd stub does the loading, whether the server runs
 * under `node --import tsx`, plain node or vitest; the worker file itself stays plain TS.
 */
const BOOTSTRAP = `import(${JSON.stringify(TSX_API)}).then((tsx) => tsx.tsImport(${JSON.stringify(WORKER_URL)}, ${JSON.stringify(WORKER_URL)}))`;

/** Workers that die before loading this many times in a row mean a broken install, not bad luck. */
const MAX_START_FAILURES = 3;

/** A fixed pool of worker threads that re-simulate run records off the request thread. */
export class ReplayPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closing = false;
  private startFailures = 0;
  private broken: Error | undefined;

  constructor(
    private readonly entries: [string, { scenario: Scenario; hash: string }][],
    private readonly options: ReplayPoolOptions,
  ) {
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn());
  }

  /**
   * Resolves with the replay's verdict; rejects only when the server cannot verify now (busy,
   * timeout, crash). `scenario` is the kept version the record names (without it, the
   * scenarios the pool started with). `until` scores the run as of that sim second (a drill ended early).
   */
  verify(record: unknown, scenario?: ReplayScenario, until?: number): Promise<VerifyResult> {
    if (this.closing) return Promise.reject(new ApiError('verify/busy', 'the server is shutting down'));
    if (this.broken) return Promise.reject(this.broken);
    if (this.queue.length >= this.options.maxQueue) return Promise.reject(new ApiError('verify/busy'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, record, scenario, until, resolve, reject });
      this.dispatch();
    });
  }

  /** False once workers have failed to start repeatedly: this instance cannot verify runs. */
  healthy(): boolean {
    return this.broken === undefined;
  }

  stats(): { workers: number; ready: number; busy: number; queued: number } {
    return {
      workers: this.slots.length,
      ready: this.slots.filter((s) => s.ready).length,
      busy: this.slots.filter((s) => s.task).length,
      queued: this.queue.length,
    };
  }

  /** Resolves once every worker has loaded the core (useful before a benchmark or a test). */
  async whenReady(): Promise<void> {
    while (!this.closing && this.slots.some((s) => !s.ready)) {
      if (this.broken) throw this.broken;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const task of this.queue.splice(0)) task.reject(new ApiError('verify/busy', 'the server is shutting down'));
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { entries: this.entries } });
    const slot: Slot = { worker, ready: false, known: new Set() };
    worker.on('message', (message: ReplayReply | { ready: true }) => {
      if ('ready' in message) {
        slot.ready = true;
        this.startFailures = 0;
        this.dispatch();
        return;
      }
      const task = slot.task;
      if (!task || task.id !== message.id) return;
      this.release(slot);
      if (message.ok) {
        const { id: _id, ...verified } = message;
        task.resolve(verified);
      } else if (message.code === 'server/error') {
        task.reject(new Error(`replay worker failed: ${message.message}`));
      } else {
        task.resolve({ ok: false, code: message.code, message: message.message });
      }
      this.dispatch();
    });
    const fail = (error: Error) => {
      const task = slot.task;
      this.release(slot);
      if (!slot.ready && ++this.startFailures >= MAX_START_FAILURES) {
        this.broken = new Error(`replay workers cannot start: ${error.message}`);
        for (const queued of this.queue.splice(0)) queued.reject(this.broken);
        const index = this.slots.indexOf(slot);
        if (index >= 0) this.slots.splice(index, 1);
        return;
      }
      this.replace(slot);
      task?.reject(error);
    };
    worker.on('error', (err) => fail(new Error(`replay worker crashed: ${err.message}`)));
    worker.on('exit', (code) => {
      if (!this.closing && this.slots.includes(slot)) fail(new Error(`replay worker exited with code ${code}`));
    });
    return slot;
  }

  private release(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.task = undefined;
    slot.timer = undefined;
  }

  private replace(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    void slot.worker.terminate();
    if (this.closing) {
      this.slots.splice(index, 1);
      return;
    }
    this.slots[index] = this.spawn();
  }

  /** Structured-cloning a scenario costs more than its replay's bookkeeping: each worker gets a version once. */
  private request(slot: Slot, task: Task): ReplayRequest {
    const base = { id: task.id, record: task.record, ...(task.until === undefined ? {} : { until: task.until }) };
    const scenario = task.scenario;
    if (!scenario) return base;
    const key = `${scenario.id}@${scenario.hash}`;
    if (slot.known.has(key)) return { ...base, version: { id: scenario.id, hash: scenario.hash } };
    slot.known.add(key);
    return { ...base, scenario: { id: scenario.id, hash: scenario.hash, scenario: scenario.scenario } };
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.task) continue;
      const task = this.queue.shift();
      if (!task) return;
      slot.task = task;
      slot.timer = setTimeout(() => {
        this.release(slot);
        this.replace(slot);
        task.reject(new ApiError('verify/timeout'));
        this.dispatch();
      }, this.options.timeoutMs);
      slot.worker.postMessage(this.request(slot, task));
    }
  }
}
