import { checkLivePost, type ActionOf, type ActionRule } from './action-rule';
import { mustPost } from '../context';

/** Tagging a post's category; the first triage of each post counts towards accuracy. */
export const triage: ActionRule<ActionOf<'post.triage'>> = {
  validate: (ctx, a) => checkLivePost(ctx, a.postId),
  perform(ctx, a) {
    const counters = ctx.state.counters;
    const p = mustPost(ctx, a.postId);
    const correct = a.category === p.category;
    if (!p.triage) {
      counters.triageTotal++;
      if (correct) counters.triageCorrect++;
    }
    p.triage = { category: a.category, urgent: a.urgent, correct };
  },
};
