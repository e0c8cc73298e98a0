/**
 * The studio's calls to the server it was served by: the scenario list, one
 * scenario's YAML, and publishing (see /api/docs). Failures come back as values
 * with the server's reason, never as exceptions the page would have to catch.
 */

export interface ListedScenario {
  id: string;
  title: string;
}

export interface PublishProblem {
  line: number;
  column: number;
  field?: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; status: number; reason: string; problems?: PublishProblem[] };

const API = './api/scenarios';

export async function listScenarios(): Promise<Result<ListedScenario[]>> {
  const r = await call(API, { method: 'GET' });
  if (!r.ok) return r;
  const list = (r.value as { scenarios?: unknown }).scenarios;
  if (!Array.isArray(list)) return { ok: false, status: 200, reason: 'the server sent no scenario list' };
  return { ok: true, value: list.filter(isListed).map((s) => ({ id: s.id, title: s.title })) };
}

export async function scenarioYaml(id: string): Promise<Result<string>> {
  const r = await call(`${API}/${encodeURIComponent(id)}`, { method: 'GET' });
  if (!r.ok) return r;
  const yaml = (r.value as { yaml?: unknown }).yaml;
  return typeof yaml === 'string' ? { ok: true, value: yaml } : { ok: false, status: 200, reason: `the server sent no YAML for "${id}"` };
}

export interface Published {
  id: string;
  hash: string;
  version: number;
}

/** The author key travels only in the Authorization header, never in the address. */
export async function publishScenario(yaml: string, authorKey: string): Promise<Result<Published>> {
  const r = await call(API, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${authorKey}` }, body: JSON.stringify({ yaml }) });
  if (!r.ok) return r;
  const v = r.value as Partial<Published>;
  return { ok: true, value: { id: String(v.id), hash: String(v.hash), version: Number(v.version) } };
}

async function call(url: string, init: RequestInit): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (err) {
    return { ok: false, status: 0, reason: `the server cannot be reached (${err instanceof Error ? err.message : String(err)})` };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return { ok: true, value: body ?? {} };
  const error = (body as { error?: { message?: unknown; problems?: unknown } } | undefined)?.error;
  const reason = typeof error?.message === 'string' ? error.message : `the server answered ${response.status} ${response.statusText}`;
  const problems = Array.isArray(error?.problems) ? (error.problems as PublishProblem[]) : undefined;
  return { ok: false, status: response.status, reason, ...(problems ? { problems } : {}) };
}

function isListed(s: unknown): s is ListedScenario {
  return typeof s === 'object' && s !== null && typeof (s as ListedScenario).id === 'string' && typeof (s as ListedScenario).title === 'string';
}
