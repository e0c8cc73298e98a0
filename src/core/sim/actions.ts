import { z } from 'zod';
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
      return 5;
    case 'post.reply':
      return 40 + 10 * action.blocks.length;
    case 'post.dm':
      return 60;
    case 'post.hide':
    case 'post.delete':
    case 'post.close':
      return 5;
    case 'post.escalate':
      return 45;
    case 'thread.link':
      return 20;
    case 'desk.holdingStatement':
      return 120;
    case 'desk.pausePromotions':
      return 30;
    case 'desk.callInStaff':
      return 60;
    case 'level.declare':
      return 10;
    case 'inject.fire':
      return 0;
  }
}
