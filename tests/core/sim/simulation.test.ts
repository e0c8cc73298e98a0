import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/core/sim/simulation';
import { runBot } from '../../../src/core/bots/bots';
import { scenarioSchema } from '../../../src/core/scenario/scenario.schema';
import { REPLY_MAX_CHARS, type Action } from '../../../src/core/sim/actions';
import { CALL_US_REPLY, COMPENSATION_REPLY, GOOD_DM, GOOD_REPLY, GOOD_STATEMENT, PLAIN_REPLY, PUBLIC_DETAILS_REPLY, ROTA_CAUSE_REPLY, SIGNAL_CAUSE_REPLY } from '../../fixtures/reply-texts';
import type { Post } from '../../../src/core/sim/state';
import { miniScenario, miniScenarioInput } from '../../fixtures/mini-scenario';
import { NOTE_QUESTIONS_SECONDS } from '../../../src/core/tuning';

const fresh = (seed = 1) => new Simulation(miniScenario, { seed, mode: 'practice' });
const snapshot = (sim: Simulation) => JSON.stringify(sim.state);

/** Runs until a post matching `pred` exists and returns it. */
function waitFor(sim: Simulation, pred: (p: Post) => boolean): Post {
  while (!sim.state.over) {
    const p = sim.state.posts.find(pred);
    if (p) return p;
    sim.step();
  }
  throw new Error('no such post arrived');
}

describe('simulation clock and arrivals', () => {
  it('advances in whole fixed steps and ends at the end of the shift', () => {
    const sim = fresh();
    sim.step();
    expect(sim.state.t).toBe(10);
    sim.advanceTo(95);
    expect(sim.state.t).toBe(100);
    sim.finish();
    expect(sim.state.t).toBe(180 * 60);
    expect(sim.state.over).toBe(true);
    sim.step();
    expect(sim.state.t).toBe(180 * 60);
  });

  it('is deterministic: the same seed gives the same state', () => {
    const a = fresh(5);
    const b = fresh(5);
    a.finish();
    b.finish();
    expect(snapshot(a)).toBe(snapshot(b));
  });

  it('posts the instigator at the scripted minute', () => {
    const sim = fresh();
    sim.advanceTo(5 * 60 - 10);
    expect(sim.state.instigatorId).toBeUndefined();
    sim.advanceTo(5 * 60);
    const inst = sim.post(sim.state.instigatorId!)!;
    expect(inst.author.handle).toBe('@danamoss');
    expect(inst.source).toBe('instigator');
  });

  it('lets an idle desk face a real mugging: hundreds of posts within a few hours', () => {
    const sim = fresh(3);
    sim.advanceTo(3 * 3600);
    const surge = sim.state.posts.filter((p) => p.source !== 'routine').length;
    expect(surge).toBeGreaterThan(300);
    const routine = sim.state.posts.filter((p) => p.source === 'routine').length;
    // About 200 a day of baseline traffic: ~25 in three hours.
    expect(routine).toBeGreaterThan(10);
    expect(routine).toBeLessThan(50);
  });

  it('damps the surge when the instigator gets a good personal reply at once', () => {
    const quiet = fresh(4);
    const inst = waitFor(quiet, (p) => p.source === 'instigator');
    expect(quiet.apply({ type: 'post.reply', postId: inst.id, text: GOOD_REPLY }).ok).toBe(true);
    quiet.advanceTo(2 * 3600);
    const loud = fresh(4);
    loud.advanceTo(2 * 3600);
    expect(quiet.state.counters.surgeArrivals).toBeLessThan(loud.state.counters.surgeArrivals);
    expect(quiet.branchingRatio()).toBeLessThan(loud.branchingRatio());
  });

  it('forecasts more arrivals while the surge is running than before it', () => {
    const sim = fresh(2);
    const before = sim.forecastNextHour();
    sim.advanceTo(60 * 60);
    expect(sim.forecastNextHour()).toBeGreaterThan(before);
  });

  it('builds a machine for a guideline without obligations', () => {
    const noObligations = scenarioSchema.parse({ ...miniScenarioInput, guideline: { ...miniScenarioInput.guideline, obligations: [] } });
    const sim = new Simulation(noObligations, { seed: 1, mode: 'practice' });
    expect(sim.finish().score).toBeGreaterThanOrEqual(0);
  });
});

