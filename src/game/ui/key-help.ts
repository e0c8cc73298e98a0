import type { DocLine } from '../desk/guideline-text';

/** Every key the game answers to, by screen. The help overlay (?) and the menu's key list show this. */
export const KEY_HELP: { screen: string; keys: [string, string][] }[] = [
  {
    screen: 'Everywhere',
    keys: [
      ['↑ ↓ ← →, Tab', 'move between choices (focus is the thick yellow outline)'],
      ['Enter or Space', 'choose'],
      ['Esc', 'back, cancel or close'],
      ['?', 'this list of keys'],
    ],
  },
  {
    screen: 'Menu',
    keys: [
      ['↑ ↓', 'pick a scenario or a setting'],
      ['← →', 'change the mode of the focused scenario, or the focused setting'],
      ['Enter', 'read the briefing of the focused scenario'],
    ],
  },
  {
    screen: 'Desk: the feed',
    keys: [
      ['↑ ↓ (or K J)', 'previous / next post'],
      ['← →', 'previous / next channel tab (All, Facebook, …)'],
      ['F', 'switch between the live feed and the queue of open posts'],
      ['Home End', 'first / last post in the list'],
      ['Tab', 'move focus to the action buttons and back'],
    ],
  },
  {
    screen: 'Desk: the selected post',
    keys: [
      ['T', 'triage: its category, and whether it is urgent'],
      ['R or Enter', 'reply in public: phrase blocks, tone, and the brand position'],
      ['D', 'take it to private messages (DM)'],
      ['H', 'hide it (abuse or personal data only)'],
      ['X or Delete', 'delete it'],
      ['E', 'escalate it to a role, with a note'],
      ['L', 'link it with a post on another channel (press L on each)'],
      ['C', 'close the case'],
    ],
  },
  {
    screen: 'Desk: the whole desk',
    keys: [
      ['V', 'declare an escalation level'],
      ['S', 'publish a holding statement'],
      ['M', 'pause scheduled promotions'],
      ['A', 'call in extra staff'],
      ['G', 'the guideline, one key away'],
      ['P or Esc', 'pause (practice and tutorial only)'],
      ['+ −', 'faster / slower (practice and tutorial only)'],
    ],
  },
  {
    screen: 'Dialogs',
    keys: [
      ['↑ ↓ Home End', 'move within a column'],
      ['← → or Tab', 'next column'],
      ['Space or 1–9', 'pick the focused option, or option number N'],
      ['Enter', 'confirm'],
      ['Esc', 'cancel'],
    ],
  },
  {
    screen: 'Debrief',
    keys: [
      ['← →', 'step through the key moments of the shift'],
      ['↑ ↓', 'scroll the score breakdown'],
      ['R', 'retry the same shift'],
      ['M or Esc', 'back to the menu'],
    ],
  },
];

export function keyHelpDoc(): DocLine[] {
  const lines: DocLine[] = [{ text: 'Keys', style: 'title' }, { text: 'Everything can be done with the keyboard; the mouse works too.', style: 'dim' }];
  for (const group of KEY_HELP) {
    lines.push({ text: group.screen, style: 'heading' });
    for (const [keys, what] of group.keys) lines.push({ text: `${keys} — ${what}`, style: 'bullet' });
  }
  return lines;
}
