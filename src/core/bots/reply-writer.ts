import { clockAt } from '../guideline/rules';
import { ROLE_LABELS, type Role, type Scenario } from '../scenario/scenario.schema';
import { greetingName } from '../sim/quick-insert';
import type { Post } from '../sim/state';
import { capitalise } from '../util/prose';

/**
 * What the bots write. The guideline bot writes from the scenario's facts and varies every
 * sentence, as a careful agent does, so it passes the judge's repetition check: the n-th
 * text takes variant n mod 5, 6 and 7 of its parts, so two texts within the judge's
 * look-back share at most one sentence. The naive bots write what naive agents write.
 */

const ACKNOWLEDGE = [
  'I can see how frustrating this has been, and you should not have had to deal with it.',
  "I've read your post and I understand why you're upset.",
  'That sounds like a really stressful experience, and I completely understand your frustration.',
  "I hear you — this isn't the experience you should have had with us.",
  'Thank you for telling us what happened; I can only imagine how annoying that was.',
];
const APOLOGISE = [
  "I'm really sorry.",
  "I'm so sorry about this.",
  'I am truly sorry we let you down.',
  "We're sorry — that isn't good enough.",
  'Please accept my apologies.',
  "I'm sorry this happened to you.",
];
const NEXT_STEP = [
  "I'm looking into it personally right now and I'll update you here by the end of today.",
  "I've passed this to the team who can fix it, and I'll come back to you here this evening.",
  "I'm chasing this now and will update you here this afternoon.",
  "I've flagged it to the right team today and I'll keep you posted here.",
  "I'll make sure this is put right, and I'll update you here before the end of the day.",
  "I'm on it now and will let you know what I find out later today.",
  "I've raised it with our managers this morning and I'll update you here as soon as I hear back.",
];
const INVITE_DM = [
  "I've sent you a private message so we can sort out the details there.",
  "I've dropped you a DM so we can take the details privately.",
  "Please check your DMs — I've messaged you so we can keep your details private.",
  "I've messaged you privately so we can go through the details.",
];
const CORRECT = [
  'To set the record straight:',
  'Just to clarify:',
  'To clear this up:',
  'I want to be clear about what happened:',
  'For clarity:',
];
const DM_OPENING = [
  "Thanks for talking to us here. I'm sorry for the trouble.",
  "I'm sorry about what happened, and thank you for messaging.",
  "Thanks for getting in touch privately. I'm really sorry about this.",
  "I'm so sorry for the trouble, and thanks for your patience.",
  'Thank you for messaging us. Please accept my apologies.',
];
const DM_ASK = [
  'Could you send me your booking reference and the best email to reach you, and I will sort this out today?',
  'If you share your booking reference here, I will look into it straight away and reply today.',
  'Please send me your booking details in this chat and I will put it right today.',
  'Reply here with your reference and I will get this sorted for you this afternoon.',
  'Send me the details here in private and I will update you later today.',
  'Let me have your reference in this conversation and I will chase it today.',
];

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

function hello(p: Post): string {
  const name = greetingName(p.author);
  return name ? `Hi ${name}, ` : 'Hi, ';
}

/** The sign-off the brand's judge rules ask for, if any. */
function signOff(scenario: Scenario): string {
  const s = scenario.judge.signOff;
  return s ? ` ${s.example}` : '';
}

/** What the brand is doing about the issue, in the scenario's words, varied by n. */
function doingLine(scenario: Scenario, n: number): string {
  return pick(scenario.judge.facts.doing, n);
}

/** A careful public reply to `p`, the guideline bot's n-th text; undefined when the post is monitored only. */
export function guidelineReply(scenario: Scenario, p: Post, n: number): string | undefined {
  const lines: string[] = [];
  const issue = p.aboutRootCause ? doingLine(scenario, n) : undefined;
  switch (p.category) {
    case 'unhappy':
    case 'legal':
    case 'media':
      lines.push(pick(ACKNOWLEDGE, n), pick(APOLOGISE, n));
      if (issue) lines.push(issue);
      lines.push(pick(NEXT_STEP, n), pick(INVITE_DM, n));
      break;
    case 'question':
      lines.push('Thanks for asking.', pick(NEXT_STEP, n), pick(INVITE_DM, n));
      break;
    case 'misguided':
      lines.push(pick(CORRECT, n), issue ?? "that isn't the case.", pick(NEXT_STEP, n));
      break;
    default:
      return undefined;
  }
  return `${hello(p)}${lines.join(' ')}${signOff(scenario)}`;
}

/** A private message to `p`: asking for the details there is the practice. */
export function guidelineDm(p: Post, n: number): string {
  return `${hello(p)}${pick(DM_OPENING, n)} ${pick(DM_ASK, n)}`;
}

/** A holding statement written from the scenario's facts: owns the problem and says what happens next. */
export function guidelineStatement(scenario: Scenario): string {
  return `We're sorry: we got this wrong and we know many of you have been let down. ${scenario.judge.facts.doing.join(' ')} We'll post the next update here this afternoon.`;
}

/** What a careful agent asks each role to do. */
const ROLE_ASK: Record<Role, string> = {
  legal: 'please advise on the legal risk and what we may say in reply',
  comms: 'please take this media enquiry and give us a line to use',
  hr: 'please review this complaint about a named member of staff and tell us what to say',
  teamLead: 'please decide on cover for the desk and sign off our approach',
  backOffice: 'please fix the underlying fault',
};

/**
 * An escalation note a role can act on without asking: the ask and how soon first, then
 * what happened in the author's own words (quoted, cut to fit the note's limit).
 */
export function guidelineNote(scenario: Scenario, p: Post, role: Role, deadline: number | undefined, maxChars: number): string {
  const when = deadline !== undefined ? `by ${clockAt(scenario, deadline)}` : 'as soon as you can';
  const rootCause = role === scenario.rootCause.owner && p.aboutRootCause;
  const ask = rootCause ? 'please fix the fault behind these complaints' : ROLE_ASK[role];
  const head = `${capitalise(ROLE_LABELS[role].replace(/^the /, ''))}: ${ask}, ${when}. ${p.author.name} wrote: "`;
  const tail = rootCause ? ` The fault: ${scenario.rootCause.description}` : '';
  const room = Math.max(0, maxChars - head.length - 1);
  const quote = p.text.length <= room ? p.text : `${p.text.slice(0, Math.max(0, room - 1))}…`;
  return `${head}${quote}"${tail}`.slice(0, maxChars);
}

/** The canned bot's one text, pasted everywhere. */
export const CANNED_TEXT = 'Thank you for your feedback. We apologise for any inconvenience caused and we will look into this matter.';
/** The appeaser buys quiet from whoever shouts loudest. */
export const APPEASER_TEXT = "So sorry about this! To make up for it we'll send you a £50 voucher and a free upgrade on your next trip.";
/** The stuffer strings together the words a judge listens for. */
export const STUFFER_TEXT = 'Sorry sorry apologies, we understand, totally understand. DM us, thanks, thanks, sorry.';
