import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBot } from '../../../src/core/index';
import { EARLY_ARRIVAL_TOLERANCE_MS, FINISH_GRACE_MS, OFFLINE_GRACE_MS } from '../../../server/runs/attempt-window';
import { MAX_FAILED_VERIFICATIONS } from '../../../server/runs/runs.service';
import { miniScenario } from '../../fixtures/mini-scenario';
import { botRun, buildTestApp, DATABASE_TARGETS, freshDatabaseUrl, getJson, listenLocal, MINI_SHIFT_MS, postJson, testClock } from '../helpers/test-app';

const YEAR_MS = 365 * 24 * 60 * 60_000;

/**
 * Issue 13, finding 5, replayed against the real server on 127.0.0.1: a bot's run
 * accepted 0.9 s after its attempt, a year-old attempt accepted, a practice record on
 * the issued seed relabelled ranked, and unlimited failed replays that each told the
 * true score. Time here is the server's clock, moved by the test.
 */
describe.each(DATABASE_TARGETS)('ranked integrity on %s', (target) => {
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    app = await buildTestApp(await freshDatabaseUrl(target));
    base = await listenLocal(app);
  });
  afterAll(async () => app?.close());

  const attempt = async () => {
    const answer = await postJson(base, '/api/attempts', { scenarioId: miniScenario.id });
    expect(answer.status).toBe(201);
    return answer.body as { attemptId: string; seed: number; issuedAt: number; shiftMs: number; finishGraceMs: number; offlineGraceMs: number };
  };
  const send = (body: Record<string, unknown>) => postJson(base, '/api/runs', body);
  const onBoard = async (player: string) => ((await getJson(base, `/api/leaderboards/${miniScenario.id}?limit=100`)).body.entries as { player: string }[]).some((e) => e.player === player);

  it('tells the client its window, timed by the server', async () => {
    const a = await attempt();
    expect(a).toMatchObject({ issuedAt: testClock.now(), shiftMs: MINI_SHIFT_MS, finishGraceMs: FINISH_GRACE_MS, offlineGraceMs: OFFLINE_GRACE_MS });
  });

  it('refuses a run that arrives sooner than the shift could be played, without replaying it', async () => {
    const a = await attempt();
    testClock.advance(900);
    const bot = await send({ player: 'Speed Bot', attemptId: a.attemptId, run: botRun(a.seed) });
    expect(bot.status).toBe(422);
    expect(bot.body).toMatchObject({ code: 'attempt/too_soon' });
    testClock.advance(MINI_SHIFT_MS - EARLY_ARRIVAL_TOLERANCE_MS - 2_000);
    expect((await send({ player: 'Speed Bot', attemptId: a.attemptId, run: botRun(a.seed) })).body).toMatchObject({ code: 'attempt/too_soon' });
    // The same attempt, once its shift has had time to be played, still counts.
    testClock.advance(2_000);
    expect((await send({ player: 'Speed Bot', attemptId: a.attemptId, run: botRun(a.seed) })).status).toBe(200);
  });

  it('refuses a run on an attempt issued a year ago', async () => {
    const a = await attempt();
    testClock.advance(YEAR_MS);
    const late = await send({ player: 'Time Traveller', attemptId: a.attemptId, run: botRun(a.seed), endedAfterMs: MINI_SHIFT_MS });
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: 'attempt/expired' });
    expect(await onBoard('Time Traveller')).toBe(false);
  });

  it('counts a run that ended in time and waited offline, but not one that ended late', async () => {
    const queued = await attempt();
    testClock.advance(MINI_SHIFT_MS + FINISH_GRACE_MS + 3 * 60 * 60_000);
    const offline = await send({ player: 'Commuter', attemptId: queued.attemptId, run: botRun(queued.seed), endedAfterMs: MINI_SHIFT_MS + 20_000 });
    expect(offline.status, JSON.stringify(offline.body)).toBe(200);

    const unsaid = await attempt();
    testClock.advance(MINI_SHIFT_MS + FINISH_GRACE_MS + 60_000);
    expect((await send({ player: 'Commuter', attemptId: unsaid.attemptId, run: botRun(unsaid.seed) })).body).toMatchObject({ code: 'attempt/expired' });
    const slow = await send({ player: 'Commuter', attemptId: unsaid.attemptId, run: botRun(unsaid.seed), endedAfterMs: MINI_SHIFT_MS + FINISH_GRACE_MS + 30_000 });
    expect(slow.body).toMatchObject({ code: 'attempt/expired' });

    const stale = await attempt();
    testClock.advance(MINI_SHIFT_MS + FINISH_GRACE_MS + OFFLINE_GRACE_MS + 60_000);
    expect((await send({ player: 'Commuter', attemptId: stale.attemptId, run: botRun(stale.seed), endedAfterMs: MINI_SHIFT_MS })).body).toMatchObject({ code: 'attempt/expired' });
  });

  it('does not let the issued seed be played in practice first and relabelled ranked', async () => {
    // The seed exists only from the moment the attempt is issued, and its clock runs from then.
    const a = await attempt();
    const practice = runBot(miniScenario, { seed: a.seed, mode: 'practice', bot: 'guideline' });
    expect(practice.sim.state.seed).toBe(a.seed);
    const relabelled = { ...botRun(a.seed, 'guideline', 'practice'), mode: 'ranked' as const };
    expect((await send({ player: 'Relabeller', attemptId: a.attemptId, run: relabelled })).body).toMatchObject({ code: 'attempt/too_soon' });
    // Practising at a slower pace or with pauses takes longer than the window allows.
    testClock.advance(4 * MINI_SHIFT_MS);
    expect((await send({ player: 'Relabeller', attemptId: a.attemptId, run: relabelled })).body).toMatchObject({ code: 'attempt/expired' });
    // And an unrelabelled practice record never reaches a board.
    const b = await attempt();
    testClock.advance(MINI_SHIFT_MS);
    expect((await send({ player: 'Relabeller', attemptId: b.attemptId, run: botRun(b.seed, 'guideline', 'practice') })).body).toMatchObject({ code: 'run/not_ranked' });
    expect(await onBoard('Relabeller')).toBe(false);
  });

  it(`burns an attempt after ${MAX_FAILED_VERIFICATIONS} failed verifications and never tells the true score`, async () => {
    const a = await attempt();
    testClock.advance(MINI_SHIFT_MS);
    const genuine = botRun(a.seed, 'idle');
    const trueScore = genuine.claimed.score;
    const messages: string[] = [];
    for (let claim = 0; claim < MAX_FAILED_VERIFICATIONS; claim++) {
      const forged = { ...genuine, claimed: { score: (trueScore + 1 + claim) % 101, grade: 'A' as const } };
      const refused = await send({ player: 'Prober', attemptId: a.attemptId, run: forged });
      expect(refused.status).toBe(422);
      expect(refused.body!.code).toBe('run/score_mismatch');
      messages.push(refused.body!.message as string);
    }
    expect(messages[0]).toContain('does not verify');
    expect(messages.at(-1)).toContain('burned');
    for (const message of messages) {
      expect(message).not.toMatch(/replayed/);
      expect(message).not.toContain(`${trueScore} (`);
    }
    // Burned: even the genuine record is refused now, before any replay, and says only that.
    const after = await send({ player: 'Prober', attemptId: a.attemptId, run: genuine });
    expect(after.status).toBe(422);
    expect(after.body).toMatchObject({ code: 'attempt/burned' });
    expect(after.body!.message).toContain('does not verify');
    expect(after.body!.message).not.toContain(String(trueScore));
  });

  it('spends at most a few replays on an attempt flooded with forged claims, however many arrive at once', async () => {
    const flooded = await attempt();
    testClock.advance(MINI_SHIFT_MS);
    const genuine = botRun(flooded.seed, 'idle');
    const forged = { ...genuine, claimed: { score: (genuine.claimed.score + 7) % 101, grade: 'A' as const } };
    const FORGERIES = 60;
    const answers = await Promise.all(Array.from({ length: FORGERIES }, () => send({ player: 'Flooder', attemptId: flooded.attemptId, run: forged })));
    const codes = answers.map((r) => r.body!.code as string);
    // Each try is taken before its replay, so concurrent forgeries cannot start more than the limit.
    expect(codes.filter((c) => c === 'run/score_mismatch')).toHaveLength(MAX_FAILED_VERIFICATIONS);
    expect(codes.filter((c) => c === 'attempt/burned')).toHaveLength(FORGERIES - MAX_FAILED_VERIFICATIONS);
    const honest = await attempt();
    testClock.advance(MINI_SHIFT_MS);
    expect((await send({ player: 'Honest', attemptId: honest.attemptId, run: botRun(honest.seed) })).status).toBe(200);
  });
});
