/**
 * Every rule violation the core can report, as a namespaced code. A rejected
 * action returns one of these and changes nothing; exceptions are for bugs only.
 * The server maps codes to HTTP statuses in one place.
 */
export const ERROR_CODES = {
  'action/invalid': 'the action is not one the desk knows',
  'action/unknown_post': 'no such post',
  'action/post_closed': 'that post is already closed',
  'action/post_removed': 'that post was hidden or deleted',
  'action/agent_busy': 'you are still busy with the previous action',
  'action/run_over': 'the shift has ended',
  'action/not_in_mode': 'that action is not available in this mode',
  'action/unknown_level': 'no such escalation level',
  'action/unknown_inject': 'no such inject',
  'action/already_done': 'that has already been done',
  'action/no_staff_left': 'no more staff can be called in',
  'action/staff_after_shift': 'staff called now would arrive after the shift ends',
  'action/empty_reply': 'a reply, DM or statement needs some words',
  'action/reply_too_long': 'a reply, DM or statement is too long',
  'action/note_required': 'an escalation needs a note of at least 10 characters',
  'action/same_channel': 'linked threads must be on different channels',
  'action/time_order': 'actions must be in time order and within the shift',
  'scenario/invalid': 'the scenario file is not valid',
  'scenario/unknown': 'no scenario with that id',
  'run/invalid': 'the run record is malformed',
  'run/hash_mismatch': 'the run was played on a different version of the scenario',
  'run/engine_mismatch': 'the run was played on a different engine version',
  'run/score_mismatch': 'the claimed outcome does not match the replay',
  'run/action_rejected': 'the run contains an action the desk rejects',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface Rejection {
  ok: false;
  code: ErrorCode;
  message: string;
}

export function reject(code: ErrorCode, detail?: string): Rejection {
  return { ok: false, code, message: detail ? `${ERROR_CODES[code]}: ${detail}` : ERROR_CODES[code] };
}
