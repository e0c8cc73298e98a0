import { describe, expect, it } from 'vitest';
import { EscalationTracker } from '../../../src/core/guideline/escalation.machine';
import { miniScenario } from '../../fixtures/mini-scenario';

const INCIDENT = 2;
const min = (m: number) => m * 60;

describe('escalation machine', () => {
  it('starts at the first level with every obligation waiting', () => {
    const tracker = new EscalationTracker(miniScenario);
    const value = tracker.snapshot().value as Record<string, unknown>;
    expect(value.situation).toBe('L0');
    expect(value.declared).toBe('L0');
    expect(Object.values(tracker.obligationStates())).toEqual(['waiting', 'waiting', 'waiting', 'waiting']);
  });

  it('opens the Incident obligations when the situation reaches Incident', () => {
    const tracker = new EscalationTracker(miniScenario);
    tracker.send({ type: 'situation.assessed', level: INCIDENT });
    const states = tracker.obligationStates();
    expect(states['tell-comms']).toBe('open');
    expect(states['holding']).toBe('open');
    // Reaching Incident also passes Elevated, so its obligation opens too.
    expect(states['tell-lead']).toBe('open');
  });

  it('marks the comms obligation missed 15 minutes after Incident, on the simulated clock only', () => {
    const tracker = new EscalationTracker(miniScenario);
    tracker.advanceTo(min(10));
    tracker.send({ type: 'situation.assessed', level: INCIDENT });
    tracker.advanceTo(min(24));
    expect(tracker.obligationStates()['tell-comms']).toBe('open');
    tracker.advanceTo(min(25));
    expect(tracker.obligationStates()['tell-comms']).toBe('missed');
    expect(tracker.obligationStates()['holding']).toBe('open');
  });

  it('marks the obligation met when the deed is done before the deadline', () => {
    const tracker = new EscalationTracker(miniScenario);
    tracker.send({ type: 'situation.assessed', level: INCIDENT });
    tracker.advanceTo(min(5));
    tracker.send({ type: 'desk.did', deed: { what: 'escalate', role: 'comms' } });
    tracker.advanceTo(min(60));
    expect(tracker.obligationStates()['tell-comms']).toBe('met');
  });

  it('counts a deed done before the obligation opened', () => {
    const tracker = new EscalationTracker(miniScenario);
    tracker.send({ type: 'desk.did', deed: { what: 'pausePromotions' } });
    tracker.send({ type: 'situation.assessed', level: INCIDENT });
    expect(tracker.obligationStates()['pause']).toBe('met');
  });

  it('records a deed after the deadline as met late', () => {
    const tracker = new EscalationTracker(miniScenario);
    tracker.send({ type: 'situation.assessed', level: INCIDENT });
    tracker.advanceTo(min(31));
    expect(tracker.obligationStates()['holding']).toBe('missed');
    tracker.send({ type: 'desk.did', deed: { what: 'holdingStatement' } });
    expect(tracker.obligationStates()['holding']).toBe('metLate');
  });

  it('does not confuse roles: escalating to legal does not satisfy comms', () => {
    const tracker = new EscalationTracker(miniScenario);
    tracker.send({ type: 'situation.assessed', level: INCIDENT });
    tracker.send({ type: 'desk.did', deed: { what: 'escalate', role: 'legal' } });
    expect(tracker.obligationStates()['tell-comms']).toBe('open');
  });

  it('tracks the declared level apart from the situation', () => {
    const tracker = new EscalationTracker(miniScenario);
    tracker.send({ type: 'situation.assessed', level: INCIDENT });
    tracker.send({ type: 'level.declared', level: 1 });
    const value = tracker.snapshot().value as Record<string, unknown>;
    expect(value.situation).toBe('L2');
    expect(value.declared).toBe('L1');
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
