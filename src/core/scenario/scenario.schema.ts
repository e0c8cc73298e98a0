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
/** How a role reads in prose. */
export const ROLE_LABELS: Record<Role, string> = {
  teamLead: 'the team lead',
  comms: 'comms',
  legal: 'legal',
  hr: 'HR',
  backOffice: 'the back office',
};

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

/** Look-alike feeds the desk can draw (our own drawing, no platform marks). */
export const CHANNEL_LOOKS = ['facebook-page', 'x-timeline', 'review-site'] as const;
export type ChannelLook = (typeof CHANNEL_LOOKS)[number];

const channelSchema = z.strictObject({
  id: localId,
  name: z.string().min(1).max(40),
  /** Share of baseline traffic on this channel, in percent. */
  sharePercent: z.number().int().min(0).max(100),
  /** First public reply expected within this many sim minutes. */
  serviceLevelMinutes: z.number().int().min(1).max(24 * 60),
  /** How the desk draws the public feed; when absent, `channelLook` picks one from the channel's id and name. */
  look: z.enum(CHANNEL_LOOKS).optional(),
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

type Loose = Record<string, unknown>;
type Report = (path: (string | number)[], message: string) => void;

const isRecord = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const rec = (v: unknown): Loose => (isRecord(v) ? v : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * Cross-references, sums and ordering rules. It reads the input loosely rather than
 * as a parsed `Scenario` because it also runs when other parts of the file failed
 * (zod would otherwise skip it on the first type error): each check looks only at
 * the fields it needs and skips malformed ones, which carry their own issue.
 */
function checkCrossReferences(value: unknown, report: Report): void {
  const s = rec(value);
  const guideline = rec(s.guideline);
  const channels = list(s.channels).map(rec);
  const templates = list(s.templates).map(rec);
  const injects = list(s.injects).map(rec);
  const levels = list(guideline.levels).map(rec);
  const obligations = list(guideline.obligations).map(rec);
  const variables = rec(s.variables);
  const instigator = rec(s.instigator);
  const simMinutes = num(rec(s.duration).simMinutes);

  /** The ids of a list, reporting repeats. */
  const ids = (items: Loose[], path: string[]): Set<string> => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const id = str(item.id);
      if (id === undefined) return;
      if (seen.has(id)) report([...path, i, 'id'], `duplicate id "${id}"`);
      seen.add(id);
    });
    return seen;
  };
  const channelIds = ids(channels, ['channels']);
  const templateIds = ids(templates, ['templates']);
  const injectIds = ids(injects, ['injects']);
  const levelIds = ids(levels, ['guideline', 'levels']);
  ids(list(s.positions).map(rec), ['positions']);
  ids(obligations, ['guideline', 'obligations']);

  const ref = (name: unknown, known: Set<string>, path: (string | number)[], what: string) => {
    const n = str(name);
    if (n !== undefined && !known.has(n)) report(path, `unknown ${what} "${n}" (known: ${[...known].join(', ') || 'none'})`);
  };
  const withinShift = (minute: unknown, path: (string | number)[]) => {
    const m = num(minute);
    if (m !== undefined && simMinutes !== undefined && m >= simMinutes) report(path, `must fall within duration.simMinutes (${simMinutes})`);
  };

  const shares = channels.map((c) => num(c.sharePercent));
  if (channels.length > 0 && shares.every((x) => x !== undefined)) {
    const total = shares.reduce((sum: number, x) => sum + x!, 0);
    if (total !== 100) report(['channels'], `sharePercent must add up to 100, not ${total}`);
  }

  templates.forEach((t, i) => {
    list(t.channels).forEach((c, j) => ref(c, channelIds, ['templates', i, 'channels', j], 'channel'));
    const [lo, hi] = list(t.followers).map(num);
    if (lo !== undefined && hi !== undefined && lo > hi) report(['templates', i, 'followers'], 'minimum is above maximum');
    for (const m of (str(t.text) ?? '').matchAll(/\{(\w+)\}/g)) {
      const name = m[1]!;
      // Own keys only: `{constructor}` must not pass because every object inherits one.
      if (name !== 'brand' && !Object.hasOwn(variables, name)) report(['templates', i, 'text'], `unknown variable {${name}}`);
    }
  });
  if (templates.length > 0 && templates.every((t) => typeof t.kind === 'string')) {
    for (const kind of ['routine', 'surge']) {
      if (!templates.some((t) => t.kind === kind)) report(['templates'], `needs at least one ${kind} template`);
    }
  }

  ref(instigator.channel, channelIds, ['instigator', 'channel'], 'channel');
  ref(instigator.template, templateIds, ['instigator', 'template'], 'template');
  withinShift(instigator.atMinute, ['instigator', 'atMinute']);

  injects.forEach((inj, i) => {
    list(inj.posts).map(rec).forEach((p, j) => {
      ref(p.template, templateIds, ['injects', i, 'posts', j, 'template'], 'template');
      ref(p.channel, channelIds, ['injects', i, 'posts', j, 'channel'], 'channel');
    });
    withinShift(inj.atMinute, ['injects', i, 'atMinute']);
  });

  levels.forEach((l, i) => {
    const entry = l.entry;
    if (i === 0 && list(entry).length > 0) {
      report(['guideline', 'levels', i, 'entry'], 'the first level is where a shift starts; it takes no entry criteria');
    }
    if (i > 0 && (entry === undefined || (Array.isArray(entry) && entry.length === 0))) {
      report(['guideline', 'levels', i, 'entry'], 'needs at least one entry criterion');
    }
    list(entry).forEach((c, j) =>
      list(rec(c).injectFired).forEach((id, k) => ref(id, injectIds, ['guideline', 'levels', i, 'entry', j, 'injectFired', k], 'inject')),
    );
  });
  obligations.forEach((o, i) => {
    ref(o.fromLevel, levelIds, ['guideline', 'obligations', i, 'fromLevel'], 'level');
    if (o.action === 'escalate' && o.role === undefined) report(['guideline', 'obligations', i, 'role'], 'an escalate obligation names the role');
  });
  // The simulation cites the first rule of a kind; a second one would never be cited.
  const kinds = new Set<string>();
  list(guideline.forbidden).map(rec).forEach((f, i) => {
    const kind = str(f.kind);
    if (kind === undefined) return;
    if (kinds.has(kind)) report(['guideline', 'forbidden', i, 'kind'], `"${kind}" is already forbidden by an earlier rule`);
    kinds.add(kind);
  });

  const weights = Object.values(rec(rec(s.scoring).weights)).map(num);
  if (weights.length > 0 && weights.every((w) => w !== undefined) && weights.reduce((a: number, b) => a + b!, 0) === 0) {
    report(['scoring', 'weights'], 'at least one weight must be above 0');
  }
}

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
      stepSeconds: z.number().int().min(1).max(60).refine((n) => 60 % n === 0, 'must divide a minute (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60)').default(10),
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
    variables: z.record(z.string().regex(/^[a-z][a-zA-Z]*$/, 'variable names are letters in lowerCamelCase'), z.array(z.string().min(1)).min(1)).default({}),
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
  // Runs even when other parts of the file are invalid, so a trainer sees every problem in one pass.
  .superRefine((value, ctx) => checkCrossReferences(value, (path, message) => ctx.addIssue({ code: 'custom', path, message })), {
    when: (payload) => isRecord(payload.value),
  });

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Channel = Scenario['channels'][number];
export type Template = Scenario['templates'][number];
export type Inject = Scenario['injects'][number];
export type Level = Scenario['guideline']['levels'][number];
export type Obligation = Scenario['guideline']['obligations'][number];
export type EntryCriterion = Level['entry'][number];
