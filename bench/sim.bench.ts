/**
 * Simulation speed and replay throughput on one core.
 * Run: npm run bench:sim
 * Prints, for every shipped scenario, the guideline bot's sim-time/wall-time
 * ratio and replay verifications per second; the longest scenario is the target
 * (a full run must replay in under 50 ms, ≥ 20 verifications/s/core).
 */
import { join } from 'node:path';
import { makeRunRecord, replay, runBot } from '../src/core/index';
import { loadScenarioDirectory } from '../cli/scenario-files';

const scenarios = loadScenarioDirectory(join(import.meta.dirname, '..', 'scenarios'));
const lookup = (id: string) => scenarios.get(id);
const REPEATS = 15;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

console.log(`node ${process.version}, ${REPEATS} repeats each, medians`);
console.log('scenario                 sim-min  bot-ms  sim/wall   replay-ms  p95-ms  verifies/s  idle-replay-ms');
const rows: { id: string; simMinutes: number; replayMs: number }[] = [];
for (const [id, { scenario, hash }] of [...scenarios].sort((a, b) => a[1].scenario.duration.simMinutes - b[1].scenario.duration.simMinutes)) {
  const botMs: number[] = [];
  let record;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const { sim } = runBot(scenario, { seed: 1000 + i, mode: 'ranked', bot: 'guideline' });
    botMs.push(performance.now() - t0);
    record = makeRunRecord(sim, hash);
  }
  const idle = makeRunRecord(runBot(scenario, { seed: 1000, mode: 'ranked', bot: 'idle' }).sim, hash);
  const time = (rec: unknown) => {
    const xs: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const t0 = performance.now();
      const r = replay(rec, lookup);
      xs.push(performance.now() - t0);
      if (!r.ok) throw new Error(`replay failed: ${r.message}`);
    }
    return xs;
  };
  const replayMs = time(record);
  const idleMs = time(idle);
  const simMinutes = scenario.duration.simMinutes;
  const sorted = [...replayMs].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
  const ratio = (simMinutes * 60_000) / median(botMs);
  console.log(
    `${id.padEnd(24)} ${String(simMinutes).padStart(7)} ${median(botMs).toFixed(1).padStart(7)} ${Math.round(ratio).toLocaleString('en').padStart(9)}× ${median(replayMs).toFixed(1).padStart(10)} ${p95.toFixed(1).padStart(7)} ${(1000 / median(replayMs)).toFixed(0).padStart(11)} ${median(idleMs).toFixed(1).padStart(15)}`,
  );
  rows.push({ id, simMinutes, replayMs: median(replayMs) });
}
const longest = rows.reduce((a, b) => (b.simMinutes > a.simMinutes ? b : a));
console.log(`\nlongest scenario ${longest.id}: replay ${longest.replayMs.toFixed(1)} ms (target < 50 ms) → ${longest.replayMs < 50 ? 'MET' : 'NOT MET'}`);
