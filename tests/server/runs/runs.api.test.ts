import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION, REPLY_MAX_CHARS, type RunRecord } from '../../../src/core/index';
import { runResponse } from '../../../src/api/index';
import { miniScenario } from '../../fixtures/mini-scenario';
import { PUBLIC_DETAILS_REPLY } from '../../fixtures/reply-texts';
import { botRun, buildTestApp, DATABASE_TARGETS, freshDatabaseUrl, get, MINI_SHIFT_MS, playAtSeed, playRanked, post, testClock } from '../helpers/test-app';

const clone = (r: RunRecord): RunRecord => structuredClone(r);

describe.each(DATABASE_TARGETS)('ranked runs on %s', (target) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(await freshDatabaseUrl(target));
  });
  afterAll(async () => app?.close());

  const board = async () => (await get(app, `/api/leaderboards/${miniScenario.id}?limit=100`)).body!;

  it('issues a fresh rated seed per attempt', async () => {
    const a = await post(app, '/api/attempts', { scenarioId: miniScenario.id });
    const b = await post(app, '/api/attempts', { scenarioId: miniScenario.id });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ scenarioId: 'mini', rated: true });
    expect(a.body!.seed).toBeGreaterThanOrEqual(0);
    expect(a.body!.attemptId).not.toBe(b.body!.attemptId);
  });

  it('verifies a genuine run, stores it once and ranks it', async () => {
    const { attemptId, run } = await playRanked(app);
    const first = await post(app, '/api/runs', { player: 'Ada', team: 'Night Shift', attemptId, run });
    expect(first.status, first.response.body).toBe(200);
    expect(runResponse.parse(first.body)).toMatchObject({ verified: true, score: run.claimed.score, grade: run.claimed.grade, rated: true, duplicate: false });
    expect(first.body!.rank).toBeGreaterThanOrEqual(1);

    const again = await post(app, '/api/runs', { player: 'Ada', team: 'Night Shift', attemptId, run });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ runId: first.body!.runId, duplicate: true, score: run.claimed.score });

    const stored = await get(app, `/api/runs/${first.body!.runId}`);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ player: 'Ada', team: 'Night Shift', score: run.claimed.score, seed: run.seed });
    expect(stored.body!.record).toEqual(run);

    const entries = (await board()).entries.filter((e: { player: string }) => e.player === 'Ada');
    expect(entries).toHaveLength(1);
  });

  it('stores a concurrent double submission once', async () => {
    const { attemptId, run } = await playRanked(app);
    const [a, b] = await Promise.all([
      post(app, '/api/runs', { player: 'Twice', attemptId, run }),
      post(app, '/api/runs', { player: 'Twice', attemptId, run }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body!.runId).toBe(b.body!.runId);
    expect([a.body!.duplicate, b.body!.duplicate].sort()).toEqual([false, true]);
    expect((await board()).entries.filter((e: { player: string }) => e.player === 'Twice')).toHaveLength(1);
  });

  it('refuses a forged score with the reason, and stores nothing', async () => {
    const { attemptId, run } = await playRanked(app, 'idle');
    const forged = clone(run);
    forged.claimed = { score: 100, grade: 'A' };
    const result = await post(app, '/api/runs', { player: 'Forger', attemptId, run: forged });
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ code: 'run/score_mismatch' });
    expect(result.body!.message).toContain('claimed 100');
    expect((await board()).entries.some((e: { player: string }) => e.player === 'Forger')).toBe(false);
  });

  it('refuses a forged grade that does not match the score', async () => {
    const { attemptId, run } = await playRanked(app, 'idle');
    const forged = clone(run);
    forged.claimed.grade = forged.claimed.grade === 'A' ? 'B' : 'A';
    expect((await post(app, '/api/runs', { player: 'Grader', attemptId, run: forged })).body).toMatchObject({ code: 'run/score_mismatch' });
  });

  it('refuses a tampered action log', async () => {
    const { attemptId, run } = await playAtSeed(app, 12);
    expect(run.actions.length).toBeGreaterThan(2);
    // Rewrite every reply to ask for personal details in public: same log length, a worse shift.
    const tampered = clone(run);
    for (const { action } of tampered.actions) if (action.type === 'post.reply') action.text = PUBLIC_DETAILS_REPLY;
    const rewritten = await post(app, '/api/runs', { player: 'Tamper', attemptId, run: tampered });
    expect(rewritten.status).toBe(422);
    expect(['run/score_mismatch', 'run/action_rejected']).toContain(rewritten.body!.code);

    // Point an action at a post that does not exist.
    const bogus = clone(run);
    const withPost = bogus.actions.find((a) => 'postId' in a.action)!;
    (withPost.action as { postId: number }).postId = 999_999;
    const rejected = await post(app, '/api/runs', { player: 'Tamper', attemptId, run: bogus });
    expect(rejected.status).toBe(422);
    expect(rejected.body).toMatchObject({ code: 'run/action_rejected' });
  });

  it('refuses a truncated record and a truncated body with 400', async () => {
    const { attemptId, run } = await playRanked(app);
    const { actions: _a, ...noActions } = run;
    const missing = await post(app, '/api/runs', { player: 'Cut', attemptId, run: noActions });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'run/invalid' });
    expect(missing.body!.message).toContain('run.actions');

    const text = JSON.stringify({ player: 'Cut', attemptId, run });
    const cut = await app.inject({ method: 'POST', url: '/api/runs', payload: text.slice(0, Math.floor(text.length / 2)), headers: { 'content-type': 'application/json' } });
    expect(cut.statusCode).toBe(400);
    expect(JSON.parse(cut.body)).toMatchObject({ code: 'request/invalid' });
  });

  it('refuses a reply longer than the desk accepts with 400, naming the field, and stores nothing', async () => {
    const { attemptId, run } = await playRanked(app);
    const long = clone(run);
    const at = long.actions.findIndex((a) => a.action.type === 'post.reply');
    expect(at).toBeGreaterThanOrEqual(0);
    const reply = long.actions[at]!.action as { text: string };
    reply.text = `${reply.text} ${'and more '.repeat(REPLY_MAX_CHARS / 9)}`.slice(0, REPLY_MAX_CHARS + 1);
    const result = await post(app, '/api/runs', { player: 'Long', attemptId, run: long });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ code: 'run/invalid' });
    expect(result.body!.message).toContain(`run.actions.${at}.action.text`);
    // The same attempt still accepts the honest record: the refusal lost nothing.
    expect((await post(app, '/api/runs', { player: 'Long', attemptId, run })).status).toBe(200);
  });

  it('refuses an oversized body with 413 before parsing it', async () => {
    const { attemptId, run } = await playRanked(app);
    const padded = { player: 'Big', attemptId, run: { ...run, padding: 'x'.repeat(1_200_000) } };
    const result = await post(app, '/api/runs', padded);
    expect(result.status).toBe(413);
    expect(result.body).toMatchObject({ code: 'request/too_large' });
  });

  it('refuses a run from another engine version', async () => {
    const { attemptId, run } = await playRanked(app);
    const old = { ...clone(run), engineVersion: '0.0.1' };
    const result = await post(app, '/api/runs', { player: 'Old', attemptId, run: old });
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ code: 'run/engine_mismatch' });
    expect(result.body!.message).toContain(ENGINE_VERSION);
  });

  it('refuses an unknown scenario, for attempts and for runs', async () => {
    const attempt = await post(app, '/api/attempts', { scenarioId: 'no-such-scenario' });
    expect(attempt.status).toBe(404);
    expect(attempt.body).toMatchObject({ code: 'scenario/unknown' });

    const { attemptId, run } = await playRanked(app);
    const result = await post(app, '/api/runs', { player: 'Lost', attemptId, run: { ...clone(run), scenarioId: 'no-such-scenario' } });
    expect(result.status).toBe(404);
    expect(result.body).toMatchObject({ code: 'scenario/unknown' });
  });

  it('refuses a run played on another version of the scenario', async () => {
    const { attemptId, run } = await playRanked(app);
    const result = await post(app, '/api/runs', { player: 'Stale', attemptId, run: { ...clone(run), scenarioHash: '0123456789abcdef' } });
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ code: 'run/hash_mismatch' });
  });

  it('binds a run to its attempt: another seed, a used attempt, an unknown attempt', async () => {
    const { attemptId, seed } = await playRanked(app);
    const elsewhere = botRun(seed === 1 ? 2 : 1);
    const shopped = await post(app, '/api/runs', { player: 'Shopper', attemptId, run: elsewhere });
    expect(shopped.status).toBe(422);
    expect(shopped.body).toMatchObject({ code: 'attempt/mismatch' });

    const good = await post(app, '/api/runs', { player: 'Once', attemptId, run: botRun(seed, 'guideline') });
    expect(good.status).toBe(200);
    const second = await post(app, '/api/runs', { player: 'Once', attemptId, run: botRun(seed, 'idle') });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'attempt/used' });

    const unknown = await post(app, '/api/runs', { player: 'Nobody', attemptId: '00000000-0000-4000-8000-000000000000', run: elsewhere });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'attempt/unknown' });
  });

  it('refuses practice runs on the leaderboard', async () => {
    const { attemptId, seed } = await playRanked(app);
    const result = await post(app, '/api/runs', { player: 'Practiser', attemptId, run: botRun(seed, 'guideline', 'practice') });
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ code: 'run/not_ranked' });
  });

  it('stores a repeat attempt at an already-played seed, unrated and off the board', async () => {
    const { seed } = await playRanked(app);
    const repeat = await post(app, '/api/attempts', { scenarioId: miniScenario.id, seed });
    expect(repeat.status).toBe(201);
    expect(repeat.body).toMatchObject({ seed, rated: false });
    testClock.advance(MINI_SHIFT_MS);
    const result = await post(app, '/api/runs', { player: 'Repeater', attemptId: repeat.body!.attemptId, run: botRun(seed, 'random') });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ rated: false, rank: null });
    expect((await get(app, `/api/runs/${result.body!.runId}`)).body).toMatchObject({ rated: false, player: 'Repeater' });
    expect((await board()).entries.some((e: { player: string }) => e.player === 'Repeater')).toBe(false);
  });

  it('validates request bodies with a reason naming the field', async () => {
    const result = await post(app, '/api/runs', { player: '', attemptId: 'not-a-uuid', run: {} });
    expect(result.status).toBe(400);
    expect(result.body!.code).toBe('request/invalid');
    const paths = (result.body!.issues as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.player', 'body.attemptId']));
  });
});
