import type {
  Attempt,
  DrillCommand,
  DrillCreated,
  DrillJoined,
  DrillResults,
  DrillRunVerdict,
  DrillStatus,
  DrillView,
  FiredInject,
  NameCheck,
  NameCheckRequest,
  PlayerBoard,
  PlayerBoardQuery,
  RunDetail,
  RunSubmission,
  RunVerdict,
  ScenarioList,
  ScenarioVersion,
  TeamBoard,
  TeamBoardQuery,
  TeamCreated,
  TraineeProgress,
  TraineeProgressReport,
  TraineeReview,
} from '../../api/index';
// From the module without schemas: importing the index's values would bundle every schema into the game.
import { CLAIM_KEY_HEADER, TEAM_CODE_HEADER } from '../../api/names';
import type { RunRecord } from '../../core/index';

/**
 * The browser's typed view of the server API (see /api/docs). Every type comes from
 * the API's zod schemas in src/api; errors carry the server's namespaced code and
 * reason so scenes can show them as they are.
 */

export type {
  Attempt,
  BoardPage,
  DrillCreated,
  DrillJoined,
  DrillResults,
  DrillStatus,
  DrillTraineeView as DrillTrainee,
  DrillView,
  FiredInject,
  NameCheck,
  NameCheckRequest,
  PlayerBoard,
  PlayerStanding,
  RunVerdict,
  ScenarioSummary,
  ScoreLine,
  TeamBoard,
  TeamCreated,
  TeamStanding,
  TraineeProgress,
  TraineeReview,
} from '../../api/index';

/** The secrets that open a player name and a team (sent as headers, never in the body). */
export interface NameSecrets {
  claimKey?: string;
  teamCode?: string;
}

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** The server could not be reached, or asked us to come back later: worth retrying. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

type Fetch = typeof fetch;

/** A downloaded export: its bytes and the file name the server gave it. */
export interface ExportFile {
  blob: Blob;
  filename: string;
}

export interface ApiClient {
  scenarios(): Promise<ScenarioList>;
  /** One kept version's file text (scenarios the bundle lacks are loaded from it). */
  scenarioVersion(id: string, hash: string): Promise<ScenarioVersion>;
  createAttempt(scenarioId: string): Promise<Attempt>;
  /** A verified, shared run with its record (its review page's data). */
  run(runId: string): Promise<RunDetail>;
  submitRun(body: RunSubmission, secrets?: NameSecrets): Promise<RunVerdict>;
  createTeam(team: string): Promise<TeamCreated>;
  checkNames(body: NameCheckRequest, secrets?: NameSecrets): Promise<NameCheck>;
  leaderboard(scenarioId: string, query?: PlayerBoardQuery): Promise<PlayerBoard>;
  teamLeaderboard(scenarioId: string, query?: TeamBoardQuery): Promise<TeamBoard>;
  createDrill(scenarioId: string, seed?: number): Promise<DrillCreated>;
  joinDrill(code: string, name: string): Promise<DrillJoined>;
  drill(code: string, trainerToken: string): Promise<DrillView>;
  control(code: string, trainerToken: string, command: DrillCommand): Promise<{ status: DrillStatus }>;
  fireInject(code: string, trainerToken: string, injectId: string): Promise<FiredInject>;
  reportProgress(code: string, traineeToken: string, progress: TraineeProgressReport): Promise<void>;
  submitDrillRun(code: string, traineeToken: string, run: RunRecord): Promise<DrillRunVerdict>;
  results(code: string, trainerToken: string): Promise<DrillResults>;
  /** One trainee's run as far as it has arrived, for the trainer's review of it. */
  traineeReview(code: string, trainerToken: string, traineeId: string): Promise<TraineeReview>;
  /** A results export, fetched with the token in the Authorization header (never in a URL), for the page to save as a file. */
  exportFile(code: string, trainerToken: string, format: 'csv' | 'xapi'): Promise<ExportFile>;
  eventsUrl(code: string, token: string): string;
}

function secretHeaders(secrets: NameSecrets): Record<string, string> {
  const headers: Record<string, string> = {};
  if (secrets.claimKey) headers[CLAIM_KEY_HEADER] = secrets.claimKey;
  if (secrets.teamCode) headers[TEAM_CODE_HEADER] = secrets.teamCode;
  return headers;
}

