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
  PlayerBoard,
  PlayerBoardQuery,
  RunDetail,
  RunSubmission,
  RunVerdict,
  ScenarioList,
  ScenarioVersion,
  TeamBoard,
  TeamBoardQuery,
  TraineeProgress,
} from '../../api/index';
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
  PlayerBoard,
  PlayerStanding,
  RunVerdict,
  ScenarioSummary,
  ScoreLine,
  TeamBoard,
  TeamStanding,
  TraineeProgress,
} from '../../api/index';

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

export interface ApiClient {
  scenarios(): Promise<ScenarioList>;
  /** One kept version's file text (scenarios the bundle lacks are loaded from it). */
  scenarioVersion(id: string, hash: string): Promise<ScenarioVersion>;
  createAttempt(scenarioId: string): Promise<Attempt>;
  submitRun(body: RunSubmission): Promise<RunVerdict>;
  /** A verified, shared run with its record (its review page's data). */
  run(runId: string): Promise<RunDetail>;
  leaderboard(scenarioId: string, query?: PlayerBoardQuery): Promise<PlayerBoard>;
  teamLeaderboard(scenarioId: string, query?: TeamBoardQuery): Promise<TeamBoard>;
  createDrill(scenarioId: string, seed?: number): Promise<DrillCreated>;
  joinDrill(code: string, name: string): Promise<DrillJoined>;
  drill(code: string, trainerToken: string): Promise<DrillView>;
  control(code: string, trainerToken: string, command: DrillCommand): Promise<{ status: DrillStatus }>;
  fireInject(code: string, trainerToken: string, injectId: string): Promise<FiredInject>;
  reportProgress(code: string, traineeToken: string, progress: TraineeProgress): Promise<void>;
  submitDrillRun(code: string, traineeToken: string, run: RunRecord): Promise<DrillRunVerdict>;
  results(code: string, trainerToken: string): Promise<DrillResults>;
  /** Links for the browser to download (the token travels in the query; the server keeps it out of its logs). */
  exportUrl(code: string, trainerToken: string, format: 'csv' | 'xapi'): string;
  eventsUrl(code: string, token: string): string;
}

/** `base` is '' when the game is served by the server itself (the usual case). */
export function createApiClient(base = '', fetchImpl: Fetch = (...args) => fetch(...args)): ApiClient {
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (err) {
      throw new ApiRequestError(0, 'network/unreachable', `the server cannot be reached (${(err as Error).message})`);
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      throw new ApiRequestError(response.status, 'network/bad_response', `unexpected answer from the server (HTTP ${response.status})`);
    }
    if (!response.ok) {
      const error = json as { code?: string; message?: string } | undefined;
      throw new ApiRequestError(response.status, error?.code ?? 'network/http', error?.message ?? `HTTP ${response.status}`);
    }
    return json as T;
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
    submitRun: (body) => call('POST', '/api/runs', body),
    run: (runId) => call('GET', `/api/runs/${encodeURIComponent(runId)}`),
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
    exportUrl: (code, token, format) => `${base}${drill(code)}/${format === 'csv' ? 'results.csv' : 'xapi'}${q({ token })}`,
    eventsUrl: (code, token) => `${base}${drill(code)}/events${q({ token })}`,
  };
}
