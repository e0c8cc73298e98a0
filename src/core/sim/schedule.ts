import {
  PROMOTION_TONE_DEAF_GOODWILL,
  PROMOTION_TONE_DEAF_HEAT,
  PROMOTION_TONE_DEAF_LEVEL,
  ROOT_FIX_GOODWILL,
  ROOT_FIX_HEAT_FACTOR,
} from '../tuning';
import { addMoment, type SimContext } from './context';
import { injectFired, rootCauseFixed, toneDeafPromotion } from './moments';
import { changeGoodwill, changeHeat, scaleHeat } from './pressure';
import { addPost } from './surge';

/**
 * What happens at a time the scenario or the trainee set in advance: called-in
 * staff arriving, scripted and trainer injects, scheduled promotions, and the
 * back office's fix of the root cause.
 */

/** Phase: staff called in earlier join the team once their travel time is up. */
export function arriveStaff(ctx: SimContext): void {
  const team = ctx.state.team;
  while (team.pending.length > 0 && team.pending[0]!.at <= ctx.state.t) {
    team.extra += team.pending.shift()!.count;
  }
}

/** Phase: scripted injects whose minute has come. */
export function fireScripted(ctx: SimContext): void {
  for (const inj of ctx.scenario.injects) {
    if (inj.atMinute !== undefined && inj.atMinute * 60 <= ctx.state.t && !ctx.state.firedInjects.some((f) => f.id === inj.id)) {
      fireInject(ctx, inj.id, 'scripted');
    }
  }
}

export function fireInject(ctx: SimContext, id: string, by: 'scripted' | 'trainer'): void {
  const { scenario, state: s } = ctx;
  const inj = scenario.injects.find((i) => i.id === id)!;
  s.firedInjects.push({ id, t: s.t });
  for (const spec of inj.posts) {
    const template = scenario.templates.find((t) => t.id === spec.template)!;
    for (let i = 0; i < spec.count; i++) {
      const channel = spec.channel ?? template.channels?.[0] ?? scenario.instigator.channel;
      addPost(ctx, { template, channel, source: 'inject' });
    }
  }
  changeHeat(ctx, inj.heatPercent, 'inject');
  addMoment(ctx, injectFired(inj.title, inj.description, by, inj.heatPercent > 0));
}

/** Phase: a scheduled promotion goes out unless paused; mid-incident it backfires. */
export function sendPromotion(ctx: SimContext): void {
  const promo = ctx.scenario.promotions;
  const s = ctx.state;
  if (!promo || s.promotionsPausedAt !== undefined || s.t % (promo.everyMinutes * 60) !== 0) return;
  // A cheerful scheduled post in the middle of an incident reads as a brand that is not listening.
  if (s.trueLevel >= PROMOTION_TONE_DEAF_LEVEL) {
    changeHeat(ctx, PROMOTION_TONE_DEAF_HEAT, 'toneDeafPromotion');
    changeGoodwill(ctx, PROMOTION_TONE_DEAF_GOODWILL, 'toneDeafPromotion');
    addMoment(ctx, toneDeafPromotion(promo.scheduled));
  }
}

/** Phase: the root cause's owner delivers the fix a fixed time after it was escalated to them. */
export function fixRootCauseWhenDue(ctx: SimContext): void {
  const s = ctx.state;
  const rc = s.rootCause;
  if (rc.escalatedAt === undefined || rc.fixedAt !== undefined) return;
  if (s.t < (rc.briefedAt ?? rc.escalatedAt) + ctx.scenario.rootCause.fixMinutes * 60) return;
  rc.fixedAt = s.t;
  scaleHeat(ctx, ROOT_FIX_HEAT_FACTOR, 'rootCauseFixed');
  changeGoodwill(ctx, ROOT_FIX_GOODWILL, 'rootCauseFixed');
  addMoment(ctx, rootCauseFixed(ctx, rc.escalatedAt));
}
