import type { Block, Category, Scenario } from '../scenario/scenario.schema';

/**
 * The composer's phrase blocks as quick inserts: editable text for one part of a reply,
 * written from the scenario's facts when the post is about the issue. They are a start,
 * not an answer: the trainee edits them, and the judge reads whatever is finally sent.
 */

/** What a quick insert needs to know about the post it answers. */
export interface InsertPost {
  author: { name: string };
  aboutRootCause: boolean;
  category: Category;
}

/** A first name for a greeting, or nothing when the name is a handle or an initial. */
export function greetingName(author: { name: string }): string {
  const word = author.name.trim().split(/\s+/)[0] ?? '';
  return /^[\p{L}'-]{2,}$/u.test(word) ? word : '';
}

/** Editable text for `block`, fitted to `post` and the scenario's facts. */
export function quickInsertText(scenario: Scenario, block: Block, post: InsertPost): string {
  const name = greetingName(post.author);
  const facts = post.aboutRootCause ? scenario.judge.facts : undefined;
  switch (block) {
    case 'acknowledge':
      return post.category === 'positive'
        ? `${name ? `${name}, ` : ''}it's great to hear this went well for you.`
        : `${name ? `Hi ${name}, ` : ''}I can see how frustrating this has been, and you shouldn't have had to go through it.`;
    case 'apologise':
      return "I'm really sorry — that isn't the service we want anyone to get.";
    case 'explain':
      return facts ? `Here's what happened: ${facts.cause.text}` : "Here's what happened: ";
    case 'correctFacts':
      return facts ? `To set the record straight: ${facts.cause.text}` : "To clear this up: that isn't the case. ";
    case 'nextStep': {
      if (!facts) return "I'm looking into this now and I'll update you here by ";
      const when = facts.timescales[0]?.text;
      return when ? `${facts.doing[0]} We'll keep to this: ${when}.` : facts.doing[0]!;
    }
    case 'inviteDm':
      return "I've sent you a private message so we can sort out the details there, away from the public page.";
    case 'thank':
      return 'Thank you for taking the time to tell us.';
  }
}

/** Editable opening for a private message: in private, asking for the details is the practice. */
export function quickDmText(post: InsertPost): string {
  const name = greetingName(post.author);
  return `${name ? `Hi ${name}, ` : 'Hi, '}thanks for messaging us privately. Could you send me your booking reference here so I can sort this out for you today?`;
}

/** Editable draft of a holding statement from the scenario's facts: owns the problem, says what happens next. */
export function quickStatementText(scenario: Scenario): string {
  const issue: InsertPost = { author: { name: '' }, aboutRootCause: true, category: 'unhappy' };
  return [quickInsertText(scenario, 'apologise', issue), quickInsertText(scenario, 'nextStep', issue)].join(' ');
}
