import { z } from 'zod';
import { categorySchema } from './vocabulary.schema';
import { unsafePatternReason } from '../util/safe-pattern';

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
  /** Staff whom criticism names; replies must not name them (full name or first name). */
  staffNames: z.array(z.string().trim().min(2).max(60)).default([]),
  /** Phrases the brand never uses ("we apologise for any inconvenience"). */
  bannedPhrases: z.array(phrase).default([]),
  /** Facts a text must carry: any one of the phrases counts. */
  requiredFacts: z
    .array(
      z.strictObject({
        id: factId,
        text: z.string().min(1).max(200),
        anyOf: z.array(phrase).min(1),
        /** Which kinds of writing must carry it; holding statements by default. */
        in: z.array(z.enum(WRITING_KINDS_IN_RULES)).min(1).default(['holdingStatement']),
        /** Only replies to posts of these categories (all when omitted). */
        categories: z.array(categorySchema).min(1).optional(),
      }),
    )
    .default([]),
  /** How public replies end, e.g. "^Sam" after the text. */
  signOff: z.strictObject({ pattern: safePattern, example: z.string().min(1).max(40) }).optional(),
  /** The brand's own personal-data formats, e.g. its booking references. */
  personalData: z.array(z.strictObject({ name: z.string().min(1).max(60), pattern: safePattern })).default([]),
  /** What the brand may say about the issue. */
  facts: z
    .strictObject({
      cause: z.strictObject({
        text: z.string().min(1).max(300),
        /** The cause is the brand's own: "outside our control" is then a deflection. */
        ours: z.boolean(),
        /** Words any statement of the cause must use one of. */
        keywords: z.array(z.string().trim().min(3).max(40)).min(1),
      }),
      doing: z.array(z.string().min(1).max(300)).default([]),
      refundPolicy: z.string().min(1).max(300).optional(),
      timescales: z
        .array(z.strictObject({ topic: z.enum(['refund', 'service', 'reply']), text: z.string().min(1).max(200), hours: z.number().int().min(1).max(24 * 90) }))
        .default([]),
      /** Partners the brand must not blame in public (e.g. the infrastructure owner). */
      partners: z.array(z.string().trim().min(2).max(60)).default([]),
    })
    .optional(),
  /** Statements the brand must not make, beyond blaming partners, deflecting and admitting liability. */
  mustNot: z
    .array(z.strictObject({ id: factId, text: z.string().min(1).max(200), phrases: z.array(phrase).min(1) }))
    .default([]),
  /** Whether admitting legal liability is a breach (legal must approve such words). */
  forbidLiability: z.boolean().default(true),
});

export type JudgeRules = z.infer<typeof judgeRulesSchema>;
