import { describe, expect, it } from 'vitest';
import { actionBarRows, availability, commandForKey, DESK_COMMANDS, deskHelpSections, type DeskHost } from '../../src/game/desk/desk-commands';
import { namedPostIds, nextNamedPost } from '../../src/game/desk/named-posts';
import { KEY_HELP } from '../../src/game/ui/key-help';

/** A host that records what the commands asked of it. */
function recordingHost(over: Partial<DeskHost> = {}): { host: DeskHost; calls: string[] } {
  const calls: string[] = [];
  const rec = (name: string) => (...args: unknown[]) => void calls.push([name, ...args.map((a) => JSON.stringify(a))].join(' '));
  const host = new Proxy({ hasPost: () => true, busyFor: () => 0, canPause: () => true, ...over } as DeskHost, {
    get: (target, prop: string) => (prop in target ? target[prop as keyof DeskHost] : rec(prop)),
  });
  return { host, calls };
}

describe('the desk command table', () => {
  it('binds each key to at most one command', () => {
    const keys = DESK_COMMANDS.flatMap((c) => c.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps every key the desk answered to before the table', () => {
    const before = ['ArrowDown', 'j', 'ArrowUp', 'k', 'Home', 'End', 'ArrowLeft', 'ArrowRight', 'f', 't', 'r', 'Enter', 'd', 'h', 'x', 'Delete', 'e', 'l', 'c', 'v', 's', 'm', 'a', 'g', '?', 'p', '+', '=', '-', '_'];
    for (const k of before) expect(commandForKey(k), k).toBeDefined();
  });

  it('dispatches keys to the host moves they name', () => {
    const { host, calls } = recordingHost();
    for (const k of ['j', 'Enter', 'x', 'm', '-']) commandForKey(k)!.run(host, k);
    expect(calls).toEqual(['moveSelection 1', 'openForPost "reply"', 'postAction "post.delete"', 'send {"type":"desk.pausePromotions"}', 'changeSpeed -1']);
  });

  it('makes the action bar from the commands that have a label: post commands, then desk-wide ones', () => {
    const [post, desk] = actionBarRows();
    expect(post!.map((c) => c.label)).toEqual(['Triage', 'Reply', 'DM', 'Hide', 'Delete', 'Escalate', 'Link', 'Close']);
    expect(desk!.map((c) => c.label)).toEqual(['Declare level', 'Holding statement', 'Pause promotions', 'Call in staff', 'Guideline', 'Pause', 'Keys']);
  });

  it('lists every command in the help, under its group', () => {
    const sections = deskHelpSections();
    const listed = sections.flatMap((s) => s.keys.map(([k]) => k));
    for (const c of DESK_COMMANDS) expect(listed).toContain(c.keyText);
    for (const s of sections) expect(KEY_HELP.map((g) => g.screen)).toContain(s.screen);
  });

  it('disables post commands without a post, pause where the mode has none, and time-taking commands while busy', () => {
    const reply = commandForKey('r')!;
    expect(availability(reply, recordingHost({ hasPost: () => false }).host)).toEqual({ ok: false, reason: 'disabled' });
    expect(availability(commandForKey('p')!, recordingHost({ canPause: () => false }).host)).toEqual({ ok: false, reason: 'disabled' });
    const busy = recordingHost({ busyFor: () => 40 }).host;
    expect(availability(reply, busy)).toEqual({ ok: false, reason: 'busy' });
    expect(availability(commandForKey('s')!, busy)).toEqual({ ok: false, reason: 'busy' });
    // Looking things up never waits.
    expect(availability(commandForKey('g')!, busy)).toEqual({ ok: true });
    expect(availability(commandForKey('ArrowDown')!, busy)).toEqual({ ok: true });
  });
});

describe('posts named by hints', () => {
  const hints = ['The situation meets "Incident": declare it.', 'Post #10 needs HR by 11:46.', 'Post #4 shows personal data: hide it and take it to DM.', 'Post #10 is late.'];

  it('reads each post id once, in the order the hints give them', () => {
    expect(namedPostIds(hints)).toEqual([10, 4]);
    expect(namedPostIds(['Rule 3: publish a holding statement (due 11:00)'])).toEqual([]);
  });

  it('visits the next named post on each press, wrapping around', () => {
    expect(nextNamedPost([10, 4], null)).toBe(10);
    expect(nextNamedPost([10, 4], 10)).toBe(4);
    expect(nextNamedPost([10, 4], 4)).toBe(10);
    expect(nextNamedPost([10, 4], 99)).toBe(10);
    expect(nextNamedPost([], 3)).toBeUndefined();
  });
});
