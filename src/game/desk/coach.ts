import type { Post, SimState } from '../../core/index';

/**
 * The tutorial's coach: one next step, in keys, from what the trainee can see
 * (the selected post, its flags, its status). It teaches the controls; what the
 * guideline requires comes from the core's own hints.
 */
export function coachTip(state: SimState, selected: Post | undefined, visibleCount: number): string {
  if (state.posts.length === 0) return 'The feed is quiet. Posts will arrive on the left; the clock runs at the top.';
  if (!selected) return visibleCount > 0 ? 'Press ↓ to select a post in the feed (or click it).' : 'Press ← or → to change channel, F to switch live/queue.';
  if (selected.status === 'hidden' && selected.flags.includes('personalData') && !selected.inDm) {
    return 'Hidden. Now press D and write the customer a private message: personal details are safe there.';
  }
  if (selected.status !== 'open') return 'Done with this one. Press ↓ or ↑ for the next post, or F for the queue of open posts.';
  if (selected.flags.includes('personalData')) return 'This post shows personal data in public: press H to hide it, then D to write to them in private messages.';
  if (selected.flags.includes('legalThreat') && !selected.escalatedTo.includes('legal')) return 'A legal threat: press E, pick Legal (3), write what they need to know, Ctrl+Enter sends.';
  if (selected.flags.includes('media') && !selected.escalatedTo.includes('comms')) return 'A journalist: press E, pick Comms (2), write a note, Ctrl+Enter sends.';
  if (selected.flags.includes('abuse')) return 'Abuse may be hidden (H). Do not delete criticism just because it is angry.';
  if (!selected.triage) return 'Press T to triage: what kind of post is it, and is it urgent?';
  if (selected.triage.category === 'troll' || selected.triage.category === 'rager') return 'Trolls and ragers are monitored, not fed. Press C to close, or move on with ↓.';
  return 'Press R and reply in your own words: name their problem, own it, say what happens next. Tab reaches the phrase blocks, which insert words you can edit; Ctrl+Enter sends. G shows the guideline.';
}
