import type { Block, Category, Flag, Role, Tone } from '../../core/index';

/** Words the desk shows for the core's identifiers. Presentation only: the core judges. */

export const ROLE_LABEL: Record<Role, string> = {
  teamLead: 'Team lead',
  comms: 'Comms',
  legal: 'Legal',
  hr: 'HR',
  backOffice: 'Back office',
};

export const FLAG_LABEL: Record<Flag, string> = {
  personalData: 'PERSONAL DATA',
  legalThreat: 'LEGAL THREAT',
  abuse: 'ABUSE',
  media: 'MEDIA',
  namedStaff: 'NAMES STAFF',
  safety: 'SAFETY',
};

export const CATEGORY_LABEL: Record<Category, { label: string; detail: string }> = {
  question: { label: 'Question', detail: 'routine service request: answer it' },
  unhappy: { label: 'Unhappy customer', detail: 'restore: put it right, act on a reasonable fix' },
  misguided: { label: 'Misguided', detail: 'wrong facts: correct them in the thread' },
  rager: { label: 'Rager', detail: 'venting: monitor' },
  troll: { label: 'Troll', detail: 'provocation: monitor only' },
  positive: { label: 'Positive', detail: 'praise: thank or let stand' },
  legal: { label: 'Legal', detail: 'threat of legal action' },
  media: { label: 'Media', detail: 'a journalist or the press' },
};

/** Each phrase block with a sample of the words it puts in the reply. */
export const BLOCK_LABEL: Record<Block, { label: string; sample: string }> = {
  acknowledge: { label: 'Acknowledge', sample: 'I can see how frustrating this has been.' },
  apologise: { label: 'Apologise', sample: "I'm sorry, that should not have happened." },
  explain: { label: 'Explain', sample: "Here's what happened and why." },
  correctFacts: { label: 'Correct the facts', sample: 'To set the record straight: that is not the case.' },
  nextStep: { label: 'Next step', sample: "Here's what I'm doing now and when you'll hear from me." },
  inviteDm: { label: 'Invite to DM', sample: 'Please send me a private message so I can sort this out.' },
  thank: { label: 'Thank', sample: 'Thank you for telling us.' },
};

export const TONE_LABEL: Record<Tone, { label: string; detail: string }> = {
  empathetic: { label: 'Empathetic', detail: 'warm and personal' },
  neutral: { label: 'Neutral', detail: 'plain and factual' },
  formal: { label: 'Formal', detail: 'corporate' },
  defensive: { label: 'Defensive', detail: 'pushes back on the customer' },
};

export function formatFollowers(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(n >= 10_000_000 ? 0 : 1)}M`;
  if (n >= 10_000) return `${Math.round(n / 1000)}k`;
  if (n >= 1000) return `${(n / 1000).toFixed(1)}k`;
  return String(n);
}

/** "12 min", "1 h 05" — an age or a countdown in sim seconds. */
export function formatDuration(seconds: number): string {
  const m = Math.max(0, Math.floor(seconds / 60));
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')}`;
}

/** "0:40" — a short countdown in sim seconds, to the second. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
