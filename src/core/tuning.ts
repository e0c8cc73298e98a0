/**
 * Every number that tunes play, named once with the reason it has its value.
 * Rules import these; text that quotes a number (a debrief's "Goodwill −4") is
 * built from the same constant, so the words and the effect cannot drift apart.
 * Changing one changes recorded runs: bump ENGINE_VERSION with it.
 */

// ───────────────────────── goodwill and heat ─────────────────────────

/** Goodwill is a 0–100 index. */
export const GOODWILL_MIN = 0;
export const GOODWILL_MAX = 100;
/** A brand starts a shift liked but not loved, with room to fall and to earn. */
export const GOODWILL_START = 70;
/** Heat is a percentage multiplier on the scenario's own branching ratio; 100 is the scenario as written. */
export const HEAT_START = 100;
/** Even a calmed crowd keeps some appetite for a pile-on. */
export const HEAT_MIN = 40;
/** Past two and a half times its own ratio the surge would run away within minutes. */
export const HEAT_MAX = 250;

/** A breach of the guideline costs this much goodwill... */
export const BREACH_GOODWILL = -4;
/** ...and heats the crowd, which smells a brand on the back foot. */
export const BREACH_HEAT = 4;
/** The debrief teaches from the first few breaches of each kind; the score counts them all. */
export const BREACH_MOMENTS_PER_KIND = 3;
/** Removing legitimate criticism makes it spread (the Streisand effect). */
export const CENSOR_HEAT = 12;
/** ...and each censored post kicks its channel's excitation this many times over. */
export const CENSOR_KICKS = 2;

/** Goodwill per point of reply quality (−2 … +2), before the author's reach weight. */
export const REPLY_GOODWILL_PER_QUALITY = 0.3;
/** Heat per point of reply quality on surge-related posts, before the author's reach weight. */
export const REPLY_HEAT_PER_QUALITY = 1.5;
/** Taking a conversation to DM calms like a decent reply. */
export const DM_QUALITY = 1;
/** ...and earns a little goodwill with those who needed privacy or care. */
export const DM_GOODWILL = 0.5;
/** Each routine answer from the team adds a sliver of goodwill. */
export const TEAM_REPLY_GOODWILL = 0.02;
/** Closing a post that wanted an answer and got none is noticed. */
export const CLOSE_UNANSWERED_GOODWILL = -1;
/** Linking the same story across channels shows the brand sees the whole picture. */
export const LINK_HEAT = -3;

/** A holding statement counts from this level on; before it, nothing is happening to hold. */
export const STATEMENT_FROM_LEVEL = 1;
/**
 * What a timely holding statement does, by the judge's quality of its words (−2 … +2):
 * one that owns the problem and says what happens next takes a fifth or a quarter of the
 * heat out and earns goodwill; an empty one barely helps; one that deflects, contradicts
 * the facts or admits liability makes it worse, as it would in life.
 */
export const STATEMENT_EFFECT: Record<'-2' | '-1' | '0' | '1' | '2', { heatFactor: number; goodwill: number }> = {
  '2': { heatFactor: 0.75, goodwill: 3 },
  '1': { heatFactor: 0.8, goodwill: 2 },
  '0': { heatFactor: 0.95, goodwill: 0 },
  '-1': { heatFactor: 1.1, goodwill: -2 },
  '-2': { heatFactor: 1.25, goodwill: -4 },
};
/** Public compensation teaches the watching crowd that shouting pays: each offer kicks its channel this many times. */
export const COMPENSATION_COPYCAT_KICKS = 2;

/** A scheduled promotion is tone-deaf from this level on (Incident in every shipped guideline). */
export const PROMOTION_TONE_DEAF_LEVEL = 2;
export const PROMOTION_TONE_DEAF_HEAT = 6;
export const PROMOTION_TONE_DEAF_GOODWILL = -2;

/** Fixing the root cause takes the fuel away: heat falls by two fifths... */
export const ROOT_FIX_HEAT_FACTOR = 0.6;
/** ...and the public credits the brand for it. */
export const ROOT_FIX_GOODWILL = 8;

/** A post whose needed role was not told in time costs goodwill (legal threats are breaches instead). */
export const ROLE_MISSED_GOODWILL = -2;
/** A guideline obligation missed costs goodwill. */
export const OBLIGATION_MISSED_GOODWILL = -3;

/** Anger unanswered this long on a visible surge post counts as silence. */
export const SILENCE_AFTER_SECONDS = 1800;
/** Heat per silent post per sim minute... */
export const SILENCE_HEAT_PER_POST_MINUTE = 0.5;
/** ...counting at most this many posts: past a handful, more silence adds little. */
export const SILENCE_MAX_POSTS = 6;
/** Goodwill lost per overdue negative post per sim minute... */
export const OVERDUE_GOODWILL_PER_POST_MINUTE = -0.004;
/** ...counting at most this many posts, so a flood cannot empty the index on its own. */
export const OVERDUE_MAX_POSTS = 50;
/** Goodwill recovered per sim minute while no anger is overdue. */
export const CAUGHT_UP_GOODWILL_PER_MINUTE = 0.02;