/** `base` is '' when the game is served by the server itself (the usual case). */
export function createApiClient(base = '', fetchImpl: Fetch = (...args) => fetch(...args)): ApiClient {
  async function send(method: 'GET' | 'POST', path: string, body?: unknown, token?: string, extra: Record<string, string> = {}): Promise<Response> {
    const headers: Record<string, string> = { ...extra };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    try {
      return await fetchImpl(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (err) {
      throw new ApiRequestError(0, 'network/unreachable', `the server cannot be reached (${(err as Error).message})`);
    }
  }
  const parse = (status: number, text: string): unknown => {
    try {
      return text ? JSON.parse(text) : undefined;
    } catch {
      throw new ApiRequestError(status, 'network/bad_response', `unexpected answer from the server (HTTP ${status})`);
    }
  };
  /** Turns a refusal into an ApiRequestError with the server's code and reason. */
  async function failure(response: Response): Promise<never> {
    const error = parse(response.status, await response.text()) as { code?: string; message?: string } | undefined;
    throw new ApiRequestError(response.status, error?.code ?? 'network/http', error?.message ?? `HTTP ${response.status}`);
  }
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown, token?: string, extra: Record<string, string> = {}): Promise<T> {
    const response = await send(method, path, body, token, extra);
    if (response.status === 204) return undefined as T;
    if (!response.ok) return failure(response);
    return parse(response.status, await response.text()) as T;
  }
  const q = (params: Record<string, string | number | undefined>) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
    const s = search.toString();
    return s ? `?${s}` : '';
  };
  const drill = (code: string) => `/api/drills/${encodeURIComponent(code)}`;

  return {
    scenarios: () => call('GET', '/api/scenarios'),
    scenarioVersion: (id, hash) => call('GET', `/api/scenarios/${encodeURIComponent(id)}/versions/${encodeURIComponent(hash)}`),
    createAttempt: (scenarioId) => call('POST', '/api/attempts', { scenarioId }),
    run: (runId) => call('GET', `/api/runs/${encodeURIComponent(runId)}`),
    submitRun: (body, secrets = {}) => call('POST', '/api/runs', body, undefined, secretHeaders(secrets)),
    createTeam: (team) => call('POST', '/api/teams', { team }),
    checkNames: (body, secrets = {}) => call('POST', '/api/names/check', body, undefined, secretHeaders(secrets)),
    leaderboard: (scenarioId, query = {}) => call('GET', `/api/leaderboards/${encodeURIComponent(scenarioId)}${q(query)}`),
    teamLeaderboard: (scenarioId, query = {}) => call('GET', `/api/leaderboards/${encodeURIComponent(scenarioId)}/teams${q(query)}`),
    createDrill: (scenarioId, seed) => call('POST', '/api/drills', seed === undefined ? { scenarioId } : { scenarioId, seed }),
    joinDrill: (code, name) => call('POST', `${drill(code)}/join`, { name }),
    drill: (code, token) => call('GET', drill(code), undefined, token),
    control: (code, token, command) => call('POST', `${drill(code)}/${command}`, {}, token),
    fireInject: (code, token, injectId) => call('POST', `${drill(code)}/injects`, { injectId }, token),
    reportProgress: (code, token, progress) => call('POST', `${drill(code)}/progress`, progress, token),
    submitDrillRun: (code, token, run) => call('POST', `${drill(code)}/runs`, { run }, token),
    results: (code, token) => call('GET', `${drill(code)}/results`, undefined, token),
    traineeReview: (code, token, traineeId) => call('GET', `${drill(code)}/trainees/${encodeURIComponent(traineeId)}/review`, undefined, token),
    async exportFile(code, token, format) {
      const path = `${drill(code)}/${format === 'csv' ? 'results.csv' : 'xapi'}`;
      const response = await send('GET', path, undefined, token);
      if (!response.ok) await failure(response);
      // The server names the file (content-disposition); the fallback only matters if a proxy drops the header.
      const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
      return { blob: await response.blob(), filename: named?.[1] ?? `drill-${code}-${format === 'csv' ? 'results.csv' : 'xapi.json'}` };
    },
    eventsUrl: (code, token) => `${base}${drill(code)}/events${q({ token })}`,
  };
}
