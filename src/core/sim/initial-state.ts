import { GOODWILL_START, HEAT_START } from '../tuning';
import type { Scenario } from '../scenario/scenario.schema';
import type { SimState } from './state';
import type { Mode } from '../modes';
import type { GuidelineSnapshot } from '../guideline/escalation.machine';

/** The state at the start of a shift, before the first step. */
export function initialState(scenario: Scenario, seed: number, mode: Mode, rng: number[], guideline: GuidelineSnapshot): SimState {
  return {
    scenarioId: scenario.id,
    seed,
    mode,
    t: 0,
    endT: scenario.duration.simMinutes * 60,
    stepSeconds: scenario.duration.stepSeconds,
    over: false,
    rng,
    nextPostId: 1,
    posts: [],
    queues: { open: [], awaitingRole: [] },
    excitation: Object.fromEntries(scenario.channels.map((c) => [c.id, 0])),
    heat: HEAT_START,
    goodwill: GOODWILL_START,
    pressure: { goodwill: {}, heat: {} },
    team: { agents: scenario.team.agents, extra: 0, pending: [], workCredit: 0 },
    trainee: { busyUntil: 0, actions: 0 },
    declaredLevel: 0,
    trueLevel: 0,
    escalationLagSeconds: 0,
    overEscalationSeconds: 0,
    maxNegativeFollowers: 0,
    flagsSeen: [],
    guideline,
    breaches: [],
    moments: [],
    rootCause: {},
    firedInjects: [],
    deferredDeeds: [],
    counters: {
      arrivals: 0,
      negativeArrivals: 0,
      surgeArrivals: 0,
      surgeCappedSteps: 0,
      routineDue: 0,
      routineInTarget: 0,
      peakArrivalsPerHour: 0,
      peakNegativePerHour: 0,
      cannedReplies: 0,
      goodReplies: 0,
      triageCorrect: 0,
      triageTotal: 0,
      postNeedsMet: 0,
      postNeedsLate: 0,
      postNeedsMissed: 0,
    },
    history: [],
    log: [],
  };
}
