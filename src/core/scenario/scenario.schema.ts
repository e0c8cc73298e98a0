import { z } from 'zod';
import { channelSchema, injectSchema, templateSchema, wordingSchema } from './content.schema';
import { checkCrossReferences, CROSS_FIELD, isRecord } from './cross-checks';
import { DAY_MINUTES, documented, localId, text, wholeNumber } from './field-docs';
import { guidelineSchema } from './guideline.schema';
import { judgeRulesSchema } from './judge-rules.schema';
import { roleSchema } from './vocabulary.schema';
import { CROWD_POSTING_SHARE, MIN_CROWD } from '../sim/crowd';

/** How the crowd's size is computed, quoted from the constants that compute it. */
const CROWD_DOC = `\`instigator.followers\` × \`mobilisationPercent\`/100 × ${CROWD_POSTING_SHARE}, at least ${MIN_CROWD} people`;

export * from './vocabulary.schema';
export { CHANNEL_LOOKS, type ChannelLook } from './content.schema';

/**
 * The scenario format, version 1. This schema is the single source of truth for
 * what a trainer may write in `scenarios/*.yaml`: every type the simulation reads is
 * inferred from it, and its descriptions become the JSON Schema and the format
 * reference. Strict objects make a typo an error instead of a silent no-op.
 */

const weight = (meaning: string) => documented(wholeNumber(0, 100), { meaning, examples: [20] });
const weightsSchema = z.strictObject({
  goodwill: weight('Weight of the Goodwill Index at the end of the shift.'),
  serviceLevel: weight('Weight of the share of routine customers answered within their channel\'s service level.'),
  obligations: weight('Weight of guideline obligations and post `needs` met on time (late ones count half).'),
  conduct: weight('Weight of conduct: points are lost for every breach.'),
  escalation: weight('Weight of declaring the level the situation is at, neither late nor early.'),
  rootCause: weight('Weight of fixing the root cause, and how early.'),
  containment: weight('Weight of containment: how far the negative posts stayed below the surge ceiling, and how far they decayed from their peak.'),
  triage: documented(wholeNumber(0, 100).default(0), {
    meaning: 'Weight of triage accuracy: the share of the posts the trainee categorised (T) that went into their true category. No triage scores 0.',
    examples: [5],
  }),
});
export type ScoreWeights = z.infer<typeof weightsSchema>;

const minutesInDay = (meaning: string, examples: number[], effect?: string) =>
  documented(wholeNumber(1, DAY_MINUTES), { meaning, examples, ...(effect ? { effect } : {}) });

const teamSchema = z.strictObject({
  agents: documented(wholeNumber(1, 50), {
    meaning: 'Agents on the rest of the team, who work the routine queue beside the trainee.',
    effect: 'The team answers open posts in arrival order, but never a flagged post, one that needs a role, the instigator\'s, one the trainee triaged urgent, or one from a big account: those wait for the trainee.',
    examples: [3],
  }),
  postsPerAgentHour: documented(wholeNumber(1, 60), { meaning: 'Posts one team agent answers per sim hour.', examples: [12] }),
  maxExtraStaff: documented(wholeNumber(0, 50), { meaning: 'How many extra staff the trainee may call in, in total, during the shift.', examples: [3] }),
  callInMinutes: minutesInDay('Sim minutes until called-in staff start work.', [20]),
});

/** Step lengths that divide a sim minute, so every minute starts on a step. */
const STEP_SECONDS: readonly number[] = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60];

const durationSchema = z.strictObject({
  simMinutes: documented(wholeNumber(10, DAY_MINUTES), {
    meaning: 'Length of the shift in sim minutes.',
    effect: 'Scripted minutes (`instigator.atMinute`, `injects[].atMinute`) must fall within it; an obligation still open when it ends counts as not met.',
    examples: [240],
  }),
  stepSeconds: documented(
    z
      .number()
      .int()
      .refine((n) => STEP_SECONDS.includes(n), `a step that divides a minute (${STEP_SECONDS.slice(0, -1).join(', ')} or ${STEP_SECONDS.at(-1)})`)
      // Mirrors the refinement for editors that read the JSON Schema.
      .meta({ enum: [...STEP_SECONDS] })
      .default(10),
    { meaning: 'Sim seconds per fixed simulation step; it divides a minute.', effect: 'Arrivals are drawn once a step and actions take effect at step boundaries.', examples: [10] },
  ),
  realMinutes: documented(wholeNumber(1, 120), {
    meaning: 'Real minutes a ranked run lasts.',
    effect: 'Sets the game\'s pace: `simMinutes` / `realMinutes` sim minutes pass per real minute.',
    examples: [20],
  }),
  startClock: documented(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a 24-hour time written HH:MM').default('09:00'), {
    meaning: 'The wall clock at the start of the shift, HH:MM; deadlines and the debrief use it.',
    examples: ['09:00'],
  }),
});

