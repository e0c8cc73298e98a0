import type { Page } from 'playwright-core';
import type { Post } from '../../../src/core/index';
import type { Snapshot } from '../../../src/game/automation/automation-hook';

export const snapshot = (page: Page): Promise<Snapshot> => page.evaluate(() => window.surgeDrill!.snapshot());
export const sceneOf = (page: Page): Promise<string> => page.evaluate(() => window.surgeDrill!.scene());

export async function waitForScene(page: Page, scene: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction((s) => window.surgeDrill?.scene() === s, scene, { timeout, polling: 50 });
}

/** A key to press, or words to write into the composer. */
type Step = string | { text: string };

/**
 * Presses the keys and writes the words. Words go in as one text input (as a paste or
 * an input method would), not key by key: at high speed the shift would end while a
 * reply was still being typed, and keys typed when no composer is open would be desk
 * commands. `tests/e2e/composer.test.ts` types its replies key by key.
 */
async function keys(page: Page, ...steps: Step[]): Promise<void> {
  for (const k of steps) {
    if (typeof k === 'string') await page.keyboard.press(k);
    else await page.keyboard.insertText(k.text);
  }
}

/** Digits in the escalation composer's role choice follow the core's ROLES order. */
const ROLE_DIGIT = { teamLead: '1', comms: '2', legal: '3', hr: '4', backOffice: '5' } as const;
/** Ctrl+Enter sends from the composer. */
const SEND = 'Control+Enter';

const firstName = (p: Post) => p.author.name.split(/\s+/)[0] ?? 'there';
/** Picks one of several wordings by post id, so a careful trainee never sounds canned. */
const pick = (p: Post, options: string[]) => options[p.id % options.length]!;

/** Words a careful trainee types for a post of this category: personal, owning, with a next step. */
export function replyFor(p: Post): string {
  const name = firstName(p);
  switch (p.category) {
    case 'positive':
      return `${pick(p, ['Thank you so much', 'That is lovely to hear', 'Thanks for taking the time to tell us'])}, ${name}. I will pass your kind words on to the team today. ^Jo`;
    case 'misguided':
      return `Hi ${name}, ${pick(p, ['just to set the record straight', 'to clear this up', 'so you have the right facts'])}: that is not quite what happened. I will post the full details on our page within the hour. ^Jo`;
    case 'question':
      return `Hi ${name}, ${pick(p, ['good question', 'thanks for asking', 'happy to help'])}. Here is what happened: I am checking the details with the team now and will reply here by 4pm. ^Jo`;
    case 'legal':
    case 'media':
      return `Hi ${name}, I understand why you are raising this. Please send us a private message so the right colleague can pick it up with you directly. ^Jo`;
    default:
      return `${pick(p, ['Hi', 'Hello', 'Dear'])} ${name}, ${pick(p, ['I am so sorry', 'I am really sorry', 'we are truly sorry'])}, ${pick(p, ['that should never have happened', 'we let you down here', 'this was our mistake'])}. ${pick(p, ['I have passed it to the team fixing it', 'I am chasing this with our refunds team now', 'I have raised it with our control desk'])} and ${pick(p, ['will update you here by 6pm', 'will come back to you today', 'will message you with the outcome this afternoon'])}. ^Jo`;
  }
}

/** A private message asking for what a public reply must never ask for. */
const dmFor = (p: Post): string => `Hi ${firstName(p)}, thanks for bearing with us. Could you send me your booking reference here so I can look into this straight away? ^Jo`;

/** A holding statement a careful desk writes: owns it, says what is being done and when it will say more. */
export const HOLDING_STATEMENT =
  'We are sorry: we let a customer down badly and we own that. We are putting their refund right today and changing how we handle late-night cancellations so nobody is left stranded again. We will post an update here by 6pm. ^Jo';

