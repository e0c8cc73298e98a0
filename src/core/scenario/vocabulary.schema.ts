import { z } from 'zod';

/** The fixed lists a scenario chooses from: roles, flags, post classes, reply blocks, tones, breaches, desk actions. */

export const ROLES = ['teamLead', 'comms', 'legal', 'hr', 'backOffice'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;
/** How a role reads in prose. */
export const ROLE_LABELS: Record<Role, string> = {
  teamLead: 'the team lead',
  comms: 'comms',
  legal: 'legal',
  hr: 'HR',
  backOffice: 'the back office',
};

export const FLAGS = ['personalData', 'legalThreat', 'abuse', 'media', 'namedStaff', 'safety'] as const;
export const flagSchema = z.enum(FLAGS);
export type Flag = z.infer<typeof flagSchema>;

/** Post classes after the US Air Force web posting assessment, plus routine service requests. */
export const CATEGORIES = ['question', 'unhappy', 'misguided', 'rager', 'troll', 'positive', 'legal', 'media'] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

/**
 * The parts a good reply is made of: what the judge finds in a reply's words, and the
 * phrase blocks the composer offers as optional quick inserts.
 */
export const BLOCKS = ['acknowledge', 'apologise', 'explain', 'correctFacts', 'nextStep', 'inviteDm', 'thank'] as const;
export type Block = (typeof BLOCKS)[number];

export const TONES = ['empathetic', 'neutral', 'formal', 'defensive'] as const;
export const toneSchema = z.enum(TONES);
export type Tone = z.infer<typeof toneSchema>;

/** Breaches of a scenario's own judge rules (`judge:`): its staff, phrases, sign-off and facts. */
export const SCENARIO_BREACHES = [
  'namedStaff',
  'bannedPhrase',
  'missingRequiredFact',
  'missingSignOff',
  'contradictsFacts',
  'deflectsCause',
  'blamesPartner',
  'admitsLiability',
] as const;

/** Named practices a guideline may forbid. */
export const BREACH_KINDS = [
  'personalDataInPublic',
  'deletedCriticism',
  'hidLegitimatePost',
  'publicCompensation',
  'pushedToPhone',
  'cannedRepeat',
  'inconsistentAnswer',
  'ignoredLegalThreat',
  'repliedMoreThanTwice',
  'queueJumping',
  'defensiveTone',
  ...SCENARIO_BREACHES,
] as const;
export const breachKindSchema = z.enum(BREACH_KINDS);
export type BreachKind = z.infer<typeof breachKindSchema>;

/**
 * Practices the format can name but the simulation never cites: no action the desk
 * offers can jump the queue (the team answers in arrival order). A guideline that
 * forbids one is valid, but the rule will never show on a citation slip, so the
 * checker warns. A test keeps this list equal to the kinds the simulation never cites.
 */
export const UNDETECTED_BREACH_KINDS: readonly BreachKind[] = ['queueJumping'];

/** Desk-wide actions that can satisfy a guideline obligation. */
export const OBLIGATION_ACTIONS = [
  'escalate',
  'holdingStatement',
  'pausePromotions',
  'callInStaff',
  'linkThreads',
  'fixRootCause',
] as const;