const surgeSchema = z.strictObject({
  branchingPercent: documented(wholeNumber(0, 150), {
    meaning: 'Expected follow-on posts per surge post, in percent, before the trainee acts (the branching ratio).',
    effect: `Multiplied by the crowd\'s heat and, while the instigator is unanswered, by 1 + \`instigator.mobilisationPercent\`/100. Each post draws on a finite crowd (${CROWD_DOC}), so even at 100 % or more the surge peaks and fades once that crowd is used up; higher ratios make it rise faster and draw in more of the crowd.`,
    examples: [90],
  }),
  memoryMinutes: documented(wholeNumber(1, 600), {
    meaning: 'Mean life of a post\'s excitement, in sim minutes.',
    effect: 'Longer memory makes a slower, longer surge; shorter makes it spike and fade.',
    examples: [40],
  }),
  maxPerMinute: documented(wholeNumber(1, 200), {
    meaning: 'Ceiling on expected surge arrivals per sim minute on each channel (a safety limit on a runaway surge).',
    effect: 'The crowd, not this number, should set a surge\'s size: if an unanswered surge reaches it, the checker warns (`surge-capped`) and the balance report counts the capped minutes. The containment score compares the negative peak with this ceiling over all channels.',
    examples: [4],
  }),
});

const instigatorSchema = z.strictObject({
  name: documented(text(60), { meaning: 'The instigator\'s name.', examples: ['Kerry Walsh'] }),
  handle: documented(text(40), { meaning: 'The instigator\'s handle.', examples: ['@kerrywalsh'] }),
  channel: documented(localId, {
    meaning: 'The channel (an id from `channels`) the instigator posts on.',
    effect: 'Their friends and family post there, and most of the crowd comments under the original post.',
    examples: ['facebook'],
  }),
  followers: documented(wholeNumber(0), {
    meaning: 'The instigator\'s follower count: the reach of their network.',
    effect: `Sets the size of the crowd a surge can draw in (${CROWD_DOC}); feeds \`authorFollowers\` entry criteria and weighs replies to them.`,
    examples: [1200],
  }),
  template: documented(localId, { meaning: 'The template (an id from `templates`) of the instigator\'s post, usually of kind `inject`.', examples: ['kerry-original'] }),
  atMinute: documented(wholeNumber(0, DAY_MINUTES), { meaning: 'The sim minute the instigator posts; within the shift.', examples: [5] }),
  mobilisationPercent: documented(wholeNumber(0, 200), {
    meaning: 'Friends and family who join in: extra heat in percent while the instigator is unanswered.',
    effect: 'Their posts arrive on the instigator\'s channel at `mobilisationPercent`/100 a sim minute and the surge\'s branching ratio is multiplied by 1 + `mobilisationPercent`/100; a good personal reply or a DM to the instigator cuts both to a quarter.',
    examples: [60],
  }),
});

const rootCauseSchema = z.strictObject({
  description: documented(text(300), { meaning: 'The back-office pain point behind the complaints.', examples: ['The refund system rejects cancelled journeys.'] }),
  owner: documented(roleSchema, {
    meaning: 'The role that can fix it.',
    effect: 'Escalating a root-cause post (`aboutRootCause: true`) to this role starts the fix.',
    examples: ['backOffice'],
  }),
  fixMinutes: minutesInDay('Sim minutes from that escalation until the fix is in.', [40], 'The fix cools the crowd and restores goodwill; the earlier, the better the root-cause score.'),
});

const promotionsSchema = z.strictObject({
  scheduled: documented(text(200), { meaning: 'The scheduled promotional post.', examples: ['Flash sale: 20% off this weekend!'] }),
  everyMinutes: minutesInDay('How often it goes out, in sim minutes.', [30], 'Until the trainee pauses promotions, each one that goes out while the situation is at the third guideline level or above heats the crowd and costs goodwill.'),
});

const variablesSchema = z.record(
  z.string().regex(/^[a-z][a-zA-Z]*$/, 'variable names are letters in lowerCamelCase'),
  documented(z.array(z.string().min(1)).min(1), { meaning: 'The alternatives for `{name}`; each post picks one.', examples: [['Leeds', 'York']] }),
);

