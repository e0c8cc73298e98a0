import type { RunRecord } from '../../core/index';

/**
 * The browser's typed view of the server API (see /api/docs). Errors carry the
 * server's namespaced code and reason so scenes can show them as they are.
 */

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

export interface ScenarioSummary {
  id: string;
  title: string;
  summary: string;
  difficulty: string;
  hash: string;
  realMinutes: number;
  simMinutes: number;
  injects: { id: string; title: string; description: string; scripted: boolean }[];
}

export interface Attempt {
  attemptId: string;
  scenarioId: string;
  scenarioHash: string;
  seed: number;
  rated: boolean;
}

export interface ScoreLine {
  id: string;
  label: string;
  weight: number;
  score: number;
  why: string;
}

export interface RunVerdict {
  runId: string;
  verified: true;
  score: number;
  grade: string;
  rated: boolean;
  rank: number | null;
  duplicate: boolean;
  breakdown: ScoreLine[];
}

export interface PlayerStanding {
  rank: number;
  player: string;
  team: string | null;
  score: number;
  grade: string;
  runId: string;
  at: number;
}

export interface TeamStanding {
  rank: number;
  team: string;
  members: number;
  average: number;
  best: number;
}

export interface Page<T> {
  scenarioId: string;
  scenarioHash: string;
  total: number;
  offset: number;
  limit: number;
  entries: T[];
}

export type DrillStatus = 'lobby' | 'running' | 'paused' | 'ended';

export interface FiredInject {
  eventId: number;
  injectId: string;
  title: string;
  at: number;
}

export interface DrillCreated {
  drillId: string;
  code: string;
  trainerToken: string;
  scenarioId: string;
  scenarioHash: string;
  seed: number;
  status: DrillStatus;
}

export interface DrillJoined {
  traineeId: string;
  traineeToken: string;
  name: string;
  code: string;
  scenarioId: string;
  scenarioHash: string;
  seed: number;
  mode: 'drill';
  status: DrillStatus;
  firedInjects: FiredInject[];
}

export interface TraineeProgress {
  t: number;
  score: number;
  level: string;
  obligations: { id: string; status: string }[];
}

export interface DrillTrainee {
  traineeId: string;
  name: string;
  joinedAt: number;
  progress: (TraineeProgress & { at: number }) | null;
  final: { score: number; grade: string; at: number } | null;
}

export interface DrillView {
  drillId: string;
  code: string;
  status: DrillStatus;
  scenario: ScenarioSummary;
  seed: number;
  trainees: DrillTrainee[];
  firedInjects: FiredInject[];
}

export interface DrillResults {
  code: string;
  scenarioTitle: string;
  status: DrillStatus;
  trainees: { traineeId: string; name: string; finished: boolean; score: number | null; grade: string | null; breakdown: ScoreLine[] }[];
  averageScore: number | null;
  components: { id: string; label: string; average: number }[];
  missedMoments: { kind: string; title: string; guideline: string; missedBy: number; of: number }[];
  missedObligations: { id: string; rule: string; text: string; missedBy: number; of: number }[];
}

type Fetch = typeof fetch;

export interface ApiClient {
  scenarios(): Promise<{ engineVersion: string; scenarios: ScenarioSummary[] }>;
  createAttempt(scenarioId: string): Promise<Attempt>;
  submitRun(body: { player: string; team?: string; attemptId: string; run: RunRecord }): Promise<RunVerdict>;
  leaderboard(scenarioId: string, query?: { offset?: number; limit?: number; player?: string }): Promise<Page<PlayerStanding> & { you: PlayerStanding | null }>;
  teamLeaderboard(scenarioId: string, query?: { offset?: number; limit?: number; team?: string }): Promise<Page<TeamStanding> & { yours: TeamStanding | null }>;
  createDrill(scenarioId: string, seed?: number): Promise<DrillCreated>;
  joinDrill(code: string, name: string): Promise<DrillJoined>;
  drill(code: string, trainerToken: string): Promise<DrillView>;
  control(code: string, trainerToken: string, command: 'start' | 'pause' | 'resume' | 'end'): Promise<{ status: DrillStatus }>;
  fireInject(code: string, trainerToken: string, injectId: string): Promise<FiredInject>;
  reportProgress(code: string, traineeToken: string, progress: TraineeProgress): Promise<void>;
  submitDrillRun(code: string, traineeToken: string, run: RunRecord): Promise<{ traineeId: string; score: number; grade: string; duplicate: boolean }>;
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
    createAttempt: (scenarioId) => call('POST', '/api/attempts', { scenarioId }),
    submitRun: (body) => call('POST', '/api/runs', body),
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