// ───────────────────────────── reach ─────────────────────────────

/**
 * Audience tiers, named as the rules use them today (they do not all agree yet):
 * `SOME` and `HIGH` weight reactions and order the bots' work; silence counts
 * from `SOME`; the team leaves posts from `TEAM_LIMIT` up to the trainee.
 */
export const REACH = {
  /** From here an author's reaction is seen beyond their friends. */
  SOME: 1000,
  /** The rest of the team leaves authors this large to the trainee. */
  TEAM_LIMIT: 5000,
  /** From here an author's reaction reaches the press. */
  HIGH: 10000,
} as const;
/** How much one author's reaction counts, by tier: a large audience multiplies both harm and repair. */
export const REACH_WEIGHT = { SMALL: 1, SOME: 1.5, HIGH: 2 } as const;
/** A few surge authors turn out to have ten times the audience their template suggests. */
export const VIRAL_CHANCE = 0.04;
export const VIRAL_MULTIPLIER = 10;

// ───────────────────────────── surge ─────────────────────────────

/** Share of a channel's excitement that spills over to the other channels' audiences. */
export const SPILL_SHARE = 0.25;
/** A good personal answer to the instigator calms their network to this share of its pull. */
export const CALMED_NETWORK_SHARE = 0.25;
/** On the instigator's channel most of the crowd comments under the original post. */
export const IN_THREAD_CHANCE = 0.6;
/** The guideline's entry criteria and the metrics look back one sim hour. */
export const WINDOW_SECONDS = 3600;

// ───────────────────────────── team ─────────────────────────────

/** From this declared level the team serves routine customers first (the fast lane). */
export const FAST_LANE_LEVEL = 1;

// ───────────────────────── trainee's hands ─────────────────────────

/** Sim seconds each action occupies the trainee (limited hands). */
export const ACTION_SECONDS = {
  triage: 5,
  /** Reading the post and deciding what to say, before a word is written. */
  replyBase: 20,
  dmBase: 20,
  hideDeleteClose: 5,
  escalate: 45,
  link: 20,
  /** Agreeing a statement for every channel takes longer than a reply, before the writing itself. */
  holdingStatementBase: 60,
  pausePromotions: 30,
  callInStaff: 60,
  declareLevel: 10,
  /** The trainer's inject does not use the trainee's hands. */
  fireInject: 0,
} as const;
/**
 * Characters of reply the trainee writes per sim second (plus each action's base time):
 * a 300-character reply takes 20 + 60 sim seconds, as long as a four-block reply did.
 */
export const WRITING_CHARS_PER_SECOND = 5;
/** An escalation note shorter than this tells the colleague nothing. */
export const ESCALATION_NOTE_MIN = 10;
/**
 * A note that does not say what happened or what the role should do sends the role back
 * with questions: a round of messages to and fro costs about a quarter of an hour before
 * they can act, which is enough to miss a 15-minute legal or comms deadline.
 */
export const NOTE_QUESTIONS_SECONDS = 15 * 60;
/** The rule of two: at most this many public replies to one person. */
export const PUBLIC_REPLIES_PER_AUTHOR = 2;
/**
 * The trainee's latest replies and DMs a new text is compared with (repetition, consistency),
 * besides the holding statement: a reader scrolling the page sees about this many.
 */
export const EARLIER_STATEMENTS_JUDGED = 12;
/** Practice hints shown at once: more than this is a wall of text. */
export const HINTS_MAX = 6;

// ───────────────────────────── scoring ─────────────────────────────

/** Lowest score for each grade. */
export const GRADE_FLOORS = { A: 85, B: 70, C: 55, D: 40 } as const;
/** Conduct points lost per breach. */
export const CONDUCT_PER_BREACH = 12;
/** Escalation points lost per minute with the declared level below the situation... */
export const LAG_POINTS_PER_MINUTE = 1.5;
/** ...and per minute above it (costly, but less than being behind). */
export const OVER_POINTS_PER_MINUTE = 0.5;
/** Root cause: a fix scores 100 less this much times the share of the shift gone by... */
export const ROOT_FIXED_LATENESS = 60;
/** ...an escalation without a fix in time scores at most this... */
export const ROOT_ESCALATED_MAX = 40;
/** ...less this much times the share of the shift gone by. */
export const ROOT_ESCALATED_LATENESS = 20;
/** Containment is half how far negativity decayed from its peak, half how far the peak stayed below the ceiling. */
export const CONTAINMENT_HALF = 50;
/** The narrative mentions the desk running behind the situation past this many minutes. */
export const NARRATE_LAG_MINUTES = 30;

// ───────────────────────────── text ─────────────────────────────

/** A signed amount as the debrief writes it: "+3", "−4" (a true minus sign). */
export function signed(n: number): string {
  return n < 0 ? `−${-n}` : `+${n}`;
}

/** A multiplicative change as a percentage: 0.8 → "−20 %". */
export function signedPercent(factor: number): string {
  return `${signed(Math.round((factor - 1) * 100))} %`;
}
