import { z } from 'zod';

/**
 * The scenario format, version 1. This schema is the single source of truth for
 * what a trainer may write in `scenarios/*.yaml`; every type the simulation reads
 * is inferred from it. Strict objects make a typo an error instead of a silent no-op.
 */

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, dashes)');
const localId = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_-]*$/, 'must start with a letter and use letters, digits, _ or -');
const minutes = z.number().int().min(0).max(24 * 60);

export const ROLES = ['teamLead', 'comms', 'legal', 'hr', 'backOffice'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const FLAGS = ['personalData', 'legalThreat', 'abuse', 'media', 'namedStaff', 'safety'] as const;
export const flagSchema = z.enum(FLAGS);
export type Flag = z.infer<typeof flagSchema>;

/** Post classes after the US Air Force web posting assessment, plus routine service requests. */
export const CATEGORIES = ['question', 'unhappy', 'misguided', 'rager', 'troll', 'positive', 'legal', 'media'] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

/** Phrase blocks a reply is composed from. */
export const BLOCKS = [
  'acknowledge',
  'apologise',
  'explain',
  'correctFacts',
  'nextStep',
  'inviteDm',
  'thank',
  'askDetailsPublicly',
  'offerCompensation',
  'callUs',
  'standardReply',
] as const;
export const blockSchema = z.enum(BLOCKS);
export type Block = z.infer<typeof blockSchema>;

export const TONES = ['empathetic', 'neutral', 'formal', 'defensive'] as const;
export const toneSchema = z.enum(TONES);
export type Tone = z.infer<typeof toneSchema>;

/** Named practices a guideline may forbid; the core detects each one. */
export const BREACH_KINDS = [
  'personalDataInPublic',
  'deletedCriticism',
  'hidLegitimatePost',
  'publicCompensation',
  'pushedToPhone',
  'cannedRepeat',
  'inconsistentAnswer',
  'ignoredLegalThreat',
  'repliedMoreThanTwice',
  'queueJumping',
  'defensiveTone',
] as const;
export const breachKindSchema = z.enum(BREACH_KINDS);
export type BreachKind = z.infer<typeof breachKindSchema>;

/** Desk-wide actions that can satisfy a guideline obligation. */
export const OBLIGATION_ACTIONS = [
  'escalate',
  'holdingStatement',
  'pausePromotions',
  'callInStaff',
  'linkThreads',
  'fixRootCause',
] as const;

const channelSchema = z.strictObject({
  id: localId,
  name: z.string().min(1).max(40),
  /** Share of baseline traffic on this channel, in percent. */
  sharePercent: z.number().int().min(0).max(100),
  /** First public reply expected within this many sim minutes. */
  serviceLevelMinutes: z.number().int().min(1).max(24 * 60),
});

const templateSchema = z.strictObject({
  id: localId,
  /** routine: daily queue; surge: the instigator's network; inject: only posted by injects. */
  kind: z.enum(['routine', 'surge', 'inject']),
  channels: z.array(localId).min(1).optional(),
  text: z.string().min(1).max(400),
  category: categorySchema,
  /** -2 (furious) … +2 (delighted). */
  sentiment: z.number().int().min(-2).max(2),
  flags: z.array(flagSchema).default([]),
  /** Whom this post must reach, and how fast, whatever the level. */
  needs: z.strictObject({ role: roleSchema, withinMinutes: minutes.min(1) }).optional(),
  /** The post is about the scenario's root cause (the back-office pain point). */
  aboutRootCause: z.boolean().default(false),
  weight: z.number().int().min(1).max(100).default(1),
  followers: z.tuple([z.number().int().min(0), z.number().int().min(0)]).default([50, 800]),
});

const injectSchema = z.strictObject({
  id: localId,
  title: z.string().min(1).max(80),
  description: z.string().max(400).default(''),
  /** Scripted sim minute; omit for an inject only a trainer fires. */
  atMinute: minutes.optional(),
  posts: z
    .array(z.strictObject({ template: localId, count: z.number().int().min(1).max(200), channel: localId.optional() }))
    .default([]),
  /** Added to the surge heat (branching multiplier), in percent. */
  heatPercent: z.number().int().min(-100).max(200).default(0),
});

const criterionSchema = z
  .strictObject({
    /** Negative posts in the last sim hour at or above this. */
    negativePostsLastHour: z.number().int().min(1).optional(),
    /** An open post whose author has at least this many followers. */
    authorFollowers: z.number().int().min(1).optional(),
    /** Any post so far carried one of these flags. */
    anyFlag: z.array(flagSchema).min(1).optional(),
    /** One of these injects has fired. */
    injectFired: z.array(localId).min(1).optional(),
  })
  .refine((c) => Object.keys(c).length > 0, 'an entry criterion needs at least one condition');

const levelSchema = z.strictObject({
  id: localId,
  name: z.string().min(1).max(60),
  description: z.string().max(400).default(''),
  /** Any of these makes the situation reach this level. Omit on the first level. */
  entry: z.array(criterionSchema).default([]),
});

const obligationSchema = z.strictObject({
  id: localId,
  rule: z.string().min(1).max(12),
  text: z.string().min(1).max(200),
  /** Starts when the situation (true level) reaches this level. */
  fromLevel: localId,
  action: z.enum(OBLIGATION_ACTIONS),
  /** For action `escalate`: the role to notify. */
  role: roleSchema.optional(),
  withinMinutes: minutes.min(1),
});

const forbiddenSchema = z.strictObject({
  rule: z.string().min(1).max(12),
  kind: breachKindSchema,
  text: z.string().min(1).max(200),
});

const weightsSchema = z.strictObject({
  goodwill: z.number().int().min(0).max(100),
  serviceLevel: z.number().int().min(0).max(100),
  obligations: z.number().int().min(0).max(100),
  conduct: z.number().int().min(0).max(100),
  escalation: z.number().int().min(0).max(100),
  rootCause: z.number().int().min(0).max(100),
  containment: z.number().int().min(0).max(100),
});
export type ScoreWeights = z.infer<typeof weightsSchema>;

export const scenarioSchema = z
  .strictObject({
    format: z.literal(1),
    id: kebab,
    title: z.string().min(1).max(80),
    summary: z.string().min(1).max(600),
    difficulty: z.enum(['tutorial', 'easy', 'standard', 'hard']),
    tutorial: z.boolean().default(false),
    brand: z.strictObject({
      name: z.string().min(1).max(60),
      sector: z.string().min(1).max(60),
      voice: z.string().max(200).default(''),
    }),
    channels: z.array(channelSchema).min(1).max(6),
    team: z.strictObject({
      agents: z.number().int().min(1).max(50),
      postsPerAgentHour: z.number().int().min(1).max(60),
      maxExtraStaff: z.number().int().min(0).max(50),
      callInMinutes: minutes.min(1),
    }),
    duration: z.strictObject({
      simMinutes: z.number().int().min(10).max(24 * 60),
      /** Sim seconds per fixed step. */
      stepSeconds: z.number().int().min(1).max(60).default(10),
      /** Real minutes a ranked run lasts; sets the time scale. */
      realMinutes: z.number().int().min(1).max(120),
      startClock: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM').default('09:00'),
    }),
    baseline: z.strictObject({ postsPerDay: z.number().int().min(0).max(20000) }),
    surge: z.strictObject({
      /** Expected follow-on posts per post, in percent, before the trainee acts (branching ratio). */
      branchingPercent: z.number().int().min(0).max(150),
      /** Mean life of a post's excitement, sim minutes. */
      memoryMinutes: z.number().int().min(1).max(600),
      /** Ceiling on surge arrivals per sim minute per channel (keeps a runaway surge finite). */
      maxPerMinute: z.number().int().min(1).max(200),
    }),
    instigator: z.strictObject({
      name: z.string().min(1).max(60),
      handle: z.string().min(1).max(40),
      channel: localId,
      followers: z.number().int().min(0),
      template: localId,
      atMinute: minutes,
      /** Friends and family who join in: extra heat in percent while the instigator is unanswered. */
      mobilisationPercent: z.number().int().min(0).max(200),
    }),
    variables: z.record(z.string().regex(/^[a-z][a-zA-Z]*$/), z.array(z.string().min(1)).min(1)).default({}),
    templates: z.array(templateSchema).min(1),
    positions: z
      .array(z.strictObject({ id: localId, text: z.string().min(1).max(200) }))
      .min(1)
      .describe('Answers the brand may give on the root-cause issue; one must be used consistently'),
    injects: z.array(injectSchema).default([]),
    rootCause: z.strictObject({
      description: z.string().min(1).max(300),
      owner: roleSchema,
      fixMinutes: minutes.min(1),
    }),
    promotions: z.strictObject({ scheduled: z.string().min(1).max(200), everyMinutes: minutes.min(1) }).optional(),
    guideline: z.strictObject({
      title: z.string().min(1).max(80),
      levels: z.array(levelSchema).min(2).max(6),
      obligations: z.array(obligationSchema).default([]),
      forbidden: z.array(forbiddenSchema).default([]),
    }),
    scoring: z.strictObject({ weights: weightsSchema }),
  })
  .superRefine((s, ctx) => {
    const dup = (items: { id: string }[], path: string[]) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `duplicate id "${item.id}"` });
        seen.add(item.id);
      });
    };
    dup(s.channels, ['channels']);
    dup(s.templates, ['templates']);
    dup(s.injects, ['injects']);
    dup(s.positions, ['positions']);
    dup(s.guideline.levels, ['guideline', 'levels']);
    dup(s.guideline.obligations, ['guideline', 'obligations']);

    const channels = new Set(s.channels.map((c) => c.id));
    const templates = new Map(s.templates.map((t) => [t.id, t]));
    const levels = new Set(s.guideline.levels.map((l) => l.id));
    const injects = new Set(s.injects.map((i) => i.id));
    const ref = (ok: boolean, path: (string | number)[], what: string, name: string, known: Iterable<string>) => {
      if (!ok) ctx.addIssue({ code: 'custom', path, message: `unknown ${what} "${name}" (known: ${[...known].join(', ') || 'none'})` });
    };

    const shareTotal = s.channels.reduce((sum, c) => sum + c.sharePercent, 0);
    if (shareTotal !== 100) {
      ctx.addIssue({ code: 'custom', path: ['channels'], message: `sharePercent must add up to 100, not ${shareTotal}` });
    }
    s.templates.forEach((t, i) => {
      t.channels?.forEach((c, j) => ref(channels.has(c), ['templates', i, 'channels', j], 'channel', c, channels));
      if (t.followers[0] > t.followers[1]) {
        ctx.addIssue({ code: 'custom', path: ['templates', i, 'followers'], message: 'minimum is above maximum' });
      }
      for (const m of t.text.matchAll(/\{(\w+)\}/g)) {
        const name = m[1]!;
        if (name !== 'brand' && !(name in s.variables)) {
          ctx.addIssue({ code: 'custom', path: ['templates', i, 'text'], message: `unknown variable {${name}}` });
        }
      }
    });
    for (const kind of ['routine', 'surge'] as const) {
      if (!s.templates.some((t) => t.kind === kind)) {
        ctx.addIssue({ code: 'custom', path: ['templates'], message: `needs at least one ${kind} template` });
      }
    }
    ref(channels.has(s.instigator.channel), ['instigator', 'channel'], 'channel', s.instigator.channel, channels);
    ref(templates.has(s.instigator.template), ['instigator', 'template'], 'template', s.instigator.template, templates.keys());
    if (s.instigator.atMinute >= s.duration.simMinutes) {
      ctx.addIssue({ code: 'custom', path: ['instigator', 'atMinute'], message: 'must fall within duration.simMinutes' });
    }
    s.injects.forEach((inj, i) => {
      inj.posts.forEach((p, j) => {
        ref(templates.has(p.template), ['injects', i, 'posts', j, 'template'], 'template', p.template, templates.keys());
        if (p.channel) ref(channels.has(p.channel), ['injects', i, 'posts', j, 'channel'], 'channel', p.channel, channels);
      });
      if (inj.atMinute !== undefined && inj.atMinute >= s.duration.simMinutes) {
        ctx.addIssue({ code: 'custom', path: ['injects', i, 'atMinute'], message: 'must fall within duration.simMinutes' });
      }
    });
    s.guideline.levels.forEach((l, i) => {
      if (i === 0 && l.entry.length > 0) {
        ctx.addIssue({ code: 'custom', path: ['guideline', 'levels', i, 'entry'], message: 'the first level is where a shift starts; it takes no entry criteria' });
      }
      if (i > 0 && l.entry.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['guideline', 'levels', i, 'entry'], message: 'needs at least one entry criterion' });
      }
      l.entry.forEach((c, j) =>
        c.injectFired?.forEach((id, k) =>
          ref(injects.has(id), ['guideline', 'levels', i, 'entry', j, 'injectFired', k], 'inject', id, injects),
        ),
      );
    });
    s.guideline.obligations.forEach((o, i) => {
      ref(levels.has(o.fromLevel), ['guideline', 'obligations', i, 'fromLevel'], 'level', o.fromLevel, levels);
      if (o.action === 'escalate' && !o.role) {
        ctx.addIssue({ code: 'custom', path: ['guideline', 'obligations', i, 'role'], message: 'an escalate obligation names the role' });
      }
    });
    const weightTotal = Object.values(s.scoring.weights).reduce((a, b) => a + b, 0);
    if (weightTotal === 0) ctx.addIssue({ code: 'custom', path: ['scoring', 'weights'], message: 'at least one weight must be above 0' });
  });

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Channel = Scenario['channels'][number];
export type Template = Scenario['templates'][number];
export type Inject = Scenario['injects'][number];
export type Level = Scenario['guideline']['levels'][number];
export type Obligation = Scenario['guideline']['obligations'][number];
export type EntryCriterion = Level['entry'][number];
