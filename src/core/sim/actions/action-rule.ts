import { reject, type Rejection } from '../../errors';
import { REPLY_MAX_CHARS, type Action, type ActionType } from '../actions';
import { postById, type SimContext } from '../context';

/** One action type's rules: every check that could reject it (changing nothing), then its effects. */
export interface ActionRule<A extends Action> {
  validate(ctx: SimContext, action: A): Rejection | undefined;
  perform(ctx: SimContext, action: A): void;
}

export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;

/** A post the trainee may act on: it exists, is not closed, and (unless hidden is fine) is still visible. */
export function checkLivePost(ctx: SimContext, id: number, hiddenIsFine = false): Rejection | undefined {
  const p = postById(ctx.state, id);
  if (!p) return reject('action/unknown_post', `#${id}`);
  if (p.status === 'closed') return reject('action/post_closed', `#${id}`);
  if (p.status === 'deleted' || (p.status === 'hidden' && !hiddenIsFine)) return reject('action/post_removed', `#${id}`);
  return undefined;
}

/** Words the trainee wrote: some, and not more than the desk accepts (the action schema's rule, for actions not parsed from JSON). */
export function checkWritten(text: string): Rejection | undefined {
  if (text.trim().length === 0) return reject('action/empty_reply');
  if (text.length > REPLY_MAX_CHARS) return reject('action/reply_too_long', `${text.length} characters, at most ${REPLY_MAX_CHARS}`);
  return undefined;
}
