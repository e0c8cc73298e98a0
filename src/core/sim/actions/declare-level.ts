import { reject } from '../../errors';
import { addMoment } from '../context';
import { levelDeclared } from '../moments';
import type { ActionOf, ActionRule } from './action-rule';

/** Declaring a guideline level (which may differ from the true one). */
export const declareLevel: ActionRule<ActionOf<'level.declare'>> = {
  validate(ctx, a) {
    const i = ctx.index.levelIndex.get(a.level);
    if (i === undefined) return reject('action/unknown_level', a.level);
    return i === ctx.state.declaredLevel ? reject('action/already_done', 'that level is already declared') : undefined;
  },
  perform(ctx, a) {
    const level = ctx.index.levelIndex.get(a.level)!;
    ctx.state.declaredLevel = level;
    addMoment(ctx, levelDeclared(ctx, level));
  },
};
