import { assign, createActor, setup, SimulatedClock, type AnyActorRef, type InspectionEvent, type SnapshotFrom } from 'xstate';
import type { Role, Scenario } from '../scenario/scenario.schema';

/**
 * The scenario's guideline as an XState machine. Three parallel regions:
 * `situation` (the true level, driven by the simulation's assessment),
 * `declared` (what the trainee has declared) and one region per obligation
 * (waiting → open → met | missed → metLate). Deadlines are `after` transitions,
 * and the actor runs on a SimulatedClock that only the simulation advances, so no
 * real timer is ever involved and a replay fires every deadline at the same step.
 */

export type DeskDeed =
  | { what: 'escalate'; role: Role }
  | { what: 'holdingStatement' | 'pausePromotions' | 'callInStaff' | 'linkThreads' | 'fixRootCause' };

export type EscalationEvent =
  | { type: 'situation.assessed'; level: number }
  | { type: 'level.declared'; level: number }
  | { type: 'desk.did'; deed: DeskDeed };

interface EscalationContext {
  /** Deeds done so far, keyed by `deedKey`, so an obligation opened later counts work already done. */
  done: Record<string, true>;
  situation: number;
}

export function deedKey(deed: DeskDeed): string {
  return deed.what === 'escalate' ? `escalate:${deed.role}` : deed.what;
}

const levelState = (i: number) => `L${i}`;

export function createEscalationMachine(scenario: Scenario) {
  const levels = scenario.guideline.levels;
  const levelIndex = new Map(levels.map((l, i) => [l.id, i]));
  const obligationKey = (o: Scenario['guideline']['obligations'][number]) =>
    o.action === 'escalate' ? `escalate:${o.role}` : o.action;

  const levelRegion = (eventType: 'situation.assessed' | 'level.declared', id: string) => ({
    id,
    initial: levelState(0),
    states: Object.fromEntries(levels.map((_, i) => [levelState(i), {}])),
    on: {
      [eventType]: levels.map((_, i) => ({
        guard: { type: 'levelIs' as const, params: { level: i } },
        target: `#${id}.${levelState(i)}`,
      })),
    },
  });

  const obligationRegions = Object.fromEntries(
    scenario.guideline.obligations.map((o) => {
      const key = obligationKey(o);
      const from = levelIndex.get(o.fromLevel) ?? 0;
      return [
        o.id,
        {
          initial: 'waiting',
          states: {
            waiting: {
              on: {
                'situation.assessed': {
                  guard: { type: 'levelAtLeast' as const, params: { level: from } },
                  target: 'open',
                },
              },
            },
            open: {
              always: { guard: { type: 'alreadyDone' as const, params: { key } }, target: 'met' },
              after: { [o.withinMinutes * 60_000]: 'missed' },
              on: { 'desk.did': { guard: { type: 'deedIs' as const, params: { key } }, target: 'met' } },
            },
            met: { type: 'final' as const },
            missed: {
              on: { 'desk.did': { guard: { type: 'deedIs' as const, params: { key } }, target: 'metLate' } },
            },
            metLate: { type: 'final' as const },
          },
        },
      ];
    }),
  );

  return setup({
    types: { context: {} as EscalationContext, events: {} as EscalationEvent },
    guards: {
      levelIs: ({ event }, params: { level: number }) =>
        (event.type === 'situation.assessed' || event.type === 'level.declared') && event.level === params.level,
      levelAtLeast: ({ event }, params: { level: number }) =>
        event.type === 'situation.assessed' && event.level >= params.level,
      alreadyDone: ({ context }, params: { key: string }) => context.done[params.key] === true,
      deedIs: ({ event }, params: { key: string }) => event.type === 'desk.did' && deedKey(event.deed) === params.key,
    },
    actions: {
      rememberDeed: assign({
        done: ({ context, event }) => (event.type === 'desk.did' ? { ...context.done, [deedKey(event.deed)]: true } : context.done),
      }),
      rememberSituation: assign({
        situation: ({ context, event }) => (event.type === 'situation.assessed' ? event.level : context.situation),
      }),
    },
  }).createMachine({
    id: 'guideline',
    type: 'parallel',
    context: { done: {}, situation: 0 },
    // Context is updated on the root before the regions react, so `alreadyDone` sees the newest deed.
    on: {
      'desk.did': { actions: 'rememberDeed' },
      'situation.assessed': { actions: 'rememberSituation' },
    },
    states: {
      situation: levelRegion('situation.assessed', 'situation'),
      declared: levelRegion('level.declared', 'declared'),
      obligations: { type: 'parallel', states: obligationRegions },
    },
  });
}

export type EscalationMachine = ReturnType<typeof createEscalationMachine>;
export type EscalationSnapshot = SnapshotFrom<EscalationMachine>;

/** A running guideline actor on its own simulated clock. */
export class EscalationTracker {
  private readonly clock = new SimulatedClock();
  private readonly actor: AnyActorRef;

  /** `inspect` receives the machine's inspection events (the Stately inspector in development). */
  constructor(scenario: Scenario, inspect?: (event: InspectionEvent) => void) {
    this.actor = createActor(createEscalationMachine(scenario), { clock: this.clock, ...(inspect ? { inspect } : {}) });
    this.actor.start();
  }

  /** Moves the machine's clock to sim second `t`, firing any deadline that has passed. */
  advanceTo(t: number): void {
    if (t * 1000 > this.clock.now()) this.clock.set(t * 1000);
  }

  send(event: EscalationEvent): void {
    this.actor.send(event);
  }

  snapshot(): EscalationSnapshot {
    return this.actor.getSnapshot() as EscalationSnapshot;
  }

  /** Obligation id → its state name. */
  obligationStates(): Record<string, string> {
    const value = this.snapshot().value as { obligations?: Record<string, string> };
    return value.obligations ?? {};
  }

  stop(): void {
    this.actor.stop();
  }
}
