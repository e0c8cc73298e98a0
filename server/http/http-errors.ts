import { ERROR_CODES, type ErrorCode, type Rejection } from '../../src/core/index';

/** Codes the server adds to the core's: request shape, attempts, drills, capacity. */
const SERVER_ERRORS = {
  'request/invalid': [400, 'the request is not valid'],
  'request/too_large': [413, 'the request body is too large'],
  'request/not_found': [404, 'no such endpoint'],
  'request/rate_limited': [429, 'too many requests; slow down'],
  'attempt/unknown': [404, 'no such attempt'],
  'attempt/mismatch': [422, 'the run was not played on this attempt'],
  'attempt/used': [409, 'this attempt already has a different run'],
  'attempt/too_soon': [422, 'a ranked run cannot arrive before its shift could have been played at the ranked pace'],
  'attempt/expired': [422, 'this attempt has expired: its shift had to end within its play window'],
  'attempt/burned': [422, 'the run does not verify, and this attempt has had too many that did not'],
  'names/claimed': [403, 'this name belongs to another player; runs under it need its claim key'],
  'names/taken': [409, 'this name, or one that looks like it, already has an owner'],
  'teams/code_required': [403, "runs under this team need the team code its creator was given"],
  'run/unknown': [404, 'no such run'],
  'run/no_submit_token': [401, 'send the run’s submit token as Authorization: Bearer'],
  'run/not_ranked': [422, 'only ranked runs go on a leaderboard'],
  'scenario/unknown_version': [404, 'no such version of this scenario'],
  'scenario/publishing_off': [404, 'publishing is off on this server (no author key is configured)'],
  'scenario/unauthorized': [401, 'an author key is required to publish'],
  'scenario/bundled': [409, 'this id belongs to a scenario shipped with the game, and the operator does not allow replacing it'],
  'drill/unknown': [404, 'no such drill'],
  'drill/unauthorized': [401, 'a token is required'],
  'drill/token_in_url': [400, 'send the token as "Authorization: Bearer …", not in the URL (URLs end up in logs, history and Referer headers)'],
  'drill/forbidden': [403, 'no such drill, or this token does not belong to it'],
  'drill/state': [409, 'the drill is not in a state that allows this'],
  'drill/name_taken': [409, 'someone in this drill already has that name'],
  'drill/mismatch': [422, 'the run was not played on this drill'],
  'drill/already_finished': [409, 'this trainee already submitted a different run'],
  'drill/unknown_trainee': [404, 'no such trainee in this drill'],
  'drill/closed': [409, 'the drill ended too long ago to accept runs'],
  'verify/busy': [503, 'the server is busy verifying runs; retry shortly'],
  'verify/timeout': [503, 'verifying the run took too long; retry shortly'],
  'database/unavailable': [503, 'the database is unavailable for the moment; retry shortly'],
  'server/error': [500, 'internal server error'],
} as const satisfies Record<string, readonly [number, string]>;

export type ServerErrorCode = keyof typeof SERVER_ERRORS;
export type ApiErrorCode = ErrorCode | ServerErrorCode;

/**
 * The one place core error codes become HTTP statuses. A malformed record is a bad
 * request; a well-formed record that does not verify is unprocessable; an unknown
 * scenario is not found. Typed as a full record so a new core code fails the build here.
 */
const CORE_STATUS: Record<ErrorCode, number> = {
  'action/invalid': 422,
  'action/unknown_post': 422,
  'action/post_closed': 422,
  'action/post_removed': 422,
  'action/agent_busy': 422,
  'action/run_over': 422,
  'action/not_in_mode': 422,
  'action/unknown_level': 422,
  'action/unknown_inject': 422,
  'action/already_done': 422,
  'action/no_staff_left': 422,
  'action/staff_after_shift': 422,
  'action/empty_reply': 422,
  'action/reply_too_long': 422,
  'action/note_required': 422,
  'action/same_channel': 422,
  'action/time_order': 422,
  'scenario/invalid': 400,
  'scenario/unknown': 404,
  'run/invalid': 400,
  'run/hash_mismatch': 422,
  'run/engine_mismatch': 422,
  'run/score_mismatch': 422,
  'run/action_rejected': 422,
};

export function statusFor(code: ApiErrorCode): number {
  return code in SERVER_ERRORS ? SERVER_ERRORS[code as ServerErrorCode][0] : CORE_STATUS[code as ErrorCode];
}

/** An expected failure with a client-facing reason. Thrown by handlers, rendered by the one error handler. */
export class ApiError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ApiErrorCode,
    detail?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    const base = code in SERVER_ERRORS ? SERVER_ERRORS[code as ServerErrorCode][1] : ERROR_CODES[code as ErrorCode];
    super(detail ? `${base}: ${detail}` : base);
    this.statusCode = statusFor(code);
  }

  static fromRejection(rejection: Rejection): ApiError {
    const error = new ApiError(rejection.code);
    error.message = rejection.message;
    return error;
  }
}

/** The JSON body of every error response. */
export interface ErrorBody {
  code: ApiErrorCode;
  message: string;
  [key: string]: unknown;
}
