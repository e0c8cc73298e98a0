/**
 * Reply judge speed on one core.
 * Run: npm run bench:judge
 * Judges a 400-character reply (with an earlier reply to compare against and the
 * flagship's judge rules) many times and prints the time per verdict, beside a
 * baseline measured in the same run: a bare tokenising pass over the same text
 * (lower-casing and splitting into words). The target is well under 1 ms per verdict,
 * so re-judging every reply of a run keeps a replay under its 50 ms budget.
 */
import { join } from 'node:path';
import { judgeReply } from '../src/core/judge/index';
import { readScenarioFile } from '../cli/scenario-files';

const ROUNDS = 7;
const PER_ROUND = 2_000;
const TARGET_MS = 1;

const flagship = readScenarioFile(join(import.meta.dirname, '..', 'scenarios', 'facebook-mugging.yaml'));
if (!flagship.ok) throw new Error(flagship.messages.join('\n'));
const rules = flagship.scenario.judge;

const reply =
  "Kerry, I'm so sorry. Leaving your mum alone on the platform at Skipton was not good enough, and the refund form got it wrong too. " +
  "Our refund system wrongly marked her journey as travelled; I've asked our refunds team to overturn that today and it'll reach her within 5 working days. " +
  'Could you DM us her booking details so I can confirm it? ^Jo';
const text = reply.padEnd(400, ' ').slice(0, 400);
const ctx = {
  post: { text: 'You left my 79 year old mum alone on Skipton platform at midnight!', category: 'unhappy' as const, sentiment: -2 },
  channel: 'facebook',
  earlier: [{ text: 'We let Kerry’s mum down badly and we’re sorry. Her refund is being put right within 5 working days.', channel: 'x' }],
  rules,
};

/**
 * Median time per call of `fn`, in milliseconds: wall time, and this process's CPU time
 * (on a shared machine the wall clock also counts time spent waiting for a core).
 */
function perCall(fn: () => unknown): { wall: number; cpu: number } {
  const walls: number[] = [];
  const cpus: number[] = [];
  let sink = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < PER_ROUND; i++) sink += (fn() as unknown[]).length;
    walls.push((performance.now() - t0) / PER_ROUND);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000 / PER_ROUND);
  }
  if (sink < 0) console.log(sink); // keeps the work observable to the optimiser
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
  return { wall: median(walls), cpu: median(cpus) };
}

const tokenise = () => text.toLowerCase().split(/[^\p{L}\d']+/u);
perCall(tokenise);
perCall(() => judgeReply(text, ctx).evidence);
const baseline = perCall(tokenise);
const judged = perCall(() => judgeReply(text, ctx).evidence);
const us = (ms: number) => `${(ms * 1000).toFixed(1).padStart(8)} µs`;

console.log(`node ${process.version}, ${text.length}-character reply, ${ROUNDS}×${PER_ROUND} calls, medians`);
console.log('                              wall         cpu');
console.log(`tokenise-only baseline   ${us(baseline.wall)} ${us(baseline.cpu)}`);
console.log(`full verdict             ${us(judged.wall)} ${us(judged.cpu)}   (${(judged.cpu / baseline.cpu).toFixed(0)}× the baseline's cpu time)`);
console.log(`target < ${TARGET_MS} ms of cpu per verdict → ${judged.cpu < TARGET_MS ? 'MET' : 'NOT MET'}`);
