import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRunRecord, Simulation, type Action, type RunRecord } from '../../../src/core/index';
import { drillView, resultsResponse } from '../../../src/api/index';
import { miniScenario } from '../../fixtures/mini-scenario';
import { GOOD_STATEMENT } from '../../fixtures/reply-texts';
import { buildTestApp, DATABASE_TARGETS, freshDatabaseUrl, get, MINI_HASH, post } from '../helpers/test-app';
import { openSse, type SseClient } from '../helpers/sse-client';

/** A trainee's game: plays the drill's seed, moves at sim minute 10, each inject at the sim second the server stamped (`injectAt`). */
function traineeRun(seed: number, injects: string[], moves: Action[], injectAt = 20 * 60): RunRecord {
  const sim = new Simulation(miniScenario, { seed, mode: 'drill' });
  const steps: [number, () => void][] = [
    [10 * 60, () => moves.forEach((action) => sim.apply(action))],
    [injectAt, () => injects.forEach((injectId) => expect(sim.apply({ type: 'inject.fire', injectId })).toEqual({ ok: true }))],
  ];
  for (const [t, act] of steps.sort((a, b) => a[0] - b[0])) {
    sim.advanceTo(t);
    act();
  }
  sim.finish();
  return makeRunRecord(sim, MINI_HASH);
}

async function listen(app: FastifyInstance): Promise<string> {
  return app.listen({ port: 0, host: '127.0.0.1' });
}

