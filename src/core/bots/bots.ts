import type { Action } from '../sim/actions';
import { Prng } from '../util/prng';
import { PUBLIC_REPLIES_PER_AUTHOR, REACH } from '../tuning';
import { needsResponse } from '../guideline/rules';
import { BLOCKS, CATEGORIES, ROLES, type Scenario } from '../scenario/scenario.schema';
import { quickInsertText } from '../sim/quick-insert';
import { APPEASER_TEXT, CANNED_TEXT, guidelineDm, guidelineNote, guidelineReply, guidelineStatement, STUFFER_TEXT } from './reply-writer';
import type { Outcome } from '../scoring/scoring';
import { Simulation } from '../sim/simulation';
import type { Post } from '../sim/state';
import type { Mode } from '../modes';

/**
 * Scripted players. They prove the scoring rewards the brief's practices: the
 * `guideline` bot must beat every naive one on every scenario and seed. A bot only
 * sees what a trainee sees (posts, flags, the guideline, the HUD) plus the true
 * level, which a careful trainee reads off the guideline's entry criteria.
 */

export const BOT_NAMES = ['idle', 'random', 'canned', 'deleter', 'appeaser', 'stuffer', 'guideline'] as const;
export type BotName = (typeof BOT_NAMES)[number];

type Bot = (sim: Simulation, rng: Prng) => Action | undefined;

/** How far back in the feed a bot looks: a person works the recent screenfuls, not the archive. */
const LOOKBACK = 400;
/** An escalation note's length limit (the action schema's). */
const NOTE_MAX = 280;

/** The guideline bot's order of work: higher first; reach adds to a reply's base. */
const PRIORITY = {
  hide: 90,
  dmExposed: 85,
  instigator: 85,
  neededRole: 80,
  surge: 40,
  ruleOfTwoDm: 30,
  highReach: 20,
  someReach: 10,
  routine: 10,
} as const;

function* recentPosts(sim: Simulation): Generator<Post> {
  const posts = sim.state.posts;
  for (let i = posts.length - 1; i >= 0 && i >= posts.length - LOOKBACK; i--) yield posts[i]!;
}

const visible = (p: Post) => p.status === 'open' || p.status === 'answered';
const unanswered = (p: Post) => p.status === 'open' && p.firstResponseAt === undefined;

const idle: Bot = () => undefined;

/** The oldest unanswered post that wants an answer, in the recent feed. */
function oldestWanting(sim: Simulation): Post | undefined {
  let oldest: Post | undefined;
  for (const p of recentPosts(sim)) if (unanswered(p) && needsResponse(p)) oldest = p;
  return oldest;
}

const canned: Bot = (sim) => {
  const oldest = oldestWanting(sim);
  return oldest && { type: 'post.reply', postId: oldest.id, text: CANNED_TEXT };
};

const stuffer: Bot = (sim) => {
  const oldest = oldestWanting(sim);
  return oldest && { type: 'post.reply', postId: oldest.id, text: STUFFER_TEXT };
};

const deleter: Bot = (sim) => {
  for (const p of recentPosts(sim)) {
    if (visible(p) && p.sentiment < 0) {
      const hideable = p.flags.includes('abuse') || p.flags.includes('personalData');
      return { type: hideable ? 'post.hide' : 'post.delete', postId: p.id };
    }
  }
  return undefined;
};

const appeaser: Bot = (sim) => {
  let loudest: Post | undefined;
  for (const p of recentPosts(sim)) {
    if (unanswered(p) && p.sentiment < 0 && (!loudest || p.author.followers > loudest.author.followers)) loudest = p;
  }
  return loudest && { type: 'post.reply', postId: loudest.id, text: APPEASER_TEXT };
};

