import type { ActionType } from '../actions';
import type { ActionOf, ActionRule } from './action-rule';
import { callInStaff } from './call-in-staff';
import { close } from './close';
import { declareLevel } from './declare-level';
import { remove } from './delete';
import { dm } from './dm';
import { escalate } from './escalate';
import { fireInject } from './fire-inject';
import { hide } from './hide';
import { holdingStatement } from './holding-statement';
import { link } from './link';
import { pausePromotions } from './pause-promotions';
import { reply } from './reply';
import { triage } from './triage';

/** Every action type's rules, by type; the compiler checks that none is missing. */
export const ACTION_RULES: { [T in ActionType]: ActionRule<ActionOf<T>> } = {
  'post.triage': triage,
  'post.reply': reply,
  'post.dm': dm,
  'post.hide': hide,
  'post.delete': remove,
  'post.escalate': escalate,
  'post.close': close,
  'thread.link': link,
  'desk.holdingStatement': holdingStatement,
  'desk.pausePromotions': pausePromotions,
  'desk.callInStaff': callInStaff,
  'level.declare': declareLevel,
  'inject.fire': fireInject,
};
