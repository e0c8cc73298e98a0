import { deskHelpSections } from '../desk/desk-commands';
import type { DocLine } from '../desk/guideline-text';

/** Every key the game answers to, by screen; the desk's come from its command table. The help overlay (?) and the menu's key list show this. */
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
  ...deskHelpSections(),
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
    screen: 'Composer (reply, DM, holding statement, escalation note)',
    keys: [
      ['Type', 'write in your own words; the counter shows n / 1000'],
      ['Tab', 'reach the quick inserts (phrase blocks that put editable words at the caret) and the buttons'],
      ['Ctrl+Enter (⌘+Enter)', 'send'],
      ['Esc', 'close and keep the draft for this post'],
      ['1–5 or ↑ ↓', 'pick the role an escalation goes to'],
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