const random: Bot = (sim, rng) => {
  if (!rng.chance(0.3)) return undefined;
  const s = sim.state;
  const live = s.posts.length === 0 ? undefined : s.posts[rng.int(Math.max(0, s.posts.length - 50), s.posts.length - 1)];
  const scenario = sim.scenario;
  switch (rng.int(0, 9)) {
    case 0:
      return live && { type: 'post.triage', postId: live.id, category: rng.pick(CATEGORIES), urgent: rng.chance(0.5) };
    case 1:
    case 2: {
      if (!live) return undefined;
      const blocks = BLOCKS.filter(() => rng.chance(0.3));
      const text = (blocks.length ? blocks : (['acknowledge'] as const)).map((b) => quickInsertText(scenario, b, live)).join(' ');
      return { type: 'post.reply', postId: live.id, text };
    }
    case 3: {
      if (!live) return undefined;
      const type = rng.pick(['post.dm', 'post.hide', 'post.delete', 'post.close'] as const);
      return type === 'post.dm' ? { type, postId: live.id, text: guidelineDm(live, live.id) } : { type, postId: live.id };
    }
    case 4:
      return live && { type: 'post.escalate', postId: live.id, role: rng.pick(ROLES), note: 'Please take a look at this one.' };
    case 5:
      return { type: 'level.declare', level: rng.pick(scenario.guideline.levels).id };
    case 6:
      return { type: 'desk.holdingStatement', text: guidelineStatement(scenario) };
    case 7:
      return { type: 'desk.callInStaff', count: 1 };
    case 8:
      return { type: 'desk.pausePromotions' };
    default:
      return undefined;
  }
};

/** Texts the trainee has written so far (replies and DMs): the guideline bot varies its words by it. */
function textsWritten(sim: Simulation): number {
  let n = 0;
  for (const e of sim.state.log) if (e.action.type === 'post.reply' || e.action.type === 'post.dm') n++;
  return n;
}

function obligationDeed(sim: Simulation): Action | undefined {
  const s = sim.state;
  const scenario = sim.scenario;
  for (const o of sim.obligations()) {
    if (o.status !== 'open') continue;
    const def = scenario.guideline.obligations.find((d) => d.id === o.id)!;
    switch (def.action) {
      case 'holdingStatement':
        if (s.holdingStatementAt === undefined) return { type: 'desk.holdingStatement', text: guidelineStatement(scenario) };
        break;
      case 'pausePromotions':
        if (s.promotionsPausedAt === undefined) return { type: 'desk.pausePromotions' };
        break;
      case 'callInStaff': {
        const left = scenario.team.maxExtraStaff - s.team.extra - s.team.pending.reduce((n, p) => n + p.count, 0);
        const arrivesInShift = s.t + scenario.team.callInMinutes * 60 < s.endT;
        if (left > 0 && arrivesInShift) return { type: 'desk.callInStaff', count: left };
        break;
      }
      case 'escalate': {
        const role = def.role!;
        for (const p of recentPosts(sim)) {
          if (visible(p) && p.source !== 'routine' && !p.escalatedTo.includes(role)) {
            return { type: 'post.escalate', postId: p.id, role, note: guidelineNote(scenario, p, role, o.deadline, NOTE_MAX) };
          }
        }
        break;
      }
      case 'fixRootCause':
        break; // handled with priority by rootCauseDeed
      case 'linkThreads':
        break; // handled by linkDeed
    }
  }
  return undefined;
}

function rootCauseDeed(sim: Simulation): Action | undefined {
  if (sim.state.rootCause.escalatedAt !== undefined) return undefined;
  const owner = sim.scenario.rootCause.owner;
  for (const p of recentPosts(sim)) {
    if (visible(p) && p.aboutRootCause && !p.escalatedTo.includes(owner)) {
      return { type: 'post.escalate', postId: p.id, role: owner, note: guidelineNote(sim.scenario, p, owner, undefined, NOTE_MAX) };
    }
  }
  return undefined;
}

function linkDeed(sim: Simulation): Action | undefined {
  const inst = sim.state.instigatorId === undefined ? undefined : sim.post(sim.state.instigatorId);
  if (!inst || inst.linkedTo !== undefined || sim.state.posts.some((p) => p.linkedTo !== undefined)) return undefined;
  for (const p of recentPosts(sim)) {
    if (p.channel !== inst.channel && p.aboutRootCause && p.linkedTo === undefined) return { type: 'thread.link', postIds: [inst.id, p.id] };
  }
  return undefined;
}