/** The steps a careful trainee takes for this post, or undefined when it needs nothing now. */
function keysFor(p: Post, rootCauseDone: boolean): { keys: Step[]; rootCause?: boolean } | undefined {
  if (p.status === 'hidden' && p.flags.includes('personalData') && !p.inDm) return { keys: ['d', { text: dmFor(p) }, SEND] };
  if (p.status !== 'open') return undefined;
  if (p.flags.includes('personalData')) return { keys: ['h'] };
  if (p.flags.includes('legalThreat') && !p.escalatedTo.includes('legal')) return { keys: ['e', ROLE_DIGIT.legal, SEND] };
  if (p.flags.includes('media') && !p.escalatedTo.includes('comms')) return { keys: ['e', ROLE_DIGIT.comms, SEND] };
  if (!rootCauseDone && p.aboutRootCause && !p.escalatedTo.includes('backOffice')) return { keys: ['e', ROLE_DIGIT.backOffice, SEND], rootCause: true };
  if (p.flags.includes('abuse')) return { keys: ['h'] };
  if (p.needs && !p.escalatedTo.includes(p.needs.role)) return { keys: ['e', ROLE_DIGIT[p.needs.role], SEND] };
  // The driver may read the true category (the player sees only the text); the reply is typed into the composer.
  if (p.category === 'troll' || p.category === 'rager') return { keys: ['c'] };
  return { keys: ['r', { text: replyFor(p) }, SEND] };
}

export interface PlayStats {
  actions: number;
  keyPresses: number;
}

/**
 * Plays a shift the way a careful trainee would, by keyboard only: keeps the
 * declared level with the situation, publishes a holding statement, pauses
 * promotions, calls in staff, escalates legal threats, the press and the root
 * cause, hides and DMs personal data, and answers the oldest open post with a
 * reply that fits it.
 * It reads the hook to decide; every change goes through key presses.
 */
export async function playByKeyboard(page: Page, deadlineMs: number, stopWhen?: (snap: Snapshot) => boolean): Promise<PlayStats> {
  const stats: PlayStats = { actions: 0, keyPresses: 0 };
  const press = async (...steps: Step[]) => {
    stats.keyPresses += steps.reduce((n, k) => n + (typeof k === 'string' ? 1 : k.text.length), 0);
    await keys(page, ...steps);
  };
  const started = Date.now();
  let queueView = false;
  let rootCauseDone = false;
  while (Date.now() - started < deadlineMs) {
    const snap = await snapshot(page);
    if (snap.scene !== 'desk' || !snap.run || snap.run.over || !snap.desk || stopWhen?.(snap)) return stats;
    const s = snap.run.state;
    if (s.trainee.busyUntil > s.t) {
      await page.waitForTimeout(20);
      continue;
    }
    const before = s.log.length;
    if (!queueView) {
      await press('f');
      queueView = true;
      continue;
    }
    if (s.declaredLevel < s.trueLevel) {
      await press('v', String(s.trueLevel + 1), 'Enter');
    } else if (s.trueLevel >= 1 && s.holdingStatementAt === undefined) {
      await press('s', { text: HOLDING_STATEMENT }, SEND);
    } else if (s.trueLevel >= 1 && s.promotionsPausedAt === undefined && snap.run.state.log.every((l) => l.action.type !== 'desk.pausePromotions')) {
      await press('m');
    } else if (s.trueLevel >= 1 && s.log.every((l) => l.action.type !== 'desk.callInStaff')) {
      await press('a', 'End', 'Enter');
    } else {
      const selected = snap.desk.selectedPostId === null ? undefined : s.posts[snap.desk.selectedPostId - 1];
      const plan = selected ? keysFor(selected, rootCauseDone) : undefined;
      if (!plan) {
        // Nothing to do with this one: go to the oldest open post in the queue.
        await press('Home');
        if (snap.desk.visiblePostIds.length === 0) await page.waitForTimeout(30);
        continue;
      }
      if (plan.rootCause) rootCauseDone = true;
      await press(...plan.keys);
      // A dialog the core refused stays open with the reason; close it and move on.
      const after = await snapshot(page);
      if (after.desk?.dialog) await press('Escape');
    }
    const after = await snapshot(page);
    if (after.run && after.run.state.log.length > before) stats.actions += after.run.state.log.length - before;
    else await press('ArrowDown');
  }
  return stats;
}
