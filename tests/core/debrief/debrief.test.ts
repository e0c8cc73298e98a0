import { describe, expect, it } from 'vitest';
import { buildDebrief, LESSON_IDS, MAX_LESSONS_SHOWN, RETRY_TIPS, Simulation, type BotName } from '../../../src/core/index';
import { botRun, shipped } from './bot-runs';

const BAD_BOTS: BotName[] = ['deleter', 'appeaser', 'canned', 'idle', 'random'];
const VERDICT_RANK = { missed: 0, mixed: 1, kept: 2 };

describe('the debrief teaches by lesson', () => {
  for (const bot of BAD_BOTS) {
    it(`a flagship played by the ${bot} bot shows at most ${MAX_LESSONS_SHOWN} lessons, each quoting its post, and ${RETRY_TIPS} retry tips`, () => {
      const { sim, debrief } = botRun('facebook-mugging', bot);
      expect(debrief.lessons.length).toBeGreaterThan(3);
      expect(debrief.lessons.length).toBeLessThanOrEqual(MAX_LESSONS_SHOWN);
      expect(debrief.retryTips).toHaveLength(RETRY_TIPS);
      expect(new Set(debrief.lessons.map((l) => l.id)).size).toBe(debrief.lessons.length);
      for (const lesson of debrief.lessons) {
        expect(lesson.examples.length, lesson.id).toBeGreaterThan(0);
        for (const ex of lesson.examples) {
          if (ex.postId === undefined) continue;
          const post = sim.post(ex.postId)!;
          expect(ex.postText).toBe(post.text);
          expect(ex.author).toBe(post.author.name);
          expect(ex.deeds.length).toBeGreaterThan(0);
        }
      }
      // The retry tips are those of the worst lessons.
      expect(debrief.retryTips).toEqual(debrief.lessons.slice(0, RETRY_TIPS).map((l) => l.tip));
    });
  }

  it('orders lessons worst first: missed, then mixed, then kept, heavier first within each', () => {
    for (const bot of ['random', 'guideline', 'appeaser'] as BotName[]) {
      const { lessons } = botRun('tutorial', bot).debrief;
      for (let i = 1; i < lessons.length; i++) {
        const [a, b] = [lessons[i - 1]!, lessons[i]!];
        const rank = VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict];
        expect(rank < 0 || (rank === 0 && a.weight >= b.weight), `${a.id} before ${b.id}`).toBe(true);
      }
    }
  });

  it('keys lessons by stable ids, not titles', () => {
    const { lessons } = botRun('facebook-mugging', 'appeaser').debrief;
    for (const l of lessons) expect(LESSON_IDS).toContain(l.id);
  });

  it('quotes the trainee’s own reply on a post: the words they sent, the tone judged from them', () => {
    const { sim, debrief } = botRun('facebook-mugging', 'appeaser');
    const lesson = debrief.lessons.find((l) => l.id === 'no-reward-for-shouting')!;
    const ex = lesson.examples[0]!;
    const sent = sim.state.log.find((e) => e.action.type === 'post.reply' && e.action.postId === ex.postId)!.action;
    const judged = sim.post(ex.postId!)!.replies.find((r) => r.by === 'trainee')!;
    expect(ex.deeds[0]).toMatchObject({ kind: 'reply', text: (sent as { text: string }).text, blocks: judged.parts, tone: judged.tone });
  });

  it('collapses repeats into one lesson with the count and the first time', () => {
    const { sim, debrief, scenario } = botRun('facebook-mugging', 'deleter');
    const deletions = sim.state.breaches.filter((b) => b.kind === 'deletedCriticism');
    const lesson = debrief.lessons.find((l) => l.id === 'keep-legitimate-criticism')!;
    expect(deletions.length).toBeGreaterThan(10);
    expect(lesson.summary).toBe(
      `You deleted a legitimate complaint ${deletions.length} times — the first at ${sim.clock(deletions[0]!.t)}.`,
    );
    const rule = scenario.guideline.forbidden.find((f) => f.kind === 'deletedCriticism')!;
    expect(lesson.rule).toEqual({ rule: rule.rule, text: rule.text });
  });

  it('writes model replies from the scenario’s facts: the customer’s name, the brand, what it is doing', () => {
    const { debrief, scenario, sim } = botRun('facebook-mugging', 'idle');
    const lesson = debrief.lessons.find((l) => l.id === 'fix-the-cause')!;
    const inst = sim.post(sim.state.instigatorId!)!;
    expect(lesson.examples[0]!.postId).toBe(inst.id);
    expect(lesson.modelReply).toContain(`Hi ${scenario.instigator.name.split(' ')[0]},`);
    expect(lesson.modelReply).toContain(scenario.judge.facts.doing[0]!);
    expect(lesson.modelReply).toContain(scenario.brand.name);
  });

  it('gives a good run advice on doing better instead of a wall of ticks', () => {
    const { debrief, outcome } = botRun('tutorial', 'guideline');
    expect(outcome.score).toBeGreaterThanOrEqual(85);
    expect(debrief.retryTips.length + debrief.better.length).toBe(RETRY_TIPS);
    expect(debrief.better.length).toBeGreaterThan(0);
  });

  it('teaches notes that sent a role back with questions, from the notes themselves', () => {
    const questionedIn = (bot: BotName) =>
      botRun('facebook-mugging', bot).debrief.lessons.filter((l) => (l.figures.find((f) => f.key === 'questioned')?.count ?? 0) > 0);
    const { sim } = botRun('facebook-mugging', 'random');
    const questioned = sim.state.posts.flatMap((p) => p.notes).filter((n) => n.readyAt > n.t && n.role !== 'backOffice');
    expect(questioned.length).toBeGreaterThan(0);
    const lessons = questionedIn('random');
    expect(lessons.length).toBeGreaterThan(0);
    for (const l of lessons) {
      expect(l.summary).toMatch(/back with questions \(no account of what happened in \d+\), each costing 15 minutes/);
      expect(l.tip).toMatch(/what happened \(quote the post\), what you need them to do, and by when/);
    }
    expect(questionedIn('guideline')).toEqual([]);
  });

  it('is a pure function of scenario and serialisable state', () => {
    const { scenario, sim, debrief } = botRun('tutorial', 'random');
    expect(buildDebrief(scenario, JSON.parse(JSON.stringify(sim.state)))).toEqual(debrief);
  });

  it('reviews a shift stopped early as of its clock: nothing after it, nothing not yet due counted as missed', () => {
    const { scenario } = shipped.get('facebook-mugging')!;
    const sim = new Simulation(scenario, { seed: 2, mode: 'drill' });
    sim.advanceTo(150 * 60);
    const { lessons } = buildDebrief(scenario, sim.state);
    const now = sim.clock();
    for (const l of lessons) for (const ex of l.examples) expect(ex.t).toBeLessThanOrEqual(sim.state.t);
    const hr = lessons.find((l) => l.id === 'escalate-hr');
    if (hr) {
      const never = hr.figures.find((f) => f.key === 'never')!.count;
      expect(never).toBe(sim.state.counters.postNeedsMissed - missedFor(sim, ['legal', 'comms', 'teamLead', 'backOffice']));
    }
    expect(lessons.find((l) => l.id === 'fast-lane')!.summary).toContain(`at ${now}`);
  });
});

function missedFor(sim: Simulation, roles: string[]): number {
  return sim.state.posts.filter((p) => p.needs && roles.includes(p.needs.role) && p.needsMissed && !p.escalatedTo.includes(p.needs.role)).length;
}