describe('actions are validated and a rejection changes nothing', () => {
  const cases: [string, Action, string][] = [
    ['unknown post', { type: 'post.dm', postId: 9999, text: GOOD_DM }, 'action/unknown_post'],
    ['blank reply', { type: 'post.reply', postId: 1, text: '   ' }, 'action/empty_reply'],
    ['oversize reply', { type: 'post.reply', postId: 1, text: 'x'.repeat(REPLY_MAX_CHARS + 1) }, 'action/reply_too_long'],
    ['unknown level', { type: 'level.declare', level: 'meltdown' }, 'action/unknown_level'],
    ['same level', { type: 'level.declare', level: 'normal' }, 'action/already_done'],
    ['unknown inject', { type: 'inject.fire', injectId: 'nope' }, 'action/unknown_inject'],
    ['empty statement', { type: 'desk.holdingStatement', text: '' }, 'action/empty_reply'],
    ['too many staff', { type: 'desk.callInStaff', count: 4 }, 'action/no_staff_left'],
    ['short note', { type: 'post.escalate', postId: 1, role: 'legal', note: 'pls' }, 'action/note_required'],
  ];
  for (const [name, action, code] of cases) {
    it(`rejects ${name} with ${code}`, () => {
      const sim = fresh();
      waitFor(sim, (p) => p.id === 1);
      const before = snapshot(sim);
      const result = sim.apply(action);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.code).toBe(code);
      expect(snapshot(sim)).toBe(before);
    });
  }

  it('rejects actions on a closed post', () => {
    const sim = fresh();
    const p = waitFor(sim, () => true);
    expect(sim.apply({ type: 'post.close', postId: p.id }).ok).toBe(true);
    sim.advanceTo(sim.state.trainee.busyUntil);
    const before = snapshot(sim);
    const r = sim.apply({ type: 'post.dm', postId: p.id, text: GOOD_DM });
    expect(r.ok ? '' : r.code).toBe('action/post_closed');
    expect(snapshot(sim)).toBe(before);
  });

  it('keeps the trainee busy for the action time (limited hands)', () => {
    const sim = fresh();
    const p = waitFor(sim, () => true);
    expect(sim.apply({ type: 'post.reply', postId: p.id, text: PLAIN_REPLY }).ok).toBe(true);
    const r = sim.apply({ type: 'desk.pausePromotions' });
    expect(r.ok ? '' : r.code).toBe('action/agent_busy');
    sim.advanceTo(sim.state.trainee.busyUntil);
    expect(sim.apply({ type: 'desk.pausePromotions' }).ok).toBe(true);
  });

  it('refuses injects in ranked mode but fires them in practice', () => {
    const ranked = new Simulation(miniScenario, { seed: 1, mode: 'ranked' });
    const r = ranked.apply({ type: 'inject.fire', injectId: 'photo' });
    expect(r.ok ? '' : r.code).toBe('action/not_in_mode');
    const practice = fresh();
    expect(practice.apply({ type: 'inject.fire', injectId: 'photo' }).ok).toBe(true);
    expect(practice.state.posts.filter((p) => p.source === 'inject')).toHaveLength(5);
    expect(practice.state.firedInjects.map((f) => f.id)).toEqual(['photo']);
  });
});

