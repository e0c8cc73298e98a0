import { obligationsOf, type Breach, type KeyMoment, type ObligationState, type ObligationStatus, type Scenario, type SimState } from '../../core/index';

/** Something that happened in the simulation since the last look, for sound, speech and the screen. */
export type RunEvent =
  | { kind: 'posts'; fromIndex: number; toIndex: number }
  | { kind: 'breach'; breach: Breach }
  | { kind: 'moment'; moment: KeyMoment }
  | { kind: 'obligation'; obligation: ObligationState; from: ObligationStatus }
  | { kind: 'deadlineNear'; obligation: ObligationState; secondsLeft: number }
  | { kind: 'declared'; level: number }
  | { kind: 'over' };

/** How long before an obligation's deadline the desk warns, in sim seconds. */
export const DEADLINE_WARNING_SECONDS = 5 * 60;

/**
 * Turns the simulation state into a stream of events by comparing it with what
 * was seen last time. It reads the state only; everything it reports the core
 * already decided.
 */
export class RunWatcher {
  private posts: number;
  private breaches: number;
  private moments: number;
  private declared: number;
  private over: boolean;
  private readonly statuses = new Map<string, ObligationStatus>();
  private readonly warned = new Set<string>();

  constructor(
    state: SimState,
    private readonly scenario: Scenario,
  ) {
    this.posts = state.posts.length;
    this.breaches = state.breaches.length;
    this.moments = state.moments.length;
    this.declared = state.declaredLevel;
    this.over = state.over;
    for (const o of obligationsOf(scenario, state.guideline)) {
      this.statuses.set(o.id, o.status);
      if (o.status === 'open' && o.deadline !== undefined && o.deadline - state.t <= DEADLINE_WARNING_SECONDS) this.warned.add(o.id);
    }
  }

  collect(s: SimState): RunEvent[] {
    const events: RunEvent[] = [];
    if (s.posts.length > this.posts) {
      events.push({ kind: 'posts', fromIndex: this.posts, toIndex: s.posts.length });
      this.posts = s.posts.length;
    }
    for (; this.breaches < s.breaches.length; this.breaches++) events.push({ kind: 'breach', breach: s.breaches[this.breaches]! });
    for (; this.moments < s.moments.length; this.moments++) events.push({ kind: 'moment', moment: s.moments[this.moments]! });
    for (const o of obligationsOf(this.scenario, s.guideline)) {
      const before = this.statuses.get(o.id)!;
      if (before !== o.status) {
        events.push({ kind: 'obligation', obligation: o, from: before });
        this.statuses.set(o.id, o.status);
      }
      if (o.status === 'open' && o.deadline !== undefined && !this.warned.has(o.id) && o.deadline - s.t <= DEADLINE_WARNING_SECONDS) {
        this.warned.add(o.id);
        events.push({ kind: 'deadlineNear', obligation: o, secondsLeft: o.deadline - s.t });
      }
    }
    if (s.declaredLevel !== this.declared) {
      this.declared = s.declaredLevel;
      events.push({ kind: 'declared', level: s.declaredLevel });
    }
    if (s.over && !this.over) {
      this.over = true;
      events.push({ kind: 'over' });
    }
    return events;
  }
}
