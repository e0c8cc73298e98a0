import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { miniScenarioInput } from '../../fixtures/mini-scenario';

/** Helpers for attack tests against a real server process on 127.0.0.1. */

/** A scenarios directory holding only the mini scenario, for SCENARIO_DIR (left for the OS to clean). */
export function miniScenarioDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'surge-scenarios-')), 'scenarios');
  mkdirSync(dir);
  writeFileSync(join(dir, 'mini.yaml'), stringify(miniScenarioInput));
  return dir;
}

export async function postJson(base: string, path: string, body: unknown, token?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body ?? {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** A running drill with `trainees` joined: its code, the trainer's token and each trainee's token. */
export async function startedDrill(base: string, trainees: number): Promise<{ code: string; trainerToken: string; traineeTokens: string[] }> {
  const created = await postJson(base, '/api/drills', { scenarioId: 'mini', seed: 5 });
  if (created.status !== 201) throw new Error(`create drill: ${created.status} ${JSON.stringify(created.body)}`);
  const { code, trainerToken } = created.body as { code: string; trainerToken: string };
  const traineeTokens: string[] = [];
  for (let i = 0; i < trainees; i++) {
    const joined = await postJson(base, `/api/drills/${code}/join`, { name: `Trainee ${i}` });
    if (joined.status !== 201) throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);
    traineeTokens.push(joined.body.traineeToken);
  }
  const started = await postJson(base, `/api/drills/${code}/start`, {}, trainerToken);
  if (started.status !== 200) throw new Error(`start: ${started.status}`);
  return { code, trainerToken, traineeTokens };
}

/** An about-4 KB progress report: the largest body the schema allows, near enough. */
export function bigProgress(t: number) {
  return {
    t,
    score: 50,
    level: 'Incident',
    obligations: Array.from({ length: 50 }, (_, i) => ({ id: `obligation-${i}-${'x'.repeat(44)}`, status: 'open' })),
  };
}

/** An event-stream request on a raw socket that stops reading once the response head arrives. */
export interface StalledStream {
  status: number;
  socket: Socket;
  /** Resolves when the server closes the connection. */
  closed: Promise<void>;
}

export function openStalledStream(base: string, path: string, token: string): Promise<StalledStream> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    let head = '';
    socket.once('error', reject);
    socket.on('data', function onData(chunk: Buffer) {
      head += chunk.toString('latin1');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(head);
      if (!match) return;
      socket.off('data', onData);
      socket.pause();
      socket.on('error', () => {});
      resolve({ status: Number(match[1]), socket, closed });
    });
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nAuthorization: Bearer ${token}\r\n\r\n`);
  });
}

/** Resident memory of a process in MB (Linux). */
export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
}