const guideline: Bot = (sim) => {
  const s = sim.state;
  const scenario = sim.scenario;
  if (s.declaredLevel < s.trueLevel) return { type: 'level.declare', level: scenario.guideline.levels[s.trueLevel]!.id };
  const deed = obligationDeed(sim) ?? rootCauseDeed(sim);
  if (deed) return deed;
  // Candidates are kept as recipes: only the chosen one is written out.
  let best: { make: () => Action; priority: number } | undefined;
  const consider = (make: () => Action, priority: number) => {
    if (!best || priority > best.priority) best = { make, priority };
  };
  const repliesTo = new Map<string, number>();
  for (const p of recentPosts(sim)) {
    if (p.status === 'hidden' && p.flags.includes('personalData') && !p.inDm) {
      consider(() => ({ type: 'post.dm', postId: p.id, text: guidelineDm(p, textsWritten(sim)) }), PRIORITY.dmExposed);
      continue;
    }
    if (!visible(p)) continue;
    if (p.flags.includes('personalData') || p.flags.includes('abuse')) {
      consider(() => ({ type: 'post.hide', postId: p.id }), PRIORITY.hide);
      continue;
    }
    if (p.needs && !p.escalatedTo.includes(p.needs.role)) {
      const role = p.needs.role;
      const deadline = p.needs.deadline;
      consider(() => ({ type: 'post.escalate', postId: p.id, role, note: guidelineNote(scenario, p, role, deadline, NOTE_MAX) }), PRIORITY.neededRole);
      continue;
    }
    if (!unanswered(p)) continue;
    const mine = repliesTo.get(p.author.handle) ?? countTraineeReplies(sim, p.author.handle);
    repliesTo.set(p.author.handle, mine);
    if (mine >= PUBLIC_REPLIES_PER_AUTHOR) {
      consider(() => ({ type: 'post.dm', postId: p.id, text: guidelineDm(p, textsWritten(sim)) }), PRIORITY.ruleOfTwoDm);
      continue;
    }
    const reach = p.author.followers >= REACH.HIGH ? PRIORITY.highReach : p.author.followers >= REACH.SOME ? PRIORITY.someReach : 0;
    const base = p.source === 'instigator' ? PRIORITY.instigator : p.source === 'routine' ? PRIORITY.routine : PRIORITY.surge;
    if (!needsResponse(p)) continue;
    consider(() => ({ type: 'post.reply', postId: p.id, text: guidelineReply(scenario, p, textsWritten(sim))! }), base + reach);
  }
  if (best) return best.make();
  return linkDeed(sim) ?? triageDeed(sim);
};

/** With nothing more pressing, a careful agent tags the newest untagged post (urgent when it has reach or flags). */
function triageDeed(sim: Simulation): Action | undefined {
  for (const p of recentPosts(sim)) {
    if (!visible(p) || p.triage) continue;
    const urgent = p.flags.length > 0 || p.author.followers >= REACH.HIGH;
    return { type: 'post.triage', postId: p.id, category: p.category, urgent };
  }
  return undefined;
}

function countTraineeReplies(sim: Simulation, handle: string): number {
  let n = 0;
  for (const p of recentPosts(sim)) if (p.author.handle === handle) n += p.replies.filter((r) => r.by === 'trainee').length;
  return n;
}

const BOTS: Record<BotName, Bot> = { idle, random, canned, deleter, appeaser, stuffer, guideline };

/** Plays a whole shift with a bot; the bot acts whenever the trainee's hands are free. */
export function runBot(scenario: Scenario, opts: { seed: number; mode: Mode; bot: BotName }): { sim: Simulation; outcome: Outcome } {
  const sim = new Simulation(scenario, { seed: opts.seed, mode: opts.mode });
  // The bot's own choices draw from a separate stream so they never shift the world's draws.
  const rng = Prng.fromSeed((opts.seed ^ 0x5eed) >>> 1);
  const bot = BOTS[opts.bot];
  while (!sim.state.over) {
    if (sim.state.t >= sim.state.trainee.busyUntil) {
      const action = bot(sim, rng);
      if (action) sim.apply(action);
    }
    sim.step();
  }
  return { sim, outcome: sim.outcome() };
}
