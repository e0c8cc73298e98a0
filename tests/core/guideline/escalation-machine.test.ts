import { describe, expect, it } from 'vitest';
import {
  createEscalationMachine,
  initialGuideline,
  obligationsOf,
  stepGuideline,
  type EscalationEvent,
  type GuidelineSnapshot,
} from '../../../src/core/guideline/escalation.machine';
import { miniScenario } from '../../fixtures/mini-scenario';

const INCIDENT = 2;
const min = (m: number) => m * 60;

/** A guideline driven the way the simulation drives it: pure steps over a stored snapshot. */
function guideline() {
  const machine = createEscalationMachine(miniScenario);
  let snapshot: GuidelineSnapshot = initialGuideline(machine);
  return {
    send(event: EscalationEvent) {
      // Each step starts from a JSON copy: the stored snapshot is all the machine needs.
      snapshot = stepGuideline(machine, JSON.parse(JSON.stringify(snapshot)), event);
    },
    reachIncidentAt(t: number) {
      this.send({ type: 'situation.assessed', level: INCIDENT, t });
    },
    status(id: string) {
      return snapshot.value.obligations[id];
    },
    obligation(id: string) {
      return obligationsOf(miniScenario, snapshot).find((o) => o.id === id)!;
    },
    get snapshot() {
      return snapshot;
    },
  };
}

describe('escalation machine', () => {
  it('starts with every obligation waiting', () => {
    const g = guideline();
    expect(obligationsOf(miniScenario, g.snapshot).map((o) => o.status)).toEqual(['waiting', 'waiting', 'waiting', 'waiting']);
  });

  it('opens the Incident obligations when the situation reaches Incident', () => {
    const g = guideline();
    g.reachIncidentAt(0);
    expect(g.status('tell-comms')).toBe('open');
    expect(g.status('holding')).toBe('open');
    // Reaching Incident also passes Elevated, so its obligation opens too.
    expect(g.status('tell-lead')).toBe('open');
  });

  it('marks the comms obligation missed 15 minutes after Incident, when time reaches it', () => {
    const g = guideline();
    g.reachIncidentAt(min(10));
    expect(g.obligation('tell-comms')).toMatchObject({ openedAt: min(10), deadline: min(25) });
    g.send({ type: 'clock.tick', t: min(24) });
    expect(g.status('tell-comms')).toBe('open');
    g.send({ type: 'clock.tick', t: min(25) });
    expect(g.status('tell-comms')).toBe('missed');
    expect(g.status('holding')).toBe('open');
  });

  it('marks the obligation met when the deed is done before the deadline', () => {
    const g = guideline();
    g.reachIncidentAt(0);
    g.send({ type: 'desk.did', deed: { what: 'escalate', role: 'comms' }, t: min(5) });
    g.send({ type: 'clock.tick', t: min(60) });
    expect(g.obligation('tell-comms')).toMatchObject({ status: 'met', doneAt: min(5) });
  });

  it('counts a deed done before the obligation opened', () => {
    const g = guideline();
    g.send({ type: 'desk.did', deed: { what: 'pausePromotions' }, t: min(1) });
    g.reachIncidentAt(min(20));
    expect(g.obligation('pause')).toMatchObject({ status: 'met', openedAt: min(20), doneAt: min(20) });
  });

  it('records a deed after the deadline as met late', () => {
    const g = guideline();
    g.reachIncidentAt(0);
    g.send({ type: 'clock.tick', t: min(31) });
    expect(g.status('holding')).toBe('missed');
    g.send({ type: 'desk.did', deed: { what: 'holdingStatement' }, t: min(32) });
    expect(g.status('holding')).toBe('metLate');
  });

  it('does not confuse roles: escalating to legal does not satisfy comms', () => {
    const g = guideline();
    g.reachIncidentAt(0);
    g.send({ type: 'desk.did', deed: { what: 'escalate', role: 'legal' }, t: 10 });
    expect(g.status('tell-comms')).toBe('open');
  });

  it('leaves obligations of a level not reached waiting, whatever the time', () => {
    const g = guideline();
    g.send({ type: 'situation.assessed', level: 1, t: 0 });
    g.send({ type: 'clock.tick', t: min(600) });
    expect(g.status('tell-lead')).toBe('missed');
    expect(g.status('tell-comms')).toBe('waiting');
  });

  it('is stepped purely: the snapshot it was given is left unchanged', () => {
    const machine = createEscalationMachine(miniScenario);
    const before = initialGuideline(machine);
    const copy = JSON.stringify(before);
    const after = stepGuideline(machine, before, { type: 'situation.assessed', level: INCIDENT, t: 0 });
    expect(JSON.stringify(before)).toBe(copy);
    expect(after.value.obligations['tell-comms']).toBe('open');
  });
});

describe('the declared level inside the simulation', () => {
  it('tracks the declared level apart from the situation', async () => {
    const { Simulation } = await import('../../../src/core/sim/simulation');
    const sim = new Simulation(miniScenario, { seed: 3, mode: 'practice' });
    while (sim.state.trueLevel < INCIDENT) sim.step();
    expect(sim.apply({ type: 'level.declare', level: miniScenario.guideline.levels[1]!.id }).ok).toBe(true);
    expect(sim.state.trueLevel).toBe(INCIDENT);
    expect(sim.state.declaredLevel).toBe(1);
  });
});

describe('inspection', () => {
  it('lets an inspector observe the machine without changing the run', async () => {
    const { Simulation } = await import('../../../src/core/sim/simulation');
    const seen: string[] = [];
    const watched = new Simulation(miniScenario, { seed: 3, mode: 'practice', inspect: (e) => seen.push(e.type) });
    const plain = new Simulation(miniScenario, { seed: 3, mode: 'practice' });
    watched.finish();
    plain.finish();
    expect(seen).toContain('@xstate.event');
    expect(JSON.stringify(watched.state)).toBe(JSON.stringify(plain.state));
  });
});
