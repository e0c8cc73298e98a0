/**
 * Drill fan-out for the server bench: TRAINEES trainees join one running drill, each opens its
 * own event stream and posts progress about once a second; the trainer's stream receives every
 * report. Measures the delay from a trainee's POST to the trainer's copy of it (p50, p99) and
 * the server's resident memory (sampled from /proc) before, at peak and after.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export const TRAINEES = 500;
/** Each trainee reports once a second (the game itself reports every few seconds). */
const REPORT_EVERY_MS = 1_000;
/** Trainee streams come from several loopback addresses, as from several clients (the per-address stream cap is 200). */
const SOURCE_ADDRESSES = 5;
const RSS_SAMPLE_MS = 250;

export interface FanOutResult {
  reports: number;
  delivered: number;
  refused: number;
  p50: number;
  p99: number;
  /** p99 of the POST alone (sent to answered) and of the delivery after it (answered to the trainer's copy): which side a slow tail is on. */
  postP99: number;
  deliveryP99: number;
  /**
   * The load generator's own worst event-loop delay and the machine's CPU steal over the round: a
   * tail the generator shares, or one with steal, is the machine pausing, not the server.
   */
  generatorStallMs: number;
  stealPercent: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  rssAfterMb: number;
}

/** Total and stolen CPU time (jiffies) from /proc/stat's first line. */
function cpuTimes(): { total: number; steal: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function postJson(url: string, body: unknown, token?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

/**
 * An event stream from a given loopback address; `onEvent` runs as each event arrives (a trainee's
 * stream passes none: read and discarded, a client that keeps up).
 */
function openStream(base: string, path: string, localAddress: string, headers: Record<string, string>, onEvent?: (kind: string, data: any) => void): Promise<() => void> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const request = http.get({ host: url.hostname, port: url.port, path: url.pathname + url.search, localAddress, headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`stream refused: ${response.statusCode}`));
      if (!onEvent) response.resume();
      let buffer = '';
      response.setEncoding('utf8');
      if (onEvent) {
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let cut;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const kind = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (kind && data) onEvent(kind, JSON.parse(data));
          }
        });
      }
      resolve(() => request.destroy());
    });
    request.on('error', reject);
  });
}

export async function drillFanOut(base: string, serverPid: number, scenarioId: string, seconds: number): Promise<FanOutResult> {
  const created = (await (await postJson(`${base}/api/drills`, { scenarioId })).json()) as { code: string; trainerToken: string };
  const drill = `${base}/api/drills/${created.code}`;
  const trainees: { id: string; token: string }[] = [];
  for (let i = 0; i < TRAINEES; i++) {
    const joined = (await (await postJson(`${drill}/join`, { name: `Trainee ${i}` })).json()) as { traineeId: string; traineeToken: string };
    trainees.push({ id: joined.traineeId, token: joined.traineeToken });
  }
  const closers = await Promise.all(trainees.map((t, i) => openStream(base, `/api/drills/${created.code}/events?token=${t.token}`, `127.0.0.${2 + (i % SOURCE_ADDRESSES)}`, {})));

  // A report's sim time is its sequence number, so the trainer's copy names the POST it came from.
  const sentAt = new Map<string, number>();
  const answeredAt = new Map<string, number>();
  const latencies: number[] = [];
  const postTimes: number[] = [];
  const deliveryTimes: number[] = [];
  const closeTrainer = await openStream(base, `/api/drills/${created.code}/events`, '127.0.0.1', { authorization: `Bearer ${created.trainerToken}` }, (kind, data) => {
    const key = kind === 'progress' ? `${data.traineeId}:${data.t}` : '';
    const sent = sentAt.get(key);
    if (sent === undefined) return;
    const now = performance.now();
    latencies.push(now - sent);
    const answered = answeredAt.get(key);
    // A copy can overtake the POST's answer; that delivery took no time after it.
    deliveryTimes.push(answered === undefined ? 0 : Math.max(0, now - answered));
  });
  await postJson(`${drill}/start`, {}, created.trainerToken);

  const rssBeforeMb = rssMb(serverPid);
  const cpuBefore = cpuTimes();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  let rssPeakMb = rssBeforeMb;
  const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, rssMb(serverPid))), RSS_SAMPLE_MS);

  let reports = 0;
  let refused = 0;
  const until = performance.now() + seconds * 1000;
  const reporter = async (t: { id: string; token: string }, offsetMs: number) => {
    await new Promise((r) => setTimeout(r, offsetMs));
    for (let seq = 1; performance.now() < until; seq++) {
      const started = performance.now();
      const key = `${t.id}:${seq}`;
      sentAt.set(key, started);
      const response = await postJson(`${drill}/progress`, { t: seq, score: 50, level: 'Normal', obligations: [] }, t.token);
      await response.arrayBuffer();
      answeredAt.set(key, performance.now());
      postTimes.push(performance.now() - started);
      reports++;
      if (response.status !== 204) refused++;
      await new Promise((r) => setTimeout(r, Math.max(0, REPORT_EVERY_MS - (performance.now() - started))));
    }
  };
  // Spread over the first second, as real trainees are.
  await Promise.all(trainees.map((t, i) => reporter(t, (i * REPORT_EVERY_MS) / TRAINEES)));
  await new Promise((r) => setTimeout(r, 1_000));
  clearInterval(sampler);
  loopDelay.disable();
  const cpuAfter = cpuTimes();
  const stealPercent = (100 * (cpuAfter.steal - cpuBefore.steal)) / Math.max(1, cpuAfter.total - cpuBefore.total);
  const rssAfterMb = rssMb(serverPid);
  closeTrainer();
  for (const close of closers) close();
  return { reports, delivered: latencies.length, refused, p50: percentile(latencies, 50), p99: percentile(latencies, 99), postP99: percentile(postTimes, 99), deliveryP99: percentile(deliveryTimes, 99), generatorStallMs: loopDelay.max / 1e6, stealPercent, rssBeforeMb, rssPeakMb, rssAfterMb };
}
