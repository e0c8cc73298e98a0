import { reject } from '../../errors';
import { did } from '../assessment';
import { addMoment } from '../context';
import { staffCalled } from '../moments';
import type { ActionOf, ActionRule } from './action-rule';

/** Calling in extra staff, who join the team after the scenario's travel time. */
export const callInStaff: ActionRule<ActionOf<'desk.callInStaff'>> = {
  validate(ctx, a) {
    const team = ctx.state.team;
    const max = ctx.scenario.team.maxExtraStaff;
    const called = team.extra + team.pending.reduce((n, p) => n + p.count, 0);
    if (called + a.count > max) return reject('action/no_staff_left', `${max - called} left`);
    // Help that arrives after the shift is no help: refuse it rather than credit it.
    const arrives = ctx.state.t + ctx.scenario.team.callInMinutes * 60;
    return arrives >= ctx.state.endT ? reject('action/staff_after_shift', `they take ${ctx.scenario.team.callInMinutes} minutes to arrive`) : undefined;
  },
  perform(ctx, a) {
    const minutes = ctx.scenario.team.callInMinutes;
    ctx.state.team.pending.push({ at: ctx.state.t + minutes * 60, count: a.count });
    addMoment(ctx, staffCalled(a.count, minutes));
    did(ctx, { what: 'callInStaff' });
  },
};