describe('breaches answer a mistake at once, naming the rule', () => {
  it('cites asking for personal data in public', () => {
    const sim = fresh();
    const p = waitFor(sim, (q) => q.source === 'instigator');
    sim.apply({ type: 'post.reply', postId: p.id, text: PUBLIC_DETAILS_REPLY });
    expect(sim.state.breaches).toEqual([expect.objectContaining({ kind: 'personalDataInPublic', rule: '4.1', postId: p.id })]);
    expect(sim.state.moments.at(-1)!.title).toBe('Guideline 4.1: Never ask for personal data in public');
  });

  it('cites deleting legitimate criticism and feeds the surge', () => {
    const sim = fresh();
    const p = waitFor(sim, (q) => q.category === 'unhappy' && q.source === 'surge');
    const heat = sim.state.heat;
    sim.apply({ type: 'post.delete', postId: p.id });
    expect(sim.state.breaches.map((b) => b.kind)).toEqual(['deletedCriticism']);
    expect(sim.state.heat).toBeGreaterThan(heat);
  });

  it('lets abuse be hidden without a breach', () => {
    const sim = fresh();
    const p = waitFor(sim, (q) => q.flags.includes('abuse'));
    sim.apply({ type: 'post.hide', postId: p.id });
    expect(sim.state.breaches).toEqual([]);
    expect(sim.post(p.id)!.status).toBe('hidden');
  });

  it('hides personal data and still lets the customer be helped in DM', () => {
    const sim = fresh(11);
    const p = waitFor(sim, (q) => q.flags.includes('personalData'));
    expect(sim.apply({ type: 'post.hide', postId: p.id }).ok).toBe(true);
    sim.advanceTo(sim.state.trainee.busyUntil);
    expect(sim.apply({ type: 'post.dm', postId: p.id, text: GOOD_DM }).ok).toBe(true);
    expect(sim.state.breaches).toEqual([]);
    expect(sim.post(p.id)!.firstResponseAt).toBe(sim.state.t);
  });

  it('cites public compensation, pushing to the phone and inconsistent answers', () => {
    const sim = fresh();
    const posts: Post[] = [];
    while (posts.length < 3) {
      sim.step();
      for (const p of sim.state.posts) if (p.aboutRootCause && !posts.includes(p)) posts.push(p);
    }
    const [a, b, c] = posts as [Post, Post, Post];
    const free = () => sim.advanceTo(sim.state.trainee.busyUntil);
    sim.apply({ type: 'post.reply', postId: a.id, text: COMPENSATION_REPLY });
    free();
    sim.apply({ type: 'post.reply', postId: b.id, text: SIGNAL_CAUSE_REPLY });
    free();
    sim.apply({ type: 'post.reply', postId: c.id, text: `${ROTA_CAUSE_REPLY} ${CALL_US_REPLY}` });
    // The rota also contradicts the cause on record in the scenario's facts.
    expect(sim.state.breaches.map((x) => x.kind)).toEqual(['publicCompensation', 'pushedToPhone', 'inconsistentAnswer', 'contradictsFacts']);
  });

  it('quotes the words that committed a breach on the citation and in the moment, at once', () => {
    const sim = fresh();
    const p = waitFor(sim, (q) => q.source === 'instigator');
    sim.apply({ type: 'post.reply', postId: p.id, text: PUBLIC_DETAILS_REPLY });
    const cited = sim.state.breaches[0]!;
    expect(cited.quote).toBeDefined();
    expect(PUBLIC_DETAILS_REPLY).toContain(cited.quote!);
    expect(cited.quote).toMatch(/booking reference|phone number/);
    expect(cited.reason).toMatch(/personal data/);
    expect(sim.state.moments.at(-1)!.did).toContain(`"${cited.quote}"`);
    const reply = sim.post(p.id)!.replies[0]!;
    expect(reply).toMatchObject({ by: 'trainee', text: PUBLIC_DETAILS_REPLY, breaches: ['personalDataInPublic'] });
    expect(reply.evidence.some((e) => e.label === 'personalDataInPublic' && PUBLIC_DETAILS_REPLY.slice(e.from, e.to) === cited.quote)).toBe(true);
  });

  it('lets a good personal reply calm the crowd and a canned one feed it', () => {
    const heatAfter = (text: string) => {
      const sim = fresh(6);
      const p = waitFor(sim, (q) => q.source === 'instigator');
      const before = sim.state.heat;
      sim.apply({ type: 'post.reply', postId: p.id, text });
      return sim.state.heat - before;
    };
    expect(heatAfter(GOOD_REPLY)).toBeLessThan(0);
    expect(heatAfter('Thank you for your feedback. We apologise for any inconvenience caused.')).toBeGreaterThan(0);
  });

  it('brings copycats when compensation is offered in public', () => {
    const excitementAfter = (text: string) => {
      const sim = fresh(7);
      const p = waitFor(sim, (q) => q.source === 'instigator');
      sim.apply({ type: 'post.reply', postId: p.id, text });
      return sim.state.excitation[p.channel]!;
    };
    expect(excitementAfter(COMPENSATION_REPLY)).toBeGreaterThan(excitementAfter(GOOD_REPLY));
  });

  it('charges time by the length of what is written', () => {
    const short = fresh();
    const long = fresh();
    const p = waitFor(short, () => true);
    waitFor(long, () => true);
    short.apply({ type: 'post.reply', postId: p.id, text: PLAIN_REPLY });
    long.apply({ type: 'post.reply', postId: p.id, text: `${GOOD_REPLY} ${GOOD_REPLY}` });
    expect(long.state.trainee.busyUntil).toBeGreaterThan(short.state.trainee.busyUntil);
  });

  it('judges a holding statement on its content: owning it helps, deflecting costs', () => {
    const after = (text: string) => {
      const sim = fresh(3);
      sim.advanceTo(90 * 60);
      const heat = sim.state.heat;
      expect(sim.apply({ type: 'desk.holdingStatement', text }).ok).toBe(true);
      return { heat: sim.state.heat - heat, breaches: sim.state.breaches.map((b) => b.kind), quality: sim.state.holdingStatement!.quality };
    };
    const owned = after(GOOD_STATEMENT);
    const deflected = after('The cancellation was caused by a signalling fault outside our control. We apologise for any inconvenience.');
    expect(owned.quality).toBeGreaterThan(0);
    expect(owned.heat).toBeLessThan(0);
    expect(deflected.quality).toBeLessThan(0);
    expect(deflected.breaches).toContain('deflectsCause');
    expect(deflected.heat).toBeGreaterThan(owned.heat);
  });

  it('cites a legal threat left without legal past its deadline', () => {
    const sim = fresh();
    sim.advanceTo(60 * 60 + 31 * 60);
    expect(sim.state.breaches.some((b) => b.kind === 'ignoredLegalThreat')).toBe(true);
  });

  it('counts a legal threat escalated in time as met', () => {
    const sim = fresh();
    const p = waitFor(sim, (q) => q.flags.includes('legalThreat'));
    sim.advanceTo(sim.state.trainee.busyUntil);
    expect(sim.apply({ type: 'post.escalate', postId: p.id, role: 'legal', note: `Customer threatens legal action: "${p.text}" Please advise on our reply today.` }).ok).toBe(true);
    sim.advanceTo(3 * 3600);
    expect(sim.state.counters.postNeedsMet).toBe(1);
    expect(sim.state.breaches.some((b) => b.kind === 'ignoredLegalThreat')).toBe(false);
  });

  /** A legal threat escalated five minutes before its deadline with `note`: what the desk and the debrief see. */
  function escalateLateInTheWindow(note: (p: Post) => string) {
    const sim = fresh();
    const p = waitFor(sim, (q) => q.flags.includes('legalThreat'));
    sim.advanceTo(p.needs!.deadline - 5 * 60);
    sim.advanceTo(sim.state.trainee.busyUntil);
    expect(sim.apply({ type: 'post.escalate', postId: p.id, role: 'legal', note: note(p) }).ok).toBe(true);
    const escalatedAt = sim.state.t;
    const moment = sim.state.moments.find((m) => m.kind === 'note');
    sim.advanceTo(escalatedAt + NOTE_QUESTIONS_SECONDS + 60);
    return { sim, p, escalatedAt, moment };
  }

  it('meets a need at once when the note says what happened and what legal should do', () => {
    const { sim, moment } = escalateLateInTheWindow((p) => `Please advise on this legal threat before we reply: "${p.text}"`);
    expect(moment).toBeUndefined();
    expect(sim.state.counters).toMatchObject({ postNeedsMet: 1, postNeedsLate: 0 });
  });

  it('sends legal back with questions when the note has no ask, so the need is met only after them and misses the deadline', () => {
    const { sim, p, escalatedAt, moment } = escalateLateInTheWindow((q) => `Customer threatens legal action: "${q.text}"`);
    expect(p.notes[0]).toMatchObject({ missing: ['ask', 'urgency'], readyAt: escalatedAt + NOTE_QUESTIONS_SECONDS });
    expect(moment).toMatchObject({ good: false, title: expect.stringMatching(/^Legal came back with questions/) });
    expect(moment!.did).toMatch(/did not say what you need them to do or by when/);
    expect(moment!.consequence).toMatch(/^Legal can act only at \d\d:\d\d, after 15 minutes of questions, past the \d\d:\d\d deadline\.$/);
    expect(sim.state.counters).toMatchObject({ postNeedsMet: 0, postNeedsLate: 1 });
  });

  it('sends legal back with questions when the note does not say what happened', () => {
    const { sim, p, moment } = escalateLateInTheWindow(() => 'Please take a look at this one.');
    expect(p.notes[0]!.missing).toEqual(['problem', 'urgency']);
    expect(moment!.did).toMatch(/did not say what happened to whom or by when/);
    expect(sim.state.counters.postNeedsLate).toBe(1);
  });
});

