import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_KEY_HEADER, TEAM_CODE_HEADER } from '../../../src/api/index';
import { openDatabase } from '../../../server/db/database';
import { insertRun } from '../../../server/runs/runs.repository';
import { nameKey } from '../../../server/runs/names';
import { miniScenario } from '../../fixtures/mini-scenario';
import { botRun, buildTestApp, DATABASE_TARGETS, freshDatabaseUrl, getJson, listenLocal, MINI_HASH, MINI_SHIFT_MS, postJson, testClock } from '../helpers/test-app';

/**
 * Issue 13, finding 4, replayed against the real server on 127.0.0.1: six low runs under
 * "RIVALS" dragged team "Rivals" down, a run as "rolf" became Rolf's standing, and
 * Cyrillic "Аnn" sat beside "Ann". Names now have owners.
 */
describe.each(DATABASE_TARGETS)('name ownership on %s', (target) => {
  let app: FastifyInstance;
  let base: string;
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await freshDatabaseUrl(target);
    app = await buildTestApp(databaseUrl);
    base = await listenLocal(app);
  });
  afterAll(async () => app?.close());

  /** A rated attempt played by a bot for the shift's length, then submitted with the given names and secrets. */
  async function submit(names: { player: string; team?: string }, headers: Record<string, string> = {}, bot: 'guideline' | 'idle' = 'guideline') {
    const attempt = await postJson(base, '/api/attempts', { scenarioId: miniScenario.id });
    expect(attempt.status).toBe(201);
    testClock.advance(MINI_SHIFT_MS);
    return postJson(base, '/api/runs', { ...names, attemptId: attempt.body!.attemptId, run: botRun(attempt.body!.seed, bot) }, headers);
  }

  const players = async () => (await getJson(base, `/api/leaderboards/${miniScenario.id}?limit=100`)).body.entries as { player: string; score: number; team: string | null }[];
  const teams = async () => (await getJson(base, `/api/leaderboards/${miniScenario.id}/teams?limit=100`)).body.entries as { team: string; members: number; average: number }[];

  it('gives the first verified run under a name its claim key, once, and refuses the name to anyone without it', async () => {
    const first = await submit({ player: 'Rolf' });
    expect(first.status).toBe(200);
    const claimKey = first.body!.claimKey as string;
    expect(claimKey.replace(/-/g, '')).toMatch(/^[0-9A-Z]{26}$/);
    const standing = (await players()).find((p) => p.player === 'Rolf')!;

    const impostor = await submit({ player: 'rolf' }, {}, 'idle');
    expect(impostor.status).toBe(403);
    expect(impostor.body).toMatchObject({ code: 'names/claimed' });
    expect(impostor.body!.message).toContain('"Rolf" is taken');
    const guessed = await submit({ player: 'rolf' }, { [CLAIM_KEY_HEADER]: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AA' }, 'idle');
    expect(guessed.status).toBe(403);
    expect((await players()).filter((p) => nameKey(p.player) === 'rolf')).toEqual([standing]);

    // The owner, in any spelling, with the key typed loosely: stored under the name as claimed, no new key.
    const owner = await submit({ player: 'ROLF' }, { [CLAIM_KEY_HEADER]: claimKey.toLowerCase() }, 'idle');
    expect(owner.status, JSON.stringify(owner.body)).toBe(200);
    expect(owner.body!.claimKey).toBeUndefined();
    expect((await getJson(base, `/api/runs/${owner.body!.runId}`)).body.player).toBe('Rolf');
  });

  it('refuses look-alikes of an owned name: other case, Cyrillic letters, full-width forms', async () => {
    expect((await submit({ player: 'Ann' })).status).toBe(200);
    for (const lookAlike of ['ANN', '\u0410nn', 'Ａｎｎ']) {
      const refused = await submit({ player: lookAlike }, {}, 'idle');
      expect(refused.status, lookAlike).toBe(403);
      expect(refused.body).toMatchObject({ code: 'names/claimed' });
    }
    expect((await players()).filter((p) => p.player.toLowerCase().endsWith('nn'))).toHaveLength(1);
  });

  it('keeps team "Rivals" for its members: six low runs under "RIVALS" without the code change nothing', async () => {
    const created = await postJson(base, '/api/teams', { team: 'Rivals' });
    expect(created.status).toBe(201);
    const teamCode = created.body!.teamCode as string;
    expect((await postJson(base, '/api/teams', { team: 'RIVALS' })).body).toMatchObject({ code: 'names/taken' });

    const member = await submit({ player: 'Rival One', team: 'Rivals' }, { [TEAM_CODE_HEADER]: teamCode });
    expect(member.status, JSON.stringify(member.body)).toBe(200);
    const before = (await teams()).find((t) => t.team === 'Rivals')!;
    expect(before.members).toBe(1);

    for (let i = 0; i < 6; i++) {
      const spoiler = await submit({ player: `Spoiler ${i}`, team: i % 2 ? 'RIVALS' : 'Rivaⅼs' }, i === 5 ? { [TEAM_CODE_HEADER]: 'WRONG' } : {}, 'idle');
      expect(spoiler.status).toBe(403);
      expect(spoiler.body).toMatchObject({ code: 'teams/code_required' });
    }
    expect((await teams()).find((t) => t.team === 'Rivals')).toEqual(before);
    expect((await teams()).some((t) => t.team.toLowerCase() === 'rivals' && t.team !== 'Rivals')).toBe(false);

    // A member with the code joins under the team's own spelling.
    const joined = await submit({ player: 'Rival Two', team: 'rivals' }, { [TEAM_CODE_HEADER]: teamCode }, 'idle');
    expect(joined.status).toBe(200);
    expect((await teams()).find((t) => t.team === 'Rivals')!.members).toBe(2);
  });

  it('lets the first run under a new team claim it and answers its code', async () => {
    const first = await submit({ player: 'Founder', team: 'Night Owls' });
    expect(first.status).toBe(200);
    expect(first.body!.teamCode).toEqual(expect.any(String));
    expect((await submit({ player: 'Stranger', team: 'night owls' }, {}, 'idle')).status).toBe(403);
  });

  it('lets a name already on the boards be claimed by its first run after the upgrade', async () => {
    const { db } = openDatabase(databaseUrl);
    try {
      const attemptId = randomUUID();
      await db.insertInto('attempts').values({ id: attemptId, scenario_id: 'mini', scenario_hash: MINI_HASH, seed: 77, rated: 1, created_at: testClock.now() }).execute();
      await insertRun(db, {
        public_id: randomUUID(), run_hash: randomUUID(), attempt_id: attemptId, scenario_id: 'mini', scenario_hash: MINI_HASH, seed: 77,
        player: 'Veteran', player_key: nameKey('Veteran'), team: null, team_key: null, score: 12, grade: 'F', rated: 1, breakdown: '[]', record: '{}', created_at: testClock.now(),
      });
    } finally {
      await db.destroy();
    }
    const claim = await submit({ player: 'veteran' });
    expect(claim.status).toBe(200);
    expect(claim.body!.claimKey).toEqual(expect.any(String));
    expect((await players()).filter((p) => nameKey(p.player) === 'veteran')).toHaveLength(1);
    expect((await submit({ player: 'Veteran' }, {}, 'idle')).status).toBe(403);
  });

  it('checks a profile before it is saved: a free name, an owned one with its key, and a wrong key', async () => {
    const owned = await submit({ player: 'Checker', team: 'Check Team' });
    const { claimKey, teamCode } = owned.body as { claimKey: string; teamCode: string };
    expect((await postJson(base, '/api/names/check', { player: 'Nobody Yet' })).body).toEqual({ player: { name: 'Nobody Yet', owned: false }, team: null });
    const mine = await postJson(base, '/api/names/check', { player: 'CHECKER', team: 'check team' }, { [CLAIM_KEY_HEADER]: claimKey, [TEAM_CODE_HEADER]: teamCode });
    expect(mine.body).toEqual({ player: { name: 'Checker', owned: true }, team: { name: 'Check Team', owned: true } });
    const wrong = await postJson(base, '/api/names/check', { player: 'Checker' }, { [CLAIM_KEY_HEADER]: teamCode });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ code: 'names/claimed' });
  });
});
