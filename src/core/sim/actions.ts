import { z } from 'zod';
import { ACTION_SECONDS } from '../tuning';
import { blockSchema, categorySchema, roleSchema, toneSchema } from '../scenario/scenario.schema';

/**
 * Everything a trainee (or a trainer, for injects) can do at the desk. Run records
 * arrive from untrusted clients, so actions are validated with this schema first.
 * Names are dotted by subject, as in `post.reply`.
 */
const postId = z.number().int().min(0);
const id = z.string().min(1).max(60);

export const actionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('post.triage'), postId, category: categorySchema, urgent: z.boolean() }),
  z.strictObject({
    type: z.literal('post.reply'),
    postId,
    blocks: z.array(blockSchema).max(8),
    tone: toneSchema,
    /** The brand's answer on the root-cause issue, when the reply takes one. */
    position: id.optional(),
  }),
  z.strictObject({ type: z.literal('post.dm'), postId }),
  z.strictObject({ type: z.literal('post.hide'), postId }),
  z.strictObject({ type: z.literal('post.delete'), postId }),
  z.strictObject({ type: z.literal('post.escalate'), postId, role: roleSchema, note: z.string().max(280) }),
  z.strictObject({ type: z.literal('post.close'), postId }),
  z.strictObject({ type: z.literal('thread.link'), postIds: z.tuple([postId, postId]) }),
  z.strictObject({ type: z.literal('desk.holdingStatement'), position: id }),
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
      return ACTION_SECONDS.replyBase + ACTION_SECONDS.replyPerBlock * action.blocks.length;
    case 'post.dm':
      return ACTION_SECONDS.dm;
    case 'post.hide':
    case 'post.delete':
    case 'post.close':
      return ACTION_SECONDS.hideDeleteClose;
    case 'post.escalate':
      return ACTION_SECONDS.escalate;
    case 'thread.link':
      return ACTION_SECONDS.link;
    case 'desk.holdingStatement':
      return ACTION_SECONDS.holdingStatement;
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
