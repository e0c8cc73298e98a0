import { BREACH_KINDS, type BreachKind, type Category } from '../scenario/scenario.schema';
import type { JudgeBreach, JudgeContext, Part, ReplyQuality, Verdict } from './verdict';

/**
 * Quality on the simulation's −2…+2 scale: +1 for covering what the post needs
 * (−1 for missing it), +1 for an empathetic tone to an unhappy customer, and a cost
 * per breach that reflects what it costs in life.
 */

/** Each inner list is one acceptable core; covering any one in full earns the point. */
const WANTS: Record<Category, Part[][]> = {
  unhappy: [['acknowledge', 'apologise', 'nextStep'], ['apologise', 'inviteDm'], ['acknowledge', 'nextStep'], ['apologise', 'nextStep']],
  question: [['explain'], ['nextStep'], ['inviteDm']],
  misguided: [['correctFacts'], ['explain']],
  positive: [['thank']],
  legal: [['acknowledge', 'inviteDm'], ['apologise', 'inviteDm'], ['acknowledge', 'nextStep']],
  media: [['acknowledge', 'nextStep'], ['explain', 'nextStep']],
  rager: [['acknowledge', 'inviteDm'], ['apologise', 'inviteDm'], ['acknowledge', 'nextStep']],
  troll: [],
};
/** A holding statement owns the problem and says what happens next. */
const HOLDING_WANTS: Part[][] = [['acknowledge', 'nextStep'], ['apologise', 'nextStep'], ['explain', 'nextStep']];

const BREACH_COST: Record<JudgeBreach, number> = {
  personalDataInPublic: 2,
  defensiveTone: 2,
  cannedRepeat: 2,
  inconsistentAnswer: 2,
  pushedToPhone: 1,
  publicCompensation: 1,
  namedStaff: 1,
  bannedPhrase: 1,
  missingRequiredFact: 1,
  missingSignOff: 1,
  contradictsFacts: 2,
  deflectsCause: 2,
  blamesPartner: 2,
  admitsLiability: 2,
};
export const MIN_QUALITY = -2;
export const MAX_QUALITY = 2;

function wants(ctx: JudgeContext): Part[][] {
  if (ctx.kind === 'holdingStatement') return HOLDING_WANTS;
  if (ctx.kind === 'dm' || ctx.kind === 'escalationNote') return [];
  return WANTS[ctx.post?.category ?? 'unhappy'];
}

export function qualityOf(parts: readonly Part[], breaches: readonly JudgeBreach[], tone: Verdict['tone'], stuffed: boolean, ctx: JudgeContext): number {
  if (stuffed) return MIN_QUALITY;
  let q = 0;
  const cores = wants(ctx);
  if (cores.length > 0) q += cores.some((core) => core.every((p) => parts.includes(p))) ? 1 : -1;
  else if (ctx.post?.category === 'troll' && ctx.kind !== 'dm') q -= 1;
  if (tone === 'empathetic' && (ctx.post?.sentiment ?? -1) < 0) q += 1;
  if (tone === 'empathetic' && ctx.post?.category === 'positive') q += 1;
  for (const b of breaches) q -= BREACH_COST[b];
  return Math.max(MIN_QUALITY, Math.min(MAX_QUALITY, q));
}

const SIM_BREACHES = new Set<string>(BREACH_KINDS);

/** The verdict on the simulation's existing reply-quality shape, so the sim can swap judges in one call. */
export function verdictToReplyQuality(v: Verdict): ReplyQuality {
  return {
    quality: v.quality,
    breaches: v.breaches.filter((b): b is JudgeBreach & BreachKind => SIM_BREACHES.has(b)),
    notes: v.evidence.map((e) => `${e.label}: ${e.reason}`),
  };
}
