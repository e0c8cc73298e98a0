import type { Action, Simulation } from '../../core/index';
import { CATEGORY_LABEL, ROLE_LABEL } from './labels';

/** The status line after the core accepted an action. */
export function describeDone(action: Action, sim: Simulation): string {
  switch (action.type) {
    case 'post.triage':
      return `Triaged #${action.postId} as ${CATEGORY_LABEL[action.category].label.toLowerCase()}${action.urgent ? ', urgent' : ''}.`;
    case 'post.reply':
      return `Replied to #${action.postId} in public.`;
    case 'post.dm':
      return `Took #${action.postId} to private messages.`;
    case 'post.hide':
      return `Hid #${action.postId} from public view.`;
    case 'post.delete':
      return `Deleted #${action.postId}.`;
    case 'post.escalate':
      return `Escalated #${action.postId} to ${ROLE_LABEL[action.role]}.`;
    case 'post.close':
      return `Closed #${action.postId}.`;
    case 'thread.link':
      return `Linked #${action.postIds[0]} with #${action.postIds[1]}.`;
    case 'desk.holdingStatement':
      return 'Holding statement published on every channel.';
    case 'desk.pausePromotions':
      return 'Scheduled promotions paused.';
    case 'desk.callInStaff':
      return `Called in ${action.count} extra staff; they arrive at ${sim.clock(sim.state.t + sim.scenario.team.callInMinutes * 60)}.`;
    case 'level.declare':
      return `Declared ${sim.scenario.guideline.levels.find((l) => l.id === action.level)?.name ?? action.level}.`;
    case 'inject.fire':
      return `Inject ${action.injectId} fired.`;
  }
}
