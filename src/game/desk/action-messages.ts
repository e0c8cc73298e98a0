import type { Action, Simulation, Written } from '../../core/index';
import { CATEGORY_LABEL, ROLE_LABEL, TONE_LABEL } from './labels';

/** How written words landed, as the judge saw them: a verdict in words and a symbol, never colour alone. */
export function landedWords(w: Written | undefined): string {
  if (!w) return '';
  const verdict = w.quality > 0 ? '✓ landed well' : w.quality < 0 ? '✗ landed badly' : 'landed flat';
  return ` — ${verdict} (${TONE_LABEL[w.tone].label.toLowerCase()} tone, quality ${w.quality > 0 ? '+' : ''}${w.quality})`;
}

/** The status line after the core accepted an action. */
export function describeDone(action: Action, sim: Simulation): string {
  switch (action.type) {
    case 'post.triage':
      return `Triaged #${action.postId} as ${CATEGORY_LABEL[action.category].label.toLowerCase()}${action.urgent ? ', urgent' : ''}.`;
    case 'post.reply':
      return `Replied to #${action.postId} in public${landedWords(sim.state.posts[action.postId - 1]?.replies.at(-1))}.`;
    case 'post.dm':
      return `Took #${action.postId} to private messages${landedWords(sim.state.posts[action.postId - 1]?.dms.at(-1))}.`;
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
      return `Holding statement published on every channel${landedWords(sim.state.holdingStatement)}.`;
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
