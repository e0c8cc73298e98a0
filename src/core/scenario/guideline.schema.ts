import { z } from 'zod';
import { DAY_MINUTES, documented, localId, text, wholeNumber } from './field-docs';
import { breachKindSchema, flagSchema, OBLIGATION_ACTIONS, roleSchema } from './vocabulary.schema';

/** The brand's escalation guideline: levels with entry criteria, obligations with deadlines, forbidden practices. */

/** Rule numbers as a guideline prints them ("2.1", "A3"). */
const ruleNumber = documented(z.string().min(1).max(12), {
  meaning: 'The rule\'s number in the brand\'s guideline, as the citation slip and the debrief print it.',
  examples: ['2.1'],
});

const criterionSchema = z
  .strictObject({
    negativePostsLastHour: documented(wholeNumber(1).optional(), {
      meaning: 'Holds when at least this many negative posts (sentiment below 0) arrived in the last sim hour.',
      examples: [25],
    }),
    authorFollowers: documented(wholeNumber(1).optional(), {
      meaning: 'Holds once a negative post\'s author had at least this many followers.',
      examples: [10000],
    }),
    anyFlag: documented(z.array(flagSchema).min(1).optional(), {
      meaning: 'Holds once any post so far carried one of these flags.',
      examples: [['media', 'legalThreat']],
    }),
    injectFired: documented(z.array(localId).min(1).optional(), {
      meaning: 'Holds once one of these injects has fired (by script or by the trainer).',
      examples: [['journalist']],
    }),
  })
  .refine((c) => Object.keys(c).length > 0, 'an entry criterion with at least one condition')
  // Mirrors the refinement for editors that read the JSON Schema.
  .meta({ description: 'One way into a level: it holds when any one of its conditions holds.', minProperties: 1 });

const levelSchema = z.strictObject({
  id: documented(localId, { meaning: 'The level\'s id, used by `obligations[].fromLevel` and when the trainee declares it.', examples: ['incident'] }),
  name: documented(text(60), { meaning: 'The level\'s name as the guideline and the desk show it.', examples: ['Incident'] }),
  description: documented(z.string().max(400).default(''), {
    meaning: 'What this level means for the desk, shown when the situation reaches it.',
    examples: ['Media interest or a legal threat: comms leads, the desk follows the holding line.'],
  }),
  entry: documented(z.array(criterionSchema).default([]), {
    meaning: 'Ways into this level; any one is enough. The first level takes none (every shift starts there); every other level needs at least one.',
    effect: 'The situation (the true level) is the highest level any of whose criteria holds, and it never falls within a shift. Obligations open from it, and the trainee\'s declared level is scored against it.',
    examples: [[{ negativePostsLastHour: 60 }, { anyFlag: ['media'] }]],
  }),
});

const obligationSchema = z.strictObject({
  id: documented(localId, { meaning: 'The obligation\'s id.', examples: ['tell-comms'] }),
  rule: ruleNumber,
  text: documented(text(200), { meaning: 'The rule as the guideline words it.', examples: ['Tell comms within 15 minutes of an Incident.'] }),
  fromLevel: documented(localId, {
    meaning: 'The level (an id from `guideline.levels`) at which the obligation starts.',
    effect: 'The clock starts when the situation first reaches this level or a higher one, declared or not. An obligation from the first level starts when the situation first rises.',
    examples: ['incident'],
  }),
  action: documented(z.enum(OBLIGATION_ACTIONS), {
    meaning: 'The desk action that meets it: `escalate` (any post to `role`), `holdingStatement`, `pausePromotions`, `callInStaff`, `linkThreads` (link the same issue across channels) or `fixRootCause` (escalate a root-cause post to its owner).',
    effect: 'An action done before the obligation opens already counts.',
    examples: ['escalate'],
  }),
  role: documented(roleSchema.optional(), { meaning: 'For `action: escalate`: the role to notify.', examples: ['comms'] }),
  withinMinutes: documented(wholeNumber(1, DAY_MINUTES), {
    meaning: 'Sim minutes from the start of the obligation to its deadline.',
    effect: 'Met late counts half in the obligations score; a miss costs goodwill.',
    examples: [15],
  }),
});

const forbiddenSchema = z.strictObject({
  rule: ruleNumber,
  kind: documented(breachKindSchema, {
    meaning: 'The practice the rule forbids.',
    effect: 'The simulation detects these practices whether or not the guideline names them; naming one makes the citation quote this rule and its text. `queueJumping` is never detected (the checker warns).',
    examples: ['personalDataInPublic'],
  }),
  text: documented(text(200), { meaning: 'The rule as the guideline words it, quoted on the citation slip.', examples: ['Never ask for personal details in public.'] }),
});

export const guidelineSchema = z.strictObject({
  title: documented(text(80), { meaning: 'The guideline\'s title, as the desk\'s rulebook shows it.', examples: ['Social desk escalation guideline'] }),
  levels: documented(z.array(levelSchema).min(2).max(6), {
    meaning: 'Escalation levels from calm to crisis, in order.',
    effect: 'The trainee declares one of them; every sim minute the declared level sits below the situation costs escalation points, and above it a smaller amount. Declaring any raised level puts routine customers first for the team (the fast lane).',
  }),
  obligations: documented(z.array(obligationSchema).default([]), {
    meaning: 'What the guideline requires from a level on, and by when.',
  }),
  forbidden: documented(z.array(forbiddenSchema).default([]), {
    meaning: 'Practices the guideline forbids, each with its rule number. One rule per kind.',
    effect: 'Each breach costs goodwill, heats the crowd and costs conduct points.',
  }),
});
