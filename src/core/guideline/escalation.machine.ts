import { and, assign, initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import type { Role, Scenario } from '../scenario/scenario.schema';
import type { ObligationState, ObligationStatus } from '../sim/state';

/**
 * The scenario's guideline obligations as an XState machine: one parallel
 * region per obligation (waiting → open → met | missed → metLate) and a `deeds`
 * region that remembers what the desk has done, so an obligation that opens
 * later counts work already done. The machine is the only record of the
 * obligations: the simulation keeps its snapshot (plain JSON) in its state and
 * steps it purely with XState's `transition()`. No timers: time arrives as
 * `clock.tick` events, and a deadline passes when a tick reaches it.
 */

export type DeskDeed =
  | { what: 'escalate'; role: Role }
  | { what: 'holdingStatement' | 'pausePromotions' | 'callInStaff' | 'linkThreads' | 'fixRootCause' };

/** Every event carries the sim second it happens at. */
export type EscalationEvent =
  | { type: 'situation.assessed'; level: number; t: number }
  | { type: 'desk.did'; deed: DeskDeed; t: number }
  | { type: 'clock.tick'; t: number };

/** When an obligation opened, fell due and was done (sim seconds). */
interface ObligationTimes {
  openedAt?: number;
  deadline?: number;
  doneAt?: number;
}

export interface EscalationContext {
  /** Deeds done so far, keyed by `deedKey`. */
  done: Record<string, true>;
  /** Obligation id → its times. */
  times: Record<string, ObligationTimes>;
}

/** The machine's state as the simulation stores it: its state value and context, nothing else. */
export interface GuidelineSnapshot {
  value: { deeds: 'tracking'; obligations: Record<string, ObligationStatus> };
  context: EscalationContext;
}

export function deedKey(deed: DeskDeed): string {
  return deed.what === 'escalate' ? `escalate:${deed.role}` : deed.what;
}

type ObligationDef = Scenario['guideline']['obligations'][number];
const obligationKey = (o: ObligationDef) => (o.action === 'escalate' ? `escalate:${o.role}` : o.action);
const eventTime = (event: EscalationEvent) => event.t;

/** One obligation's region: waiting → open → met | missed → metLate. */
function obligationRegion(o: ObligationDef, levelIndex: Map<string, number>) {
  const key = obligationKey(o);
  const level = levelIndex.get(o.fromLevel) ?? 0;
  const open = { type: 'markOpened' as const, params: { id: o.id, withinSeconds: o.withinMinutes * 60 } };
  const done = { type: 'markDone' as const, params: { id: o.id } };
  const deedIs = { type: 'deedIs' as const, params: { key } };
  return {
    initial: 'waiting',
    states: {
      waiting: {
        on: {
          'situation.assessed': [
            // A deed done before the obligation opened meets it at once.
            { guard: and([{ type: 'levelAtLeast', params: { level } }, { type: 'alreadyDone', params: { key } }]), target: 'met', actions: [open, done] },
            { guard: { type: 'levelAtLeast' as const, params: { level } }, target: 'open', actions: open },
          ],
        },
      },
      open: {
        on: {
          'desk.did': { guard: deedIs, target: 'met', actions: done },
          'clock.tick': { guard: { type: 'deadlinePassed' as const, params: { id: o.id } }, target: 'missed' },
        },
      },
      met: { type: 'final' as const },
      missed: { on: { 'desk.did': { guard: deedIs, target: 'metLate', actions: done } } },
      metLate: { type: 'final' as const },
    },
  };
}

export function createEscalationMachine(scenario: Scenario) {
  const levelIndex = new Map(scenario.guideline.levels.map((l, i) => [l.id, i]));

  return setup({
    types: { context: {} as EscalationContext, events: {} as EscalationEvent },
    guards: {
      levelAtLeast: ({ event }, params: { level: number }) => event.type === 'situation.assessed' && event.level >= params.level,
      alreadyDone: ({ context }, params: { key: string }) => context.done[params.key] === true,
      deedIs: ({ event }, params: { key: string }) => event.type === 'desk.did' && deedKey(event.deed) === params.key,
      deadlinePassed: ({ context, event }, params: { id: string }) => event.t >= context.times[params.id]!.deadline!,
    },
    actions: {
      rememberDeed: assign({
        done: ({ context, event }) => (event.type === 'desk.did' ? { ...context.done, [deedKey(event.deed)]: true as const } : context.done),
      }),
      markOpened: assign({
        times: ({ context, event }, params: { id: string; withinSeconds: number }) => ({
          ...context.times,
          [params.id]: { openedAt: eventTime(event), deadline: eventTime(event) + params.withinSeconds },
        }),
      }),
      markDone: assign({
        times: ({ context, event }, params: { id: string }) => ({
          ...context.times,
          [params.id]: { ...context.times[params.id], doneAt: eventTime(event) },
        }),
      }),
    },
  }).createMachine({
    id: 'guideline',
    type: 'parallel',
    context: { done: {}, times: {} },
    states: {
      // Its own region, so every deed is remembered whatever the obligations do with it.
      deeds: { initial: 'tracking', states: { tracking: { on: { 'desk.did': { actions: 'rememberDeed' } } } } },
      obligations: { type: 'parallel', states: Object.fromEntries(scenario.guideline.obligations.map((o) => [o.id, obligationRegion(o, levelIndex)])) },
    },
  });
}

export type EscalationMachine = ReturnType<typeof createEscalationMachine>;
export type EscalationSnapshot = SnapshotFrom<EscalationMachine>;

/** The stored form of a live snapshot. */
export function storeSnapshot(snapshot: EscalationSnapshot): GuidelineSnapshot {
  const stored = { value: snapshot.value as GuidelineSnapshot['value'], context: snapshot.context };
  lastResolved.set(snapshot.machine, { stored, live: snapshot });
  return stored;
}

/** The machine's starting snapshot, in stored form. */
export function initialGuideline(machine: EscalationMachine): GuidelineSnapshot {
  return storeSnapshot(initialTransition(machine)[0]);
}

/** One pure step: the stored snapshot after `event`. The input is not changed. */
export function stepGuideline(machine: EscalationMachine, stored: GuidelineSnapshot, event: EscalationEvent): GuidelineSnapshot {
  const [next] = transition(machine, resolve(machine, stored), event);
  return storeSnapshot(next);
}

// Resolving a stored snapshot into XState's live form is the costly part of a step; the
// simulation steps the snapshot it stored last, so the last one resolved is kept per machine.
const lastResolved = new WeakMap<EscalationMachine, { stored: GuidelineSnapshot; live: EscalationSnapshot }>();

function resolve(machine: EscalationMachine, stored: GuidelineSnapshot): EscalationSnapshot {
  const hit = lastResolved.get(machine);
  if (hit && hit.stored === stored) return hit.live;
  return machine.resolveState({ value: stored.value, context: stored.context });
}

/** The earliest deadline among open obligations: before it, a clock tick cannot change anything. */
export function nextDeadline(stored: GuidelineSnapshot): number | undefined {
  let next: number | undefined;
  for (const [id, status] of Object.entries(stored.value.obligations)) {
    const deadline = stored.context.times[id]?.deadline;
    if (status === 'open' && deadline !== undefined && (next === undefined || deadline < next)) next = deadline;
  }
  return next;
}

/** Obligation id → status, in the guideline's order. */
export function obligationStatuses(stored: GuidelineSnapshot): Record<string, ObligationStatus> {
  return stored.value.obligations;
}

/** The obligations as the desk, the debrief and the server show them: read from the machine's snapshot. */
export function obligationsOf(scenario: Scenario, stored: GuidelineSnapshot): ObligationState[] {
  return scenario.guideline.obligations.map((o) => ({
    id: o.id,
    rule: o.rule,
    text: o.text,
    status: stored.value.obligations[o.id]!,
    ...stored.context.times[o.id],
  }));
}
