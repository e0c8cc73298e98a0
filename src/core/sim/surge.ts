import { expNeg } from '../util/fixed-math';
import { CALMED_NETWORK_SHARE, IN_THREAD_CHANCE, SPILL_SHARE, WINDOW_SECONDS } from '../tuning';
import { needsResponse } from '../guideline/rules';
import { addMoment, postById, type SimContext } from './context';
import { crowdLeft } from './crowd';
import { drawTemplate, generatePost, type NewPost } from './post-generator';
import { instigatorPosted } from './moments';
import type { Post } from './state';

/**
 * The surge model: a self-exciting (Hawkes-like) process per channel. Every
 * surge post raises its channel's excitation, which decays with the scenario's
 * memory; routine traffic arrives as a steady Poisson stream beside it. The crowd
 * it draws from is finite (crowd.ts), so an unanswered surge peaks and fades by
 * itself; `surge.maxPerMinute` only bounds a runaway, and steps it bounds are counted.
 */

/**
 * Expected follow-on posts per surge post from a fresh crowd, after the trainee's effect on it
 * (what the trainee controls; how much of the crowd is left scales the arrivals, see arrive).
 */
export function branchingRatio(ctx: SimContext): number {
  const { scenario, state: s } = ctx;
  const mob = scenario.instigator.mobilisationPercent / 100;
  const instigator = instigatorPost(ctx);
  const calmed = instigator !== undefined && instigatorCalmed(instigator);
  const mobilisation = 1 + (calmed ? mob * CALMED_NETWORK_SHARE : mob);
  return (scenario.surge.branchingPercent / 100) * (s.heat / 100) * mobilisation;
}

/** The share of the crowd still to be drawn in: it scales every surge arrival. */
const crowdLeftNow = (ctx: SimContext) => crowdLeft(ctx.scenario, ctx.state.counters.surgeArrivals);


/** A surge-related post raises the intensity of its own channel and, less, the others. */
export function excite(ctx: SimContext, channel: string): void {
  const s = ctx.state;
  const channelIds = ctx.index.channelIds;
  const kick = branchingRatio(ctx) / ctx.scenario.surge.memoryMinutes;
  const others = channelIds.length - 1;
  for (const c of channelIds) {
    const share = others === 0 ? 1 : c === channel ? 1 - SPILL_SHARE : SPILL_SHARE / others;
    s.excitation[c] = s.excitation[c]! + kick * share;
  }
}

/**
 * The instigator's friends and family: a steady stream of posts on their channel
 * from the moment they post, which a good personal answer calms to a quarter.
 */
function networkPerMinute(ctx: SimContext, channel: string): number {
  const inst = instigatorPost(ctx);
  if (!inst || channel !== inst.channel) return 0;
  const rate = ctx.scenario.instigator.mobilisationPercent / 100;
  return instigatorCalmed(inst) ? rate * CALMED_NETWORK_SHARE : rate;
}

function instigatorCalmed(inst: Post): boolean {
  return inst.inDm || inst.replies.some((r) => r.by === 'trainee' && r.quality > 0);
}

export function instigatorPost(ctx: SimContext): Post | undefined {
  const id = ctx.state.instigatorId;
  return id === undefined ? undefined : postById(ctx.state, id);
}

/** Surge and routine arrivals the model expects over the next sim hour. */
export function forecastNextHour(ctx: SimContext): number {
  let total = 0;
  const b = 1 / ctx.scenario.surge.memoryMinutes;
  for (const c of ctx.index.channelIds) {
    // The excitation decays as e^(−b·m); its integral over 60 minutes is E·(1 − e^(−60b))/b.
    const surge = ((ctx.state.excitation[c]! * (1 - expNeg(60 * b))) / b) * crowdLeftNow(ctx);
    const network = networkPerMinute(ctx, c) * 60 * crowdLeftNow(ctx);
    total += Math.min(surge + network, ctx.scenario.surge.maxPerMinute * 60) + ctx.index.baselinePerMinute[c]! * 60;
  }
  return Math.round(total);
}

/** Creates a post, counts it, and puts it in the queues it belongs to. */
export function addPost(ctx: SimContext, spec: NewPost): Post {
  const { state: s, caches } = ctx;
  const post = generatePost(ctx.scenario, ctx.rng, s.nextPostId++, s.t, spec, s.posts);
  s.posts.push(post);
  s.counters.arrivals++;
  if (post.sentiment < 0) {
    s.counters.negativeArrivals++;
    caches.windowNegative++;
    if (post.author.followers > s.maxNegativeFollowers) s.maxNegativeFollowers = post.author.followers;
  }
  for (const f of post.flags) if (!s.flagsSeen.includes(f)) s.flagsSeen.push(f);
  if (post.source !== 'routine') {
    s.counters.surgeArrivals++;
    excite(ctx, post.channel);
  }
  if (needsResponse(post)) s.queues.open.push(post.id);
  if (post.needs) s.queues.awaitingRole.push(post.id);
  return post;
}

/** Phase: the instigator's post when due, then each channel's routine and surge arrivals for one step. */
export function arrive(ctx: SimContext, dt: number): void {
  const { scenario, state: s, rng, index } = ctx;
  const minutes = dt / 60;
  const inst = scenario.instigator;
  if (s.instigatorId === undefined && s.t >= inst.atMinute * 60) {
    const template = scenario.templates.find((t) => t.id === inst.template)!;
    const post = addPost(ctx, {
      template,
      channel: inst.channel,
      source: 'instigator',
      author: { name: inst.name, handle: inst.handle, followers: inst.followers },
    });
    s.instigatorId = post.id;
    addMoment(ctx, instigatorPosted(ctx, post));
  }
  const cap = scenario.surge.maxPerMinute * minutes;
  for (const c of index.channelIds) {
    const routine = rng.poisson(index.baselinePerMinute[c]! * minutes);
    for (let i = 0; i < routine; i++) {
      const template = drawTemplate(index.routinePools[c]!, rng);
      if (template) addPost(ctx, { template, channel: c, source: 'routine' });
    }
    // Only people not yet drawn in can post: the pressure works on what is left of the crowd.
    const expected = (s.excitation[c]! + networkPerMinute(ctx, c)) * crowdLeftNow(ctx) * minutes;
    if (expected > cap) s.counters.surgeCappedSteps++;
    const surge = rng.poisson(Math.min(expected, cap));
    const instigator = instigatorPost(ctx);
    for (let i = 0; i < surge; i++) {
      const template = drawTemplate(index.surgePools[c]!, rng);
      if (!template) continue;
      // On the instigator's channel most of the crowd comments under the original post.
      const inThread = instigator && c === instigator.channel && rng.chance(IN_THREAD_CHANCE);
      addPost(ctx, { template, channel: c, source: 'surge', ...(inThread ? { threadId: instigator.id } : {}) });
    }
    s.excitation[c] = s.excitation[c]! * index.decayPerStep;
  }
  slideWindow(ctx);
}

/** Moves the last-hour window past posts older than an hour and records the hour's peaks. */
function slideWindow(ctx: SimContext): void {
  const { state: s, caches: q } = ctx;
  while (q.windowStart < s.posts.length && s.posts[q.windowStart]!.t <= s.t - WINDOW_SECONDS) {
    if (s.posts[q.windowStart]!.sentiment < 0) q.windowNegative--;
    q.windowStart++;
  }
  const lastHour = s.posts.length - q.windowStart;
  s.counters.peakArrivalsPerHour = Math.max(s.counters.peakArrivalsPerHour, lastHour);
  s.counters.peakNegativePerHour = Math.max(s.counters.peakNegativePerHour, q.windowNegative);
}
