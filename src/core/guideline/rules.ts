import type { BreachKind, EntryCriterion, Scenario } from '../scenario/scenario.schema';
import type { Post, SimState } from '../sim/state';

/** Post classes that want an answer; trolls, ragers and praise are monitored, not queued. */
export function needsResponse(p: Post): boolean {
  return p.category === 'question' || p.category === 'unhappy' || p.category === 'misguided' || p.category === 'legal' || p.category === 'media';
}

/** What each breach means when the scenario's guideline does not word it itself. */
export const BREACH_DEFAULT_TEXT: Record<BreachKind, string> = {
  personalDataInPublic: 'Personal data requested in public',
  deletedCriticism: 'Legitimate criticism deleted',
  hidLegitimatePost: 'A legitimate post hidden (only abuse or personal data may be hidden)',
  publicCompensation: 'Compensation offered in public to the loudest voice',
  pushedToPhone: 'Customer pushed to the phone line instead of resolving in channel',
  cannedRepeat: 'Repeated standard responses',
  inconsistentAnswer: 'Different answers on the same issue',
  ignoredLegalThreat: 'Legal threat not escalated to legal in time',
  repliedMoreThanTwice: 'More than two public replies to one person (rule of two)',
  queueJumping: 'Queue-jumping for a loud customer',
  defensiveTone: 'Defensive tone with a customer',
  namedStaff: 'A member of staff named in public',
  bannedPhrase: 'A phrase the brand never uses',
  missingRequiredFact: 'A fact the statement must carry is missing',
  missingSignOff: "A public reply without the brand's sign-off",
  contradictsFacts: 'Says something that contradicts the facts on record',
  deflectsCause: 'Deflects a cause that is ours',
  blamesPartner: 'Blames a partner in public',
  admitsLiability: 'Admits legal liability without legal',
};

/** The guideline level the situation has reached: the highest level any of whose entry criteria holds. */
export function situationLevel(scenario: Scenario, s: SimState, negativeLastHour: number): number {
  const levels = scenario.guideline.levels;
  for (let i = levels.length - 1; i > s.trueLevel; i--) {
    if (levels[i]!.entry.some((c) => criterionHolds(c, s, negativeLastHour))) return i;
  }
  return s.trueLevel;
}

function criterionHolds(c: EntryCriterion, s: SimState, negativeLastHour: number): boolean {
  if (c.negativePostsLastHour !== undefined && negativeLastHour >= c.negativePostsLastHour) return true;
  if (c.injectFired && s.firedInjects.some((f) => c.injectFired!.includes(f.id))) return true;
  if (c.authorFollowers !== undefined && s.maxNegativeFollowers >= c.authorFollowers) return true;
  if (c.anyFlag && c.anyFlag.some((f) => s.flagsSeen.includes(f))) return true;
  return false;
}

/** Scenario wall clock for sim second `t`, "HH:MM". */
export function clockAt(scenario: Scenario, t: number): string {
  const [h, m] = scenario.duration.startClock.split(':').map(Number) as [number, number];
  const total = h * 60 + m + Math.floor(t / 60);
  return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
