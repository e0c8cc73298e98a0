import { z } from 'zod';
import { DAY_MINUTES, documented, localId, text, wholeNumber } from './field-docs';
import { categorySchema, flagSchema, roleSchema } from './vocabulary.schema';

/** What arrives on the desk: channels, post templates and injects. */

/** Look-alike feeds the desk can draw (our own drawing, no platform marks). */
export const CHANNEL_LOOKS = ['facebook-page', 'x-timeline', 'review-site'] as const;
export type ChannelLook = (typeof CHANNEL_LOOKS)[number];

export const channelSchema = z.strictObject({
  id: documented(localId, {
    meaning: 'The channel\'s id, used by `templates[].channels`, `instigator.channel` and `injects[].posts[].channel`.',
    examples: ['facebook'],
  }),
  name: documented(text(40), { meaning: 'The channel\'s name as the desk and the debrief show it.', examples: ['Twitter/X'] }),
  sharePercent: documented(wholeNumber(0, 100), {
    meaning: 'Share of the routine (baseline) traffic that arrives on this channel, in percent. The shares of all channels add up to 100.',
    effect: 'Routine arrivals on this channel are `baseline.postsPerDay` × share / 1440 a sim minute. It does not steer the surge.',
    examples: [70],
  }),
  serviceLevelMinutes: documented(wholeNumber(1, DAY_MINUTES), {
    meaning: 'The service level: a first public reply is expected within this many sim minutes.',
    effect:
      'A routine post answered later, or not at all, counts as missed in the service-level score; negative posts left open past it cost goodwill every minute.',
    examples: [60],
  }),
  look: documented(z.enum(CHANNEL_LOOKS).optional(), {
    meaning: 'How the desk draws the public feed: a Facebook-like page with comment threads, an X-like timeline, or a review site. Our own drawing, no platform marks.',
    effect: 'Only the look of the feed; when left out, the desk picks one from the channel\'s id and name.',
  }),
});

export const templateSchema = z.strictObject({
  id: documented(localId, { meaning: 'The template\'s id, used by `instigator.template` and `injects[].posts[].template`.', examples: ['pile-on'] }),
  kind: documented(z.enum(['routine', 'surge', 'inject']), {
    meaning: 'Where posts from this template come from: `routine` is the daily queue, `surge` is the crowd around the instigator, `inject` is posted only by an inject or as the instigator\'s own post.',
    effect: 'Routine posts are drawn for baseline arrivals and are the ones the service level measures; surge posts are drawn for surge arrivals and feed the surge. A scenario needs at least one of each.',
    examples: ['surge'],
  }),
  channels: documented(z.array(localId).min(1).optional(), {
    meaning: 'The channels this template may appear on. Leave it out and the template fires on every channel.',
    effect: 'Routine and surge posts are drawn only from templates that list the channel (or list none). An inject post without its own `channel` goes to the first one listed here, else to the instigator\'s channel.',
    examples: [['facebook']],
  }),
  text: documented(text(400), {
    meaning: 'The post\'s text. `{brand}` is replaced by the brand\'s name and `{name}` by a random entry of `variables.name`. `variants` can give other wordings.',
    examples: ['{brand} lost my {item} and nobody answers. Third day now.'],
  }),
  variants: documented(z.array(text(400)).min(1).max(40).optional(), {
    meaning: 'Other wordings of the same post, with the same placeholders allowed as in `text`. Each post takes `text` or one of these at random.',
    effect: 'Only the words change: category, flags and everything else stay the template\'s. With `wording`, variables and enough variants, a surge of hundreds of posts does not repeat itself on one screen.',
    examples: [['Still no refund from {brand}. Day three.', 'day 3 of waiting for {brand} to answer me']],
  }),
  category: documented(categorySchema, {
    meaning: 'The post\'s true class: `question`, `unhappy`, `misguided` (wrong facts), `rager`, `troll`, `positive`, `legal` or `media`.',
    effect: 'Questions, unhappy, misguided, legal and media posts wait in the queue for an answer; ragers, trolls and praise are monitored only. Triage is scored against it, and the reply judge wants different phrase blocks for each class.',
    examples: ['unhappy'],
  }),
  sentiment: documented(wholeNumber(-2, 2), {
    meaning: 'How the author feels, from -2 (furious) to +2 (delighted).',
    effect: 'Negative posts (below 0) count towards `negativePostsLastHour` entry criteria and the containment score, cost goodwill while overdue, and their authors\' reach feeds `authorFollowers` criteria.',
    examples: [-1],
  }),
  flags: documented(z.array(flagSchema).default([]), {
    meaning: 'What the post carries: `personalData`, `legalThreat`, `abuse`, `media`, `namedStaff` (criticism of a named employee), `safety`.',
    effect: 'The rest of the team never answers a flagged post: it waits for the trainee. Only abuse or personal data may be hidden; named-staff criticism may be deleted after an apology, an explanation and a DM invitation. Flags seen so far drive `anyFlag` entry criteria; a legal threat that misses its `needs` deadline is an `ignoredLegalThreat` breach.',
    examples: [['legalThreat']],
  }),
  needs: documented(
    z
      .strictObject({
        role: documented(roleSchema, { meaning: 'The role this post must be escalated to.', examples: ['legal'] }),
        withinMinutes: documented(wholeNumber(1, DAY_MINUTES), {
          meaning: 'Sim minutes from the post\'s arrival to its escalation deadline.',
          examples: [30],
        }),
      })
      .optional(),
    {
      meaning: 'Whom every post from this template must reach, and how fast, whatever the guideline level.',
      effect: 'Each such post is an obligation of its own (met, met late at half credit, or missed, which costs goodwill); the team will not answer it. Escalated to that role, the post counts as answered.',
      examples: [{ role: 'comms', withinMinutes: 30 }],
    },
  ),
  aboutRootCause: documented(z.boolean().default(false), {
    meaning: 'The post is about the scenario\'s root cause (the back-office pain point).',
    effect: 'Escalating such a post to `rootCause.owner` starts the fix. Replies to it are judged against `judge.facts` and what the brand already said: another cause, timescale or stance is an `inconsistentAnswer` breach.',
    examples: [true],
  }),
  weight: documented(wholeNumber(1, 100).default(1), {
    meaning: 'Relative chance of this template among the templates of its kind on a channel.',
    examples: [3],
  }),
  followers: documented(z.tuple([wholeNumber(0), wholeNumber(0)]).default([50, 800]), {
    meaning: 'Range of the authors\' follower counts, [minimum, maximum].',
    effect: 'Most authors sit near the minimum; a few surge and inject authors reach far beyond the maximum. High-reach surge posts left unanswered heat the crowd, replies to high-reach authors weigh more for goodwill (good or bad), and the team leaves the biggest accounts to the trainee.',
    examples: [[100, 5000]],
  }),
});

