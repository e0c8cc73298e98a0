import { z } from 'zod';
import { ACTION_SECONDS, WRITING_CHARS_PER_SECOND } from '../tuning';
import { categorySchema, roleSchema } from '../scenario/scenario.schema';

/**
 * Everything a trainee (or a trainer, for injects) can do at the desk. Run records
 * arrive from untrusted clients, so actions are validated with this schema first.
 * Names are dotted by subject, as in `post.reply`.
 */
const postId = z.number().int().min(0);
const id = z.string().min(1).max(60);

/** The longest reply, DM or holding statement the desk accepts, in UTF-16 code units (JavaScript's `length`). */
export const REPLY_MAX_CHARS = 1000;
/** Words the trainee writes: 1…REPLY_MAX_CHARS characters, not only white space. */
const writtenText = z
  .string()
  .min(1)
  .max(REPLY_MAX_CHARS)
  .refine((t) => t.trim().length > 0, 'must say something, not only spaces');

export const actionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('post.triage'), postId, category: categorySchema, urgent: z.boolean() }),
  /** A public reply in the trainee's own words; its tone and its stance on the issue are judged from them. */
  z.strictObject({ type: z.literal('post.reply'), postId, text: writtenText }),
  /** A private message to the post's author; judged as private (asking for personal data is fine). */
  z.strictObject({ type: z.literal('post.dm'), postId, text: writtenText }),
  z.strictObject({ type: z.literal('post.hide'), postId }),
  z.strictObject({ type: z.literal('post.delete'), postId }),
  z.strictObject({ type: z.literal('post.escalate'), postId, role: roleSchema, note: z.string().max(280) }),
  z.strictObject({ type: z.literal('post.close'), postId }),
  z.strictObject({ type: z.literal('thread.link'), postIds: z.tuple([postId, postId]) }),
  z.strictObject({ type: z.literal('desk.holdingStatement'), text: writtenText }),
  z.strictObject({ type: z.literal('desk.pausePromotions') }),
  z.strictObject({ type: z.literal('desk.callInStaff'), count: z.number().int().min(1).max(50) }),
  z.strictObject({ type: z.literal('level.declare'), level: id }),
  z.strictObject({ type: z.literal('inject.fire'), injectId: id }),
]);

export type Action = z.infer<typeof actionSchema>;
export type ActionType = Action['type'];

/** Sim seconds each action occupies the trainee (limited hands). */
export function actionCost(action: Action): number {
  switch (action.type) {
    case 'post.triage':
      return ACTION_SECONDS.triage;
    case 'post.reply':
      return ACTION_SECONDS.replyBase + writingSeconds(action.text);
    case 'post.dm':
      return ACTION_SECONDS.dmBase + writingSeconds(action.text);
    case 'post.hide':
    case 'post.delete':
    case 'post.close':
      return ACTION_SECONDS.hideDeleteClose;
    case 'post.escalate':
      return ACTION_SECONDS.escalate;
    case 'thread.link':
      return ACTION_SECONDS.link;
    case 'desk.holdingStatement':
      return ACTION_SECONDS.holdingStatementBase + writingSeconds(action.text);
    case 'desk.pausePromotions':
      return ACTION_SECONDS.pausePromotions;
    case 'desk.callInStaff':
      return ACTION_SECONDS.callInStaff;
    case 'level.declare':
      return ACTION_SECONDS.declareLevel;
    case 'inject.fire':
      return ACTION_SECONDS.fireInject;
  }
}

/** Sim seconds spent writing `text`: a long, careful reply is a real choice under time pressure. */
function writingSeconds(text: string): number {
  return Math.trunc(text.trim().length / WRITING_CHARS_PER_SECOND);
}
