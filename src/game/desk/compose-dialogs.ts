import { BLOCKS, quickDmText, quickInsertText, quickStatementText, REPLY_MAX_CHARS, ROLES, type Post, type Role, type Scenario, type SimState } from '../../core/index';
import { factsBeside, postBeside } from '../composer/beside';
import type { ComposerSpec, QuickInsert } from '../composer/composer';
import { draftKey } from '../composer/drafts';
import type { Send } from './action-dialogs';
import { BLOCK_LABEL, formatFollowers, ROLE_LABEL } from './labels';

/** The core's limit on an escalation note. */
const NOTE_MAX_CHARS = 280;
/** A note shorter than this tells the role nothing. */
const NOTE_MIN_CHARS = 10;
/** Characters of the post quoted in a fresh escalation note. */
const NOTE_SNIPPET_CHARS = 70;

/** Phrase blocks as quick inserts: each puts editable words for this post at the caret. */
function blockInserts(scenario: Scenario, post: Post): QuickInsert[] {
  return BLOCKS.map((b) => ({ label: BLOCK_LABEL[b].label, text: () => quickInsertText(scenario, b, post) }));
}

/** The brand's sign-off, when its scenario has one, and the privacy rule every public text keeps. */
function publicHint(scenario: Scenario): string {
  const sign = scenario.judge.signOff ? `Sign off like ${scenario.judge.signOff.example}. ` : '';
  return `${sign}Never ask for personal details in public: take them to a DM.`;
}

function channelName(scenario: Scenario, post: Post): string {
  return scenario.channels.find((c) => c.id === post.channel)?.name ?? post.channel;
}

export function replyComposer(post: Post, scenario: Scenario, state: SimState, send: Send): ComposerSpec {
  return {
    name: 'reply',
    title: `Reply in public to ${post.author.handle} (#${post.id})`,
    subtitle: `Everyone on ${channelName(scenario, post)} reads it. Write in your own words: tone and content are judged from them, and writing takes sim time.`,
    beside: postBeside(post, scenario, state),
    besideLabel: `The post you are answering, #${post.id}`,
    fieldLabel: 'Your public reply',
    fieldHint: publicHint(scenario),
    maxChars: REPLY_MAX_CHARS,
    minChars: 1,
    draftKey: draftKey.reply(post.id),
    inserts: blockInserts(scenario, post),
    sendLabel: 'Post reply',
    onSend: (text) => send({ type: 'post.reply', postId: post.id, text }),
  };
}

export function dmComposer(post: Post, scenario: Scenario, state: SimState, send: Send): ComposerSpec {
  return {
    name: 'dm',
    title: `Private message to ${post.author.handle} (#${post.id})`,
    subtitle: 'Only the author reads it: the place to ask for a booking reference or contact details, and to put things right one to one.',
    beside: postBeside(post, scenario, state),
    besideLabel: `The post you are answering, #${post.id}`,
    fieldLabel: 'Your private message',
    maxChars: REPLY_MAX_CHARS,
    minChars: 1,
    draftKey: draftKey.dm(post.id),
    // In private, asking for the booking details is the practice: the first insert does it.
    inserts: [{ label: 'Ask for details', text: () => quickDmText(post) }, ...blockInserts(scenario, post)],
    sendLabel: 'Send DM',
    onSend: (text) => send({ type: 'post.dm', postId: post.id, text }),
  };
}

export function holdingStatementComposer(scenario: Scenario, state: SimState, send: Send): ComposerSpec {
  return {
    name: 'statement',
    title: 'Publish a holding statement',
    subtitle: 'One public statement on every channel: the brand has heard, owns what is its own, and says what happens next and when.',
    beside: factsBeside(scenario, state),
    besideLabel: 'The facts to write from',
    fieldLabel: 'Your holding statement',
    fieldHint: publicHint(scenario),
    maxChars: REPLY_MAX_CHARS,
    minChars: 1,
    draftKey: draftKey.statement(),
    inserts: [{ label: 'Start from the facts', text: () => quickStatementText(scenario) }],
    sendLabel: 'Publish',
    onSend: (text) => send({ type: 'desk.holdingStatement', text }),
  };
}

export function escalateComposer(post: Post, scenario: Scenario, state: SimState, send: Send): ComposerSpec {
  const snippet = post.text.length > NOTE_SNIPPET_CHARS ? `${post.text.slice(0, NOTE_SNIPPET_CHARS - 1)}…` : post.text;
  return {
    name: 'escalate',
    title: `Escalate post #${post.id}`,
    subtitle: `Say what happened, what you need them to do, and by when, or they will come back with questions. The note is internal (personal details are fine): at least ${NOTE_MIN_CHARS} characters.`,
    beside: postBeside(post, scenario, state),
    besideLabel: `The post you are escalating, #${post.id}`,
    fieldLabel: 'Note to them',
    maxChars: NOTE_MAX_CHARS,
    minChars: NOTE_MIN_CHARS,
    draftKey: draftKey.escalate(post.id),
    startText: `${post.author.handle} (${formatFollowers(post.author.followers)} followers): "${snippet}"`,
    inserts: [],
    choice: {
      legend: 'To',
      value: ROLES.find((r) => !post.escalatedTo.includes(r)) ?? 'teamLead',
      options: ROLES.map((r) => ({ id: r, label: `${ROLE_LABEL[r]}${post.escalatedTo.includes(r) ? ' (already told)' : ''}` })),
    },
    sendLabel: 'Escalate',
    onSend: (note, role) => send({ type: 'post.escalate', postId: post.id, role: role as Role, note }),
  };
}
