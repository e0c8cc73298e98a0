import type { Page } from 'playwright-core';
import type { Post } from '../../../src/core/index';
import type { Snapshot } from '../../../src/game/automation/automation-hook';

export const snapshot = (page: Page): Promise<Snapshot> => page.evaluate(() => window.surgeDrill!.snapshot());
export const sceneOf = (page: Page): Promise<string> => page.evaluate(() => window.surgeDrill!.scene());

export async function waitForScene(page: Page, scene: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction((s) => window.surgeDrill?.scene() === s, scene, { timeout, polling: 50 });
}

async function keys(page: Page, ...names: string[]): Promise<void> {
  for (const k of names) await page.keyboard.press(k);
}

/** Digits in the dialogs follow the core's ROLES and BLOCKS order. */
const ROLE_DIGIT = { teamLead: '1', comms: '2', legal: '3', hr: '4', backOffice: '5' } as const;
const BLOCK_DIGIT = { acknowledge: '1', apologise: '2', explain: '3', correctFacts: '4', nextStep: '5', inviteDm: '6', thank: '7' } as const;

/** The keys a careful trainee presses for this post, or undefined when it needs nothing now. */
function keysFor(p: Post, rootCauseDone: boolean): { keys: string[]; rootCause?: boolean } | undefined {
  if (p.status === 'hidden' && p.flags.includes('personalData') && !p.inDm) return { keys: ['d'] };
  if (p.status !== 'open') return undefined;
  if (p.flags.includes('personalData')) return { keys: ['h'] };
  if (p.flags.includes('legalThreat') && !p.escalatedTo.includes('legal')) return { keys: ['e', ROLE_DIGIT.legal, 'Enter'] };
  if (p.flags.includes('media') && !p.escalatedTo.includes('comms')) return { keys: ['e', ROLE_DIGIT.comms, 'Enter'] };
  if (!rootCauseDone && p.aboutRootCause && !p.escalatedTo.includes('backOffice')) return { keys: ['e', ROLE_DIGIT.backOffice, 'Enter'], rootCause: true };
  if (p.flags.includes('abuse')) return { keys: ['h'] };
  if (p.needs && !p.escalatedTo.includes(p.needs.role)) return { keys: ['e', ROLE_DIGIT[p.needs.role], 'Enter'] };
  // The driver may read the true category (the player sees only the text); the reply is still typed block by block.
  switch (p.category) {
    case 'troll':
    case 'rager':
      return { keys: ['c'] };
    case 'positive':
      return { keys: ['r', BLOCK_DIGIT.thank, 'Enter'] };
    case 'misguided':
      return { keys: ['r', BLOCK_DIGIT.correctFacts, BLOCK_DIGIT.nextStep, 'Enter'] };
    case 'question':
      return { keys: ['r', BLOCK_DIGIT.explain, BLOCK_DIGIT.nextStep, 'Enter'] };
    case 'legal':
    case 'media':
      return { keys: ['r', BLOCK_DIGIT.acknowledge, BLOCK_DIGIT.inviteDm, 'Enter'] };
    default:
      return { keys: ['r', BLOCK_DIGIT.acknowledge, BLOCK_DIGIT.apologise, BLOCK_DIGIT.nextStep, 'Enter'] };
  }
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
  const press = async (...names: string[]) => {
    stats.keyPresses += names.length;
    await keys(page, ...names);
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
      await press('s', 'Enter');
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
