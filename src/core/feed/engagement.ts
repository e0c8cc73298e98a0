import type { Post, SimState } from '../sim/state';

/** What the public sees under a post: counts that grow as it spreads. */
export interface Engagement {
  views: number;
  reactions: number;
  shares: number;
  comments: number;
}

/** Minutes after which a post has had half the audience it will get (spread slows, like a real feed's). */
export const ENGAGEMENT_HALF_MINUTES = 30;
/** Everyone sees some posts: the brand page's own followers, search, the algorithm. */
export const ENGAGEMENT_BASE_VIEWS = 40;
/** Share of an author's followers who eventually see a post, in per mille. */
export const ENGAGEMENT_VIEW_PERMILLE = 300;
/** Reactions per 1,000 views (a typical engagement rate for a contested post). */
export const ENGAGEMENT_REACTION_PERMILLE = 40;
/** Shares and comments per 100 reactions. */
export const ENGAGEMENT_SHARE_PERCENT = 15;
export const ENGAGEMENT_COMMENT_PERCENT = 8;
/** A busy channel lifts every post on it: +10 % per tenth of a post a minute of self-excitation, at most +300 %. */
export const ENGAGEMENT_CHANNEL_BOOST_MAX_PERCENT = 300;
/** Posts differ a little even with the same author and age: ±20 %. */
export const ENGAGEMENT_SPREAD_PERCENT = 20;

const floorDiv = (a: number, b: number): number => Math.floor(a / b);

/** A fixed per-post factor in percent (80 … 120), from its id alone. */
function postFactorPercent(id: number): number {
  const h = Math.imul(id, 0x9e3779b1) >>> 0;
  return 100 - ENGAGEMENT_SPREAD_PERCENT + (h % (2 * ENGAGEMENT_SPREAD_PERCENT + 1));
}

/**
 * The public counts of a post at the state's time, a pure function of state
 * (the author's reach, the post's age, the overall heat and its channel's
 * excitation): nothing is stored, so replays agree. Integer maths only, the
 * same in every engine; counts never fall while heat holds.
 */
export function engagement(post: Post, state: Pick<SimState, 't' | 'heat' | 'excitation'>): Engagement {
  const ageMinutes = Math.max(0, floorDiv(state.t - post.t, 60));
  const growthPermille = floorDiv(ageMinutes * 1000, ageMinutes + ENGAGEMENT_HALF_MINUTES);
  const heatPercent = Math.floor(state.heat);
  const channelTenths = Math.floor((state.excitation[post.channel] ?? 0) * 10);
  const boostPercent = 100 + Math.min(channelTenths * 10, ENGAGEMENT_CHANNEL_BOOST_MAX_PERCENT);
  const audience = ENGAGEMENT_BASE_VIEWS + floorDiv(post.author.followers * ENGAGEMENT_VIEW_PERMILLE, 1000);
  let views = floorDiv(audience * growthPermille, 1000);
  views = floorDiv(views * heatPercent, 100);
  views = floorDiv(views * boostPercent, 100);
  views = floorDiv(views * postFactorPercent(post.id), 100);
  const reactions = floorDiv(views * ENGAGEMENT_REACTION_PERMILLE, 1000);
  return {
    views,
    reactions,
    shares: floorDiv(reactions * ENGAGEMENT_SHARE_PERCENT, 100),
    comments: floorDiv(reactions * ENGAGEMENT_COMMENT_PERCENT, 100) + post.replies.length,
  };
}
