import type { Action } from '../../core/index';

/** What the desk scene offers its commands: the state they look at and the moves they make. */
export interface DeskHost {
  /** A post is selected (post commands need one). */
  hasPost(): boolean;
  /** Tells the trainee to select a post first. */
  askForPost(): void;
  /** Sim seconds until the trainee's hands are free again (0 when free). */
  busyFor(): number;
  /** Practice and tutorial can pause and change speed; ranked and drill runs cannot. */
  canPause(): boolean;
  moveSelection(delta: 1 | -1): void;
  selectFirst(): void;
  selectLast(): void;
  cycleTab(delta: 1 | -1): void;
  toggleView(): void;
  jumpToNamedPost(): void;
  /** Comments under the selected post: most relevant first, or newest first. */
  toggleThreadOrder(): void;
  /** Opens the triage dialog or the composer for the selected post. */
  openForPost(kind: 'triage' | 'reply' | 'dm' | 'escalate'): void;
  postAction(type: 'post.hide' | 'post.delete' | 'post.close'): void;
  link(): void;
  openDeclare(): void;
  openDesk(kind: 'statement' | 'staff'): void;
  send(action: Action): void;
  openGuideline(): void;
  openHelp(): void;
  pause(): void;
  changeSpeed(direction: 1 | -1): void;
}

export type CommandGroup = 'feed' | 'post' | 'desk';

/**
 * One desk command. The action bar, the key dispatch and the help overlay are
 * all made from the table below, so a key cannot be bound in one and missing
 * from another.
 */
export interface DeskCommand {
  /** Key names as `keyName()` gives them: lower-case characters, else `KeyboardEvent.key`. */
  keys: readonly string[];
  /** How the help list writes the keys ('R or Enter'). */
  keyText: string;
  /** Caption on the action bar; a command without one has no button. */
  label?: string;
  help: string;
  group: CommandGroup;
  /** Whether it takes the trainee's time, so it waits while the trainee is busy. */
  costsTime?: boolean;
  enabled?(host: DeskHost): boolean;
  /** Says why a disabled command cannot run, when its key is pressed anyway. */
  refused?(host: DeskHost): void;
  run(host: DeskHost, key: string): void;
}

const needsPost = (h: DeskHost) => h.hasPost();
const askForPost = (h: DeskHost) => h.askForPost();

