import { ROLE_LABELS } from '../scenario/scenario.schema';
import type { Post } from '../sim/state';
import type { DebriefContext } from './debrief-context';

/**
 * Model replies written from the scenario's own facts: the customer's name, the
 * brand's facts (what it is doing about the issue, which the guideline bot
 * takes) when the post is about the root cause, and who owns the fix.
 */
export type ReplyIntent = 'restore' | 'personalData' | 'legal' | 'media' | 'namedStaff' | 'ruleOfTwo' | 'correctFacts' | 'question';

export function modelReply(ctx: DebriefContext, post: Post, intent: ReplyIntent): string {
  const { scenario } = ctx;
  const name = firstName(post.author.name);
  const hi = name ? `Hi ${name}, ` : 'Hi, ';
  const position = post.aboutRootCause ? ` ${scenario.judge.facts.doing[0]}` : '';
  const owner = ROLE_LABELS[scenario.rootCause.owner];
  const sign = ` — the ${scenario.brand.name} team`;
  switch (intent) {
    case 'personalData':
      return `${hi}I've hidden your post because it shows your personal details, so nobody else can see them. I'm sending you a private message now so we can sort this out there.${sign}`;
    case 'legal':
      return `${hi}I'm sorry we've let you down. I've passed your message to our legal team today, and I'd like to put this right with you directly: I'm sending you a private message now.${sign}`;
    case 'media':
      return `${hi}thank you for asking. I've passed your request to our press team, who will reply to you today.${position}${sign}`;
    case 'namedStaff':
      return `${hi}I'm sorry your call went that way; that isn't the help we want you to get. I've passed this on to the team's manager, and I've removed the name from the thread. Please send me a private message and I'll look into it personally.${sign}`;
    case 'ruleOfTwo':
      return `${hi}I don't want to keep you going back and forth here. I've sent you a private message so we can finish this properly.${sign}`;
    case 'correctFacts':
      return `${hi}I understand why that worries you, but it isn't the case.${position || ' Here is what actually happens:'} If anything is still unclear, message us and I'll help.${sign}`;
    case 'question':
      return `${hi}thanks for asking! Here's the answer and what happens next; if anything is unclear, just reply here.${sign}`;
    case 'restore':
      return `${hi}I'm so sorry — that should not have happened.${position} I've also passed the underlying fault to ${owner}. I'll message you privately for the details.${sign}`;
  }
}

function firstName(name: string): string {
  const word = name.trim().split(/\s+/)[0] ?? '';
  // Handles and initials make odd greetings; a plain word is a name.
  return /^[A-Za-zÀ-ÿ'-]{2,}$/.test(word) ? word : '';
}
