import { z } from 'zod';
import { categorySchema } from './vocabulary.schema';
import { unsafePatternReason } from '../util/safe-pattern';
import { documented } from './field-docs';

/**
 * The `judge:` section of a scenario: what this brand adds to the reply judge. Staff
 * who must not be named, banned phrases, facts every holding statement must carry,
 * the sign-off, the brand's own personal-data formats, and the facts the brand may
 * and must not state. Patterns are checked to be safe before a run can use them.
 */

const safePattern = z.string().min(1).superRefine((source, ctx) => {
  const reason = unsafePatternReason(source);
  if (reason !== undefined) ctx.addIssue({ code: 'custom', message: `pattern ${reason}` });
});
const phrase = z.string().trim().min(2).max(120);
const factId = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_-]*$/, 'must start with a letter and use letters, digits, _ or -');

export const WRITING_KINDS_IN_RULES = ['reply', 'dm', 'holdingStatement', 'escalationNote'] as const;

export const judgeRulesSchema = z.strictObject({
  staffNames: documented(z.array(z.string().trim().min(2).max(60)).default([]), {
    meaning: 'Staff whom criticism may name. Posts naming them are moderated with an apology and a move to DM.',
    effect: 'A public reply that names one of them (full or first name) is cited as naming staff.',
    examples: [['Dave Rimmer']],
  }),
  bannedPhrases: documented(z.array(phrase).default([]), {
    meaning: 'Phrases the brand never uses, matched without regard to case.',
    effect: 'A reply containing one is cited with the phrase highlighted.',
    examples: [['we apologise for any inconvenience']],
  }),
  requiredFacts: documented(
    z
      .array(
        z.strictObject({
          id: documented(factId, { meaning: 'A name for the fact, unique within the list.', examples: ['replacement-buses'] }),
          text: documented(z.string().min(1).max(200), { meaning: 'The fact in the trainer\'s words, shown when it is missing.', examples: ['Replacement buses run every 20 minutes.'] }),
          anyOf: documented(z.array(phrase).min(1), { meaning: 'Phrases that state the fact; any one of them counts.', examples: [['replacement bus', 'rail replacement']] }),
          in: documented(z.array(z.enum(WRITING_KINDS_IN_RULES)).min(1).default(['holdingStatement']), {
            meaning: 'Which kinds of writing must carry the fact; holding statements when left out.',
            examples: [['holdingStatement', 'reply']],
          }),
          categories: documented(z.array(categorySchema).min(1).optional(), {
            meaning: 'Only replies to posts of these categories must carry it; every category when left out.',
            examples: [['unhappy', 'rager']],
          }),
        }),
      )
      .default([]),
    { meaning: 'Facts a text must carry.', effect: 'Writing of a listed kind that carries none of a fact\'s phrases is cited as missing that fact.' },
  ),
  signOff: documented(
    z
      .strictObject({
        pattern: documented(safePattern, { meaning: 'A safe regular expression the end of every public reply must match.', examples: ['\\^[A-Z][a-z]+$'] }),
        example: documented(z.string().min(1).max(40), { meaning: 'A sign-off that matches, shown to the trainee.', examples: ['^Sam'] }),
      })
      .optional(),
    { meaning: 'How public replies end, e.g. "^Sam" after the text.', effect: 'A public reply without it is cited as missing the sign-off.' },
  ),
  personalData: documented(
    z
      .array(
        z.strictObject({
          name: documented(z.string().min(1).max(60), { meaning: 'What the data is, as the citation names it.', examples: ['booking reference'] }),
          pattern: documented(safePattern, { meaning: 'A safe regular expression for the brand\'s own format.', examples: ['\\b[A-Z]{3}[0-9]{5}\\b'] }),
        }),
      )
      .default([]),
    { meaning: "The brand's own personal-data formats, e.g. its booking references.", effect: 'Repeating or asking for one in public is cited as personal data in public.' },
  ),
  facts: documented(
    z
      .strictObject({
        cause: documented(
          z.strictObject({
            text: documented(z.string().min(1).max(300), { meaning: 'The cause as the brand may state it.', examples: ['A points failure on our own line at Skipton.'] }),
            ours: documented(z.boolean(), { meaning: 'Whether the cause is the brand\'s own.', effect: 'When true, "outside our control" is judged a deflection.', examples: [true] }),
            keywords: documented(z.array(z.string().trim().min(3).max(40)).min(1), { meaning: 'Words any statement of the cause must use one of.', examples: [['points', 'signal']] }),
          }),
          { meaning: 'The cause of the problem, as the brand may state it.', effect: 'A reply that states another cause is judged inconsistent.' },
        ),
        doing: documented(z.array(z.string().min(1).max(300)).min(1), {
          meaning: 'What the brand is doing about it, one sentence each, as the brand would say it.',
          effect: 'The composer\'s "next step" quick insert and the guideline bot write from these sentences.',
          examples: [['Engineers are on site.']],
        }),
        refundPolicy: documented(z.string().min(1).max(300).optional(), {
          meaning: 'The refund owed by policy.',
          effect: 'Offering it in public is not public compensation; offering more is.',
          examples: ['Full refund for journeys delayed over 60 minutes.'],
        }),
        timescales: documented(
          z
            .array(
              z.strictObject({
                topic: documented(z.enum(['refund', 'service', 'reply']), { meaning: 'What the timescale is for.' }),
                text: documented(z.string().min(1).max(200), { meaning: 'The timescale in words.', examples: ['Refunds reach your account within 5 working days.'] }),
                hours: documented(z.number().int().min(1).max(24 * 90), { meaning: 'The timescale in hours, to compare with what a reply promises.', examples: [120] }),
              }),
            )
            .default([]),
          { meaning: 'Timescales the brand commits to.', effect: 'A reply promising a shorter one is judged inconsistent.' },
        ),
        partners: documented(z.array(z.string().trim().min(2).max(60)).default([]), {
          meaning: 'Partners the brand must not blame in public (e.g. the infrastructure owner).',
          examples: [['Network Rail']],
        }),
      }),
    {
      meaning: 'What the brand may say about the issue: the facts replies and holding statements are written from.',
      effect: 'A text that states another cause, deflects a cause that is ours, promises another timescale or blames a partner is cited.',
    },
  ),
  mustNot: documented(
    z
      .array(
        z.strictObject({
          id: documented(factId, { meaning: 'A name for the statement, unique within the list.', examples: ['blame-weather'] }),
          text: documented(z.string().min(1).max(200), { meaning: 'What must not be said, in the trainer\'s words.', examples: ['Do not blame the weather.'] }),
          phrases: documented(z.array(phrase).min(1), { meaning: 'Phrases that say it.', examples: [['the weather', 'storm damage']] }),
        }),
      )
      .default([]),
    { meaning: 'Statements the brand must not make, beyond blaming partners, deflecting and admitting liability.', effect: 'Writing that uses one of the phrases is cited.' },
  ),
  forbidLiability: documented(z.boolean().default(true), {
    meaning: 'Whether admitting legal liability in writing is a breach (legal must approve such words).',
    examples: [true],
  }),
});

export type JudgeRules = z.infer<typeof judgeRulesSchema>;