describe.each(DATABASE_TARGETS)('drills on %s', (target) => {
  let app: FastifyInstance;
  let base: string;
  const streams: SseClient[] = [];
  const sse = async (url: string, headers?: Record<string, string>) => {
    const client = await openSse(`${base}${url}`, headers);
    streams.push(client);
    return client;
  };

  beforeAll(async () => {
    app = await buildTestApp(await freshDatabaseUrl(target), { sseHeartbeatMs: 200, now: () => Date.now() });
    base = await listen(app);
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await app?.close();
  });

  it('runs a drill end to end: create, two joins, start, live progress, inject, finish, results and exports', async () => {
    const created = await post(app, '/api/drills', { scenarioId: 'mini', seed: 21 });
    expect(created.status).toBe(201);
    const { code, trainerToken } = created.body!;
    expect(code).toMatch(/^[A-Z2-9]{6}$/);

    const trainer = await sse(`/api/drills/${code}/events`, { authorization: `Bearer ${trainerToken}` });
    expect(trainer.status).toBe(200);
    await trainer.waitFor((e) => e.event === 'snapshot' && e.data.role === 'trainer');

    const ana = await post(app, `/api/drills/${code.toLowerCase()}/join`, { name: 'Ana' });
    const ben = await post(app, `/api/drills/${code}/join`, { name: 'Ben' });
    expect([ana.status, ben.status]).toEqual([201, 201]);
    expect(ana.body).toMatchObject({ scenarioId: 'mini', scenarioHash: MINI_HASH, seed: 21, mode: 'drill', status: 'lobby' });
    expect((await post(app, `/api/drills/${code}/join`, { name: 'ANA' })).body).toMatchObject({ code: 'drill/name_taken' });
    await trainer.waitFor((e) => e.event === 'joined' && e.data.name === 'Ben');

    const anaStream = await sse(`/api/drills/${code}/events?token=${ana.body!.traineeToken}`);
    const benStream = await sse(`/api/drills/${code}/events?token=${ben.body!.traineeToken}`);
    const anaSnap = await anaStream.waitFor((e) => e.event === 'snapshot');
    expect(anaSnap.data).toMatchObject({ role: 'trainee', status: 'lobby', seed: 21, you: { name: 'Ana', finished: false } });
    expect(JSON.stringify(anaSnap.data)).not.toContain('Ben');

    expect((await post(app, `/api/drills/${code}/start`, {}, trainerToken)).body).toEqual({ status: 'running' });
    await anaStream.waitFor((e) => e.event === 'status' && e.data.status === 'running');
    await benStream.waitFor((e) => e.event === 'status' && e.data.status === 'running');

    const progress = { t: 900, score: 64, level: 'elevated', obligations: [{ id: 'tell-lead', status: 'open' }] };
    const reported = await post(app, `/api/drills/${code}/progress`, progress, ana.body!.traineeToken);
    expect(reported.status).toBe(204);
    const seen = await trainer.waitFor((e) => e.event === 'progress');
    expect(seen.data).toMatchObject({ traineeId: ana.body!.traineeId, ...progress });

    const fired = await post(app, `/api/drills/${code}/injects`, { injectId: 'photo' }, trainerToken);
    expect(fired.status).toBe(201);
    expect(fired.body).toMatchObject({ injectId: 'photo', title: 'A relative posts a photo' });
    for (const stream of [anaStream, benStream]) {
      const inject = await stream.waitFor((e) => e.event === 'inject');
      expect(inject.data).toEqual({ injectId: 'photo', title: 'A relative posts a photo', simT: fired.body!.simT });
      expect(Number(inject.id)).toBe(fired.body!.eventId);
    }
    // Trainees never receive each other's progress or joins.
    expect(anaStream.events.some((e) => e.event === 'progress' || e.event === 'joined')).toBe(false);

    const anaRun = traineeRun(21, ['photo'], [], fired.body!.simT);
    const benRun = traineeRun(21, ['photo'], [{ type: 'desk.holdingStatement', text: GOOD_STATEMENT }], fired.body!.simT);
    const anaDone = await post(app, `/api/drills/${code}/runs`, { run: anaRun }, ana.body!.traineeToken);
    const benDone = await post(app, `/api/drills/${code}/runs`, { run: benRun }, ben.body!.traineeToken);
    expect(anaDone.status, anaDone.response.body).toBe(200);
    expect(benDone.status, benDone.response.body).toBe(200);
    expect(anaDone.body).toMatchObject({ verified: true, score: anaRun.claimed.score, duplicate: false });
    expect((await post(app, `/api/drills/${code}/runs`, { run: anaRun }, ana.body!.traineeToken)).body).toMatchObject({ duplicate: true });
    expect((await post(app, `/api/drills/${code}/runs`, { run: benRun }, ana.body!.traineeToken)).body).toMatchObject({ code: 'drill/already_finished' });
    await trainer.waitFor((e) => e.event === 'finished' && e.data.traineeId === ben.body!.traineeId);

    expect((await post(app, `/api/drills/${code}/end`, {}, trainerToken)).body).toEqual({ status: 'ended' });
    await benStream.waitFor((e) => e.event === 'status' && e.data.status === 'ended');

    const view = drillView.parse((await get(app, `/api/drills/${code}`, trainerToken)).body);
    expect(view.trainees.map((t) => [t.name, t.final?.score])).toEqual([
      ['Ana', anaRun.claimed.score],
      ['Ben', benRun.claimed.score],
    ]);
    expect(view.trainees[0]!.progress).toMatchObject(progress);
    expect(view.firedInjects.map((f) => f.injectId)).toEqual(['photo']);

    const results = resultsResponse.parse((await get(app, `/api/drills/${code}/results`, trainerToken)).body);
    expect(results.trainees.every((t) => t.finished)).toBe(true);
    expect(results.averageScore).toBe(Math.round(((anaRun.claimed.score + benRun.claimed.score) * 10) / 2) / 10);
    expect(results.components.length).toBeGreaterThan(0);
    for (const m of results.missedMoments) expect(m.of).toBe(2);

    const csv = await get(app, `/api/drills/${code}/results.csv`, trainerToken);
    expect(csv.status).toBe(200);
    expect(csv.response.headers['content-type']).toContain('text/csv');
    expect(csv.response.headers['content-disposition']).toContain(`drill-${code}-results.csv`);
    const lines = csv.response.body.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^name,finished,score,grade,/);
    expect(lines[1]).toMatch(new RegExp(`^Ana,yes,${anaRun.claimed.score},${anaRun.claimed.grade},`));

    const xapi = await get(app, `/api/drills/${code}/xapi`, trainerToken);
    expect(xapi.status).toBe(200);
    const statements = xapi.body as unknown as Record<string, any>[];
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatchObject({
      actor: { objectType: 'Agent', name: 'Ana' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
      object: { objectType: 'Activity' },
      result: { score: { raw: anaRun.claimed.score, min: 0, max: 100, scaled: anaRun.claimed.score / 100 }, completion: true },
      context: { registration: created.body!.drillId },
    });
    expect(statements[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(((await get(app, `/api/drills/${code}/xapi`, trainerToken)).body as unknown as { id: string }[]).map((s) => s.id)).toEqual(statements.map((s) => s.id));

    expect((await post(app, `/api/drills/${code}/join`, { name: 'Late' })).body).toMatchObject({ code: 'drill/state' });
  });

  it('keeps trainer endpoints for the trainer and each drill to its own members', async () => {
    const a = (await post(app, '/api/drills', { scenarioId: 'mini' })).body!;
    const b = (await post(app, '/api/drills', { scenarioId: 'mini' })).body!;
    const traineeA = (await post(app, `/api/drills/${a.code}/join`, { name: 'Ann' })).body!;
    const traineeB = (await post(app, `/api/drills/${b.code}/join`, { name: 'Bob' })).body!;

    expect((await get(app, `/api/drills/${a.code}`)).body).toMatchObject({ code: 'drill/unauthorized' });
    expect((await get(app, `/api/drills/${a.code}`)).status).toBe(401);
    for (const token of [traineeA.traineeToken, b.trainerToken, 'made-up-token']) {
      expect((await get(app, `/api/drills/${a.code}`, token)).status).toBe(403);
      expect((await post(app, `/api/drills/${a.code}/start`, {}, token)).status).toBe(403);
      expect((await post(app, `/api/drills/${a.code}/injects`, { injectId: 'photo' }, token)).status).toBe(403);
      expect((await get(app, `/api/drills/${a.code}/results.csv`, token)).status).toBe(403);
      expect((await get(app, `/api/drills/${a.code}/xapi`, token)).status).toBe(403);
    }
    await post(app, `/api/drills/${a.code}/start`, {}, a.trainerToken);
    await post(app, `/api/drills/${b.code}/start`, {}, b.trainerToken);
    const progress = { t: 60, score: 50, level: 'normal', obligations: [] };
    expect((await post(app, `/api/drills/${a.code}/progress`, progress, traineeB.traineeToken)).status).toBe(403);
    expect((await post(app, `/api/drills/${a.code}/progress`, progress, a.trainerToken)).status).toBe(403);
    expect((await post(app, `/api/drills/${a.code}/progress`, progress, traineeA.traineeToken)).status).toBe(204);
    const foreign = await sse(`/api/drills/${a.code}/events?token=${traineeB.traineeToken}`);
    expect(foreign.status).toBe(403);
    // An unknown code answers exactly as a wrong token does (issue 13: codes must not be enumerable).
    const unknown = await get(app, '/api/drills/ZZZZZZ', a.trainerToken);
    expect([unknown.status, unknown.body]).toEqual([403, (await get(app, `/api/drills/${b.code}`, a.trainerToken)).body]);
  });

  it('enforces the drill lifecycle and the inject library', async () => {
    const d = (await post(app, '/api/drills', { scenarioId: 'mini', seed: 5 })).body!;
    const trainee = (await post(app, `/api/drills/${d.code}/join`, { name: 'Cy' })).body!;
    const early = await post(app, `/api/drills/${d.code}/runs`, { run: traineeRun(5, [], []) }, trainee.traineeToken);
    expect(early.body).toMatchObject({ code: 'drill/state' });
    expect((await post(app, `/api/drills/${d.code}/injects`, { injectId: 'photo' }, d.trainerToken)).status).toBe(409);
    expect((await post(app, `/api/drills/${d.code}/resume`, {}, d.trainerToken)).status).toBe(409);
    await post(app, `/api/drills/${d.code}/start`, {}, d.trainerToken);
    expect((await post(app, `/api/drills/${d.code}/injects`, { injectId: 'no-such' }, d.trainerToken)).body).toMatchObject({ code: 'action/unknown_inject' });
    expect((await post(app, `/api/drills/${d.code}/pause`, {}, d.trainerToken)).body).toEqual({ status: 'paused' });
    expect((await post(app, `/api/drills/${d.code}/pause`, {}, d.trainerToken)).status).toBe(409);
    expect((await post(app, `/api/drills/${d.code}/resume`, {}, d.trainerToken)).body).toEqual({ status: 'running' });

    // An inject the trainer never fired cannot be slipped into a run.
    const invented = await post(app, `/api/drills/${d.code}/runs`, { run: traineeRun(5, ['photo'], []) }, trainee.traineeToken);
    expect(invented.status).toBe(422);
    expect(invented.body).toMatchObject({ code: 'drill/mismatch' });
    const otherSeed = await post(app, `/api/drills/${d.code}/runs`, { run: traineeRun(6, [], []) }, trainee.traineeToken);
    expect(otherSeed.body).toMatchObject({ code: 'drill/mismatch' });
    const forged = { ...traineeRun(5, [], []), claimed: { score: 100, grade: 'A' } };
    expect((await post(app, `/api/drills/${d.code}/runs`, { run: forged }, trainee.traineeToken)).body).toMatchObject({ code: 'run/score_mismatch' });
    expect((await post(app, `/api/drills/${d.code}/runs`, { run: traineeRun(5, [], []) }, trainee.traineeToken)).status).toBe(200);
  });

  it('replays missed control events to a reconnecting trainee', async () => {
    const d = (await post(app, '/api/drills', { scenarioId: 'mini' })).body!;
    const trainee = (await post(app, `/api/drills/${d.code}/join`, { name: 'Dee' })).body!;
    const first = await sse(`/api/drills/${d.code}/events?token=${trainee.traineeToken}`);
    await post(app, `/api/drills/${d.code}/start`, {}, d.trainerToken);
    const started = await first.waitFor((e) => e.event === 'status');
    first.close();
    await post(app, `/api/drills/${d.code}/injects`, { injectId: 'photo' }, d.trainerToken);
    const again = await sse(`/api/drills/${d.code}/events?token=${trainee.traineeToken}`, { 'last-event-id': started.id! });
    const missed = await again.waitFor((e) => e.event === 'inject');
    expect(missed.data.injectId).toBe('photo');
    expect(again.events.filter((e) => e.event === 'status')).toHaveLength(0);
  });

  it('neutralises spreadsheet formulas in names in the CSV export', async () => {
    const d = (await post(app, '/api/drills', { scenarioId: 'mini' })).body!;
    await post(app, `/api/drills/${d.code}/join`, { name: '=HYPERLINK("x","y")' });
    await post(app, `/api/drills/${d.code}/join`, { name: '<b>bold</b>, "quoted"' });
    const csv = (await get(app, `/api/drills/${d.code}/results.csv`, d.trainerToken)).response.body;
    const rows = csv.trimEnd().split('\r\n').slice(1);
    expect(rows[0]).toMatch(/^"'=HYPERLINK\(""x"",""y""\)",no,/);
    expect(rows[1]).toMatch(/^"<b>bold<\/b>, ""quoted""",no,/);
  });
});

describe.runIf(DATABASE_TARGETS.includes('postgres'))('drill events across instances on postgres', () => {
  const apps: FastifyInstance[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('delivers an inject fired on one instance to a trainee streaming from another', async () => {
    const url = await freshDatabaseUrl('postgres');
    const one = await buildTestApp(url);
    const two = await buildTestApp(url);
    apps.push(one, two);
    const baseTwo = await listen(two);
    const d = (await post(one, '/api/drills', { scenarioId: 'mini' })).body!;
    const trainee = (await post(two, `/api/drills/${d.code}/join`, { name: 'Eve' })).body!;
    const stream = await openSse(`${baseTwo}/api/drills/${d.code}/events?token=${trainee.traineeToken}`);
    try {
      await stream.waitFor((e) => e.event === 'snapshot');
      await post(one, `/api/drills/${d.code}/start`, {}, d.trainerToken);
      await post(one, `/api/drills/${d.code}/injects`, { injectId: 'photo' }, d.trainerToken);
      expect((await stream.waitFor((e) => e.event === 'inject')).data.injectId).toBe('photo');
      expect(stream.events.filter((e) => e.event === 'inject')).toHaveLength(1);
    } finally {
      stream.close();
    }
  });
});