export const DESK_COMMANDS: readonly DeskCommand[] = [
  { keys: ['ArrowDown', 'j'], keyText: '↓ (or J)', help: 'next post', group: 'feed', run: (h) => h.moveSelection(1) },
  { keys: ['ArrowUp', 'k'], keyText: '↑ (or K)', help: 'previous post', group: 'feed', run: (h) => h.moveSelection(-1) },
  { keys: ['ArrowLeft'], keyText: '←', help: 'previous channel tab (All, Facebook, …)', group: 'feed', run: (h) => h.cycleTab(-1) },
  { keys: ['ArrowRight'], keyText: '→', help: 'next channel tab', group: 'feed', run: (h) => h.cycleTab(1) },
  { keys: ['f'], keyText: 'F', help: 'switch between the live feed and the work queue of open posts (oldest first)', group: 'feed', run: (h) => h.toggleView() },
  { keys: ['Home'], keyText: 'Home', help: 'first post in the list', group: 'feed', run: (h) => h.selectFirst() },
  { keys: ['End'], keyText: 'End', help: 'last post in the list', group: 'feed', run: (h) => h.selectLast() },
  { keys: ['n'], keyText: 'N', help: 'jump to the post the latest hint or the next obligation names', group: 'feed', run: (h) => h.jumpToNamedPost() },
  { keys: ['o'], keyText: 'O', help: 'order the comments under a post: most relevant or newest first', group: 'feed', run: (h) => h.toggleThreadOrder() },
  { keys: ['t'], keyText: 'T', label: 'Triage', help: 'triage: its category, and whether it is urgent', group: 'post', costsTime: true, enabled: needsPost, refused: askForPost, run: (h) => h.openForPost('triage') },
  { keys: ['r', 'Enter'], keyText: 'R or Enter', label: 'Reply', help: 'reply in public, in your own words (phrase blocks are optional quick inserts)', group: 'post', costsTime: true, enabled: needsPost, refused: askForPost, run: (h) => h.openForPost('reply') },
  { keys: ['d'], keyText: 'D', label: 'DM', help: 'take it to private messages: write the DM', group: 'post', costsTime: true, enabled: needsPost, refused: askForPost, run: (h) => h.openForPost('dm') },
  { keys: ['h'], keyText: 'H', label: 'Hide', help: 'hide it (abuse or personal data only)', group: 'post', costsTime: true, enabled: needsPost, refused: askForPost, run: (h) => h.postAction('post.hide') },
  { keys: ['x', 'Delete'], keyText: 'X or Delete', label: 'Delete', help: 'delete it', group: 'post', costsTime: true, enabled: needsPost, refused: askForPost, run: (h) => h.postAction('post.delete') },
  { keys: ['e'], keyText: 'E', label: 'Escalate', help: 'escalate it to a role, with a note you write', group: 'post', costsTime: true, enabled: needsPost, refused: askForPost, run: (h) => h.openForPost('escalate') },
  { keys: ['l'], keyText: 'L', label: 'Link', help: 'link it with a post on another channel (press L on each)', group: 'post', costsTime: true, enabled: needsPost, refused: askForPost, run: (h) => h.link() },
  { keys: ['c'], keyText: 'C', label: 'Close', help: 'close the case', group: 'post', costsTime: true, enabled: needsPost, refused: askForPost, run: (h) => h.postAction('post.close') },
  { keys: ['v'], keyText: 'V', label: 'Declare level', help: 'declare an escalation level', group: 'desk', costsTime: true, run: (h) => h.openDeclare() },
  { keys: ['s'], keyText: 'S', label: 'Holding statement', help: 'write and publish a holding statement', group: 'desk', costsTime: true, run: (h) => h.openDesk('statement') },
  { keys: ['m'], keyText: 'M', label: 'Pause promotions', help: 'pause scheduled promotions', group: 'desk', costsTime: true, run: (h) => h.send({ type: 'desk.pausePromotions' }) },
  { keys: ['a'], keyText: 'A', label: 'Call in staff', help: 'call in extra staff', group: 'desk', costsTime: true, run: (h) => h.openDesk('staff') },
  { keys: ['g'], keyText: 'G', label: 'Guideline', help: 'the guideline, one key away', group: 'desk', run: (h) => h.openGuideline() },
  { keys: ['p'], keyText: 'P or Esc', label: 'Pause', help: 'pause (practice and tutorial only)', group: 'desk', enabled: (h) => h.canPause(), refused: (h) => h.pause(), run: (h) => h.pause() },
  { keys: ['?'], keyText: '?', label: 'Keys', help: 'this list of keys', group: 'desk', run: (h) => h.openHelp() },
  {
    keys: ['+', '=', '-', '_'],
    keyText: '+ −',
    help: 'faster / slower (practice and tutorial only)',
    group: 'desk',
    run: (h, key) => h.changeSpeed(key === '+' || key === '=' ? 1 : -1),
  },
];

/** Help headings for each group, in the order the help lists them. */
export const GROUP_HEADING: Record<CommandGroup, string> = {
  feed: 'Desk: the feed',
  post: 'Desk: the selected post',
  desk: 'Desk: the whole desk',
};

/** Keys the scene handles itself because they depend on where focus is; listed in the help all the same. */
export const ZONE_KEYS_HELP: { group: CommandGroup; keyText: string; help: string }[] = [
  { group: 'feed', keyText: 'Tab', help: 'move focus to the action buttons and back' },
  { group: 'feed', keyText: 'Esc', help: 'cancel a link, leave the action buttons, or pause' },
];

export function commandForKey(key: string): DeskCommand | undefined {
  return DESK_COMMANDS.find((c) => c.keys.includes(key));
}

export type CommandAvailability = { ok: true } | { ok: false; reason: 'disabled' | 'busy' };

/** Whether a command can run now, and why not. */
export function availability(cmd: DeskCommand, host: DeskHost): CommandAvailability {
  if (cmd.enabled && !cmd.enabled(host)) return { ok: false, reason: 'disabled' };
  if (cmd.costsTime && host.busyFor() > 0) return { ok: false, reason: 'busy' };
  return { ok: true };
}

/** The action bar's two rows: post commands, then desk-wide ones. */
export function actionBarRows(): DeskCommand[][] {
  const withButton = DESK_COMMANDS.filter((c) => c.label !== undefined);
  return [withButton.filter((c) => c.group === 'post'), withButton.filter((c) => c.group === 'desk')];
}

/** The help overlay's desk sections: each group's commands with their keys. */
export function deskHelpSections(): { screen: string; keys: [string, string][] }[] {
  return (Object.keys(GROUP_HEADING) as CommandGroup[]).map((group) => ({
    screen: GROUP_HEADING[group],
    keys: [
      ...DESK_COMMANDS.filter((c) => c.group === group).map((c): [string, string] => [c.keyText, c.help]),
      ...ZONE_KEYS_HELP.filter((z) => z.group === group).map((z): [string, string] => [z.keyText, z.help]),
    ],
  }));
}