const injectPostSchema = z.strictObject({
  template: documented(localId, { meaning: 'The template these posts use (any kind, usually `inject`).', examples: ['journalist-enquiry'] }),
  count: documented(wholeNumber(1, 200), { meaning: 'How many posts arrive at once.', examples: [6] }),
  channel: documented(localId.optional(), {
    meaning: 'Where they arrive. Leave it out for the template\'s first channel, else the instigator\'s channel.',
    examples: ['x'],
  }),
});

export const injectSchema = z.strictObject({
  id: documented(localId, { meaning: 'The inject\'s id, used by `injectFired` entry criteria and by the trainer\'s console.', examples: ['journalist'] }),
  title: documented(text(80), { meaning: 'A one-line headline for the debrief timeline and the trainer\'s console.', examples: ['A local journalist asks for comment'] }),
  description: documented(z.string().max(400).default(''), {
    meaning: 'What happens and why it matters; shown in the debrief.',
    examples: ['A reporter from the local paper asks on Twitter/X whether the story is true.'],
  }),
  atMinute: documented(wholeNumber(0, DAY_MINUTES).optional(), {
    meaning: 'The sim minute it fires by script. Leave it out for an inject only a trainer fires (in practice and drills).',
    effect: 'Must fall within the shift (`duration.simMinutes`).',
    examples: [45],
  }),
  posts: documented(z.array(injectPostSchema).default([]), { meaning: 'Posts the inject drops into the feed.' }),
  heatPercent: documented(wholeNumber(-100, 200).default(0), {
    meaning: 'Added to the crowd\'s heat, in percent points (heat starts at 100).',
    effect: 'Heat multiplies the surge\'s branching ratio; it has a floor and a ceiling.',
    examples: [20],
  }),
});

export const wordingSchema = z.strictObject({
  openers: documented(z.array(text(80)).max(100).default([]), {
    meaning: 'Small talk a crowd or routine post may start with, as people write it ("Honestly.", "Not again", "so"). Placeholders allowed.',
    effect: 'Each routine and surge post opens with one at random, `smallTalkPercent` of the time. Inject and instigator posts keep their words.',
    examples: [['Honestly.', 'Not again.', 'ok so']],
  }),
  closers: documented(z.array(text(80)).max(100).default([]), {
    meaning: 'Small talk a crowd or routine post may end with ("#fail", "Unreal.", "thanks in advance"). Placeholders allowed.',
    effect: 'Each routine and surge post ends with one at random, `smallTalkPercent` of the time.',
    examples: [['Unreal.', '#fail']],
  }),
  smallTalkPercent: documented(wholeNumber(0, 100).default(40), {
    meaning: 'How often a routine or surge post gets an opener, and (drawn again) a closer, in percent.',
    examples: [40],
  }),
  typoPercent: documented(wholeNumber(0, 50).default(0), {
    meaning: 'How often a routine or surge post carries one typo (two letters swapped, one dropped or doubled, in a lower-case word), in percent.',
    effect: 'Only how the post reads: names, the brand and numbers are never misspelt, and nothing in play depends on the spelling.',
    examples: [15],
  }),
});