describe('guideline obligations inside the simulation', () => {
  it('marks rule 3.1 missed 15 minutes after the situation reaches Incident', () => {
    const sim = fresh();
    while (sim.state.trueLevel < 2) sim.step();
    const reached = sim.state.t;
    const comms = () => sim.obligations().find((o) => o.id === 'tell-comms')!;
    expect(comms()).toMatchObject({ status: 'open', openedAt: reached, deadline: reached + 15 * 60 });
    sim.advanceTo(reached + 15 * 60 - 10);
    expect(comms().status).toBe('open');
    sim.advanceTo(reached + 15 * 60);
    expect(comms().status).toBe('missed');
  });

  it('fixes the root cause after its owner is told, and the fix cools the crowd', () => {
    const sim = fresh();
    const p = waitFor(sim, (q) => q.aboutRootCause);
    sim.apply({ type: 'post.escalate', postId: p.id, role: 'backOffice', note: `The refund system rejects cancelled journeys ("${p.text}"). Please fix it today.` });
    const at = sim.state.t;
    sim.advanceTo(at + 40 * 60 - 10);
    expect(sim.state.rootCause.fixedAt).toBeUndefined();
    const heat = sim.state.heat;
    sim.advanceTo(at + 40 * 60);
    expect(sim.state.rootCause.fixedAt).toBe(at + 40 * 60);
    expect(sim.state.heat).toBeLessThan(heat);
  });

  it("starts the fix only after the owner's questions when the note does not say what to do", () => {
    const sim = fresh();
    const p = waitFor(sim, (q) => q.aboutRootCause);
    sim.apply({ type: 'post.escalate', postId: p.id, role: 'backOffice', note: `Refund system rejects cancelled journeys: "${p.text}"` });
    const at = sim.state.t;
    expect(sim.state.rootCause).toMatchObject({ escalatedAt: at, briefedAt: at + NOTE_QUESTIONS_SECONDS });
    sim.advanceTo(at + 40 * 60);
    expect(sim.state.rootCause.fixedAt).toBeUndefined();
    sim.advanceTo(at + 40 * 60 + NOTE_QUESTIONS_SECONDS);
    expect(sim.state.rootCause.fixedAt).toBe(at + 40 * 60 + NOTE_QUESTIONS_SECONDS);
  });

  it('counts comms as told only once its questions about an unclear note are answered', () => {
    const tellComms = (note: string) => {
      const sim = fresh();
      while (sim.state.trueLevel < 2) sim.step();
      sim.advanceTo(sim.state.trainee.busyUntil);
      const p = [...sim.state.posts].reverse().find((q) => q.source !== 'routine' && q.status === 'open')!;
      expect(sim.apply({ type: 'post.escalate', postId: p.id, role: 'comms', note: note.replace('POST', p.text) }).ok).toBe(true);
      sim.advanceTo(sim.state.t + NOTE_QUESTIONS_SECONDS + 60);
      return sim.obligations().find((o) => o.id === 'tell-comms')!;
    };
    expect(tellComms('Please prepare a holding line on this pile-on by 10:30: "POST"').status).toBe('met');
    const vague = tellComms('FYI, see this one.');
    expect(vague.status).not.toBe('met');
    expect(vague.doneAt === undefined || vague.doneAt >= vague.openedAt! + NOTE_QUESTIONS_SECONDS).toBe(true);
  });

  it('gives called-in staff to the team only after they arrive', () => {
    const sim = fresh();
    sim.apply({ type: 'desk.callInStaff', count: 2 });
    sim.advanceTo(19 * 60);
    expect(sim.state.team.extra).toBe(0);
    sim.advanceTo(20 * 60);
    expect(sim.state.team.extra).toBe(2);
  });
});

describe('bots', () => {
  it('the guideline bot beats every naive bot on several seeds', () => {
    for (const seed of [1, 2, 3]) {
      const guideline = runBot(miniScenario, { seed, mode: 'practice', bot: 'guideline' }).outcome.score;
      for (const bot of ['idle', 'random', 'canned', 'deleter', 'appeaser'] as const) {
        expect(guideline, `${bot} on seed ${seed}`).toBeGreaterThan(runBot(miniScenario, { seed, mode: 'practice', bot }).outcome.score + 15);
      }
    }
  });
});