export const scenarioSchema = z
  .strictObject({
    format: documented(z.literal(1), { meaning: 'The scenario format version; this version of Surge Drill reads format 1.', examples: [1] }),
    id: documented(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case: a-z, 0-9 and single dashes'), {
      meaning: 'The scenario\'s id: the file name without `.yaml`, in kebab-case.',
      effect: 'Runs, leaderboards and drills refer to the scenario by it.',
      examples: ['facebook-mugging'],
    }),
    title: documented(text(80), { meaning: 'The title in the menu.', examples: ['The Facebook mugging'] }),
    summary: documented(text(600), {
      meaning: 'The briefing a trainee reads before the shift.',
      examples: ['A customer whose mother was stranded at a station rallies her friends on your Facebook page.'],
    }),
    difficulty: documented(z.enum(['tutorial', 'easy', 'standard', 'hard']), { meaning: 'The difficulty label shown in the menu.', examples: ['standard'] }),
    tutorial: documented(z.boolean().default(false), {
      meaning: 'A tutorial scenario.',
      effect: 'Listed first in the menu, and kept off leaderboards and drills.',
      examples: [false],
    }),
    brand: documented(
      z.strictObject({
        name: documented(text(60), { meaning: 'The brand\'s name; `{brand}` in template text.', examples: ['Northway Rail'] }),
        sector: documented(text(60), { meaning: 'What the brand does, shown in the menu and on the desk.', examples: ['regional trains'] }),
        voice: documented(z.string().max(200).default(''), {
          meaning: 'How the brand sounds, shown to the trainee on the desk.',
          examples: ['Friendly and plain. First names, no jargon.'],
        }),
      }),
      { meaning: 'The brand the trainee speaks for.' },
    ),
    channels: documented(z.array(channelSchema).min(1).max(6), { meaning: 'The social channels on the desk.' }),
    team: documented(teamSchema, { meaning: 'The rest of the social desk.' }),
    duration: documented(durationSchema, { meaning: 'The shift\'s length and pace.' }),
    baseline: documented(
      z.strictObject({
        postsPerDay: documented(wholeNumber(0, 20000), {
          meaning: 'Routine posts a day over all channels, before any surge.',
          effect: 'Split over the channels by `sharePercent`; drawn from the `routine` templates.',
          examples: [200],
        }),
      }),
      { meaning: 'The daily queue.' },
    ),
    surge: documented(surgeSchema, { meaning: 'The crowd dynamics: a self-exciting process started by the instigator.' }),
    instigator: documented(instigatorSchema, { meaning: 'The let-down customer whose post starts the surge.' }),
    variables: documented(variablesSchema.default({}), {
      meaning: 'Words that vary from post to post: each name lists alternatives, and `{name}` in a template\'s text takes one at random.',
      examples: [{ station: ['Leeds', 'York'] }],
    }),
    templates: documented(z.array(templateSchema).min(1), { meaning: 'The posts that can arrive.' }),
    wording: documented(wordingSchema.optional(), {
      meaning: 'How the crowd writes: small talk around routine and surge posts, and typos. Leave out for posts worded exactly as their templates.',
      effect: 'With it, a post whose words repeat one of the latest posts is worded again (the next variant, other variables, other small talk), so a surge does not repeat itself on one screen.',
    }),
    injects: documented(z.array(injectSchema).default([]), { meaning: 'Scripted or trainer-fired events.' }),
    rootCause: documented(rootCauseSchema, { meaning: 'The back-office problem behind the surge.' }),
    promotions: documented(promotionsSchema.optional(), { meaning: 'Scheduled promotional posts that keep going out unless paused. Leave out for none.' }),
    guideline: documented(guidelineSchema, { meaning: 'The brand\'s written escalation guideline, which the game turns into its escalation machine.' }),
    scoring: documented(z.strictObject({ weights: documented(weightsSchema, { meaning: 'Relative weights of the score\'s components; the score is their weighted average.' }) }), {
      meaning: 'How the shift is scored.',
    }),
    // --- reply judge: the brand's own rules for free-text replies (see judge-rules.schema.ts) ---
    judge: documented(judgeRulesSchema, {
      meaning: "What the brand may say and how: the facts replies and holding statements are written from (cause, what is being done, refund policy, timescales), what must not be said, and the brand's own rules for the reply judge (staff names, banned phrases, required facts, sign-off, personal-data formats).",
      effect: 'Every reply, DM and holding statement is judged against it; the composer\'s quick inserts and the guideline bot write from its facts.',
    }),
  })
  // Runs even when other parts of the file are invalid, so a trainer sees every problem in one pass.
  .superRefine((value, ctx) => checkCrossReferences(value, (path, message) => ctx.addIssue({ code: 'custom', path, message, params: { [CROSS_FIELD]: true } })), {
    when: (payload) => isRecord(payload.value),
  })
  .meta({
    title: 'Surge Drill scenario, format 1',
    description: 'A Surge Drill scenario: the brand, the surge, the injects and the escalation guideline a trainee rehearses. Reference: docs/scenario-format.md.',
  });

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Channel = Scenario['channels'][number];
export type Template = Scenario['templates'][number];
export type Inject = Scenario['injects'][number];
export type Level = Scenario['guideline']['levels'][number];
export type Obligation = Scenario['guideline']['obligations'][number];
export type EntryCriterion = Level['entry'][number];
