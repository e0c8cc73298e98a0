import { randomInt, randomUUID } from 'node:crypto';
import type { Attempt, RunDetail, RunSubmission, RunVerdict } from '../../src/api/index';
import { ENGINE_VERSION, modeRules, runRecordSchema, type RunRecord } from '../../src/core/index';
import { invalid } from '../http/api-route';
import type { AppContext } from '../context';
import { findAttempt, insertAttempt } from './attempts.repository';
import { playerRank } from '../leaderboards/leaderboards.service';
import { findRunByHash, findRunByPublicId, insertRun } from './runs.repository';
import type { RunRow } from './runs.table';
import { ApiError } from '../http/http-errors';
import type { ScenarioVersionEntry } from '../scenarios/scenario-store';
import { nameKey } from './names';
import { runHash } from './run-hash';

/** Seeds fit the run record's range (and a 32-bit signed column on both databases). */
const SEED_LIMIT = 0x80000000;

/**
 * Issues a ranked attempt. A fresh seed comes from the OS's cryptographic generator
 * (the core's seeded PRNG is for replays, not for choosing what players may not
 * predict) and is unique per scenario among rated attempts. A seed the client names
 * is a repeat: stored, but its run never rates.
 */
export async function createAttempt(ctx: AppContext, input: { scenarioId: string; seed?: number | undefined }): Promise<Attempt> {
  const entry = await ctx.scenarios.latest(input.scenarioId);
  if (!entry) throw new ApiError('scenario/unknown', input.scenarioId);
  const base = { scenario_id: input.scenarioId, scenario_hash: entry.hash, created_at: Date.now() };
  if (input.seed !== undefined) {
    const id = randomUUID();
    await insertAttempt(ctx.db, { ...base, id, seed: input.seed, rated: 0 });
    return { attemptId: id, scenarioId: input.scenarioId, scenarioHash: entry.hash, seed: input.seed, rated: false };
  }
  for (let tries = 0; tries < 16; tries++) {
    const id = randomUUID();
    const seed = randomInt(0, SEED_LIMIT);
    if (await insertAttempt(ctx.db, { ...base, id, seed, rated: 1 })) {
      return { attemptId: id, scenarioId: input.scenarioId, scenarioHash: entry.hash, seed, rated: true };
    }
  }
  throw new Error('could not draw an unused seed in 16 tries');
}

/** Parses a client's run record with the core's schema; a bad one is a 400 naming the field. */
export function parseRunRecord(run: unknown): RunRecord {
  const parsed = runRecordSchema.safeParse(run);
  if (!parsed.success) throw invalid(parsed.error, 'run', 'run/invalid');
  return parsed.data;
}

/**
 * Checks a record against what this server runs before spending a replay on it:
 * engine version, scenario, and a kept version of it (any, not only the latest: a run
 * started before a new version was published still verifies). Answers that version.
 */
export async function checkRunTarget(ctx: AppContext, record: RunRecord): Promise<ScenarioVersionEntry> {
  if (record.engineVersion !== ENGINE_VERSION) throw new ApiError('run/engine_mismatch', `record ${record.engineVersion}, server ${ENGINE_VERSION}`);
  const version = await ctx.scenarios.version(record.scenarioId, record.scenarioHash);
  if (version) return version;
  const latest = await ctx.scenarios.latest(record.scenarioId);
  if (!latest) throw new ApiError('scenario/unknown', record.scenarioId);
  throw new ApiError('run/hash_mismatch', `record ${record.scenarioHash} is no version this server keeps; the latest is ${latest.hash}`);
}

async function answer(ctx: AppContext, row: RunRow, duplicate: boolean): Promise<RunVerdict> {
  const rated = row.rated === 1;
  return {
    runId: row.public_id,
    verified: true,
    score: row.score,
    grade: row.grade,
    rated,
    rank: rated ? await playerRank(ctx, { scenarioId: row.scenario_id, scenarioHash: row.scenario_hash }, row.player_key) : null,
    duplicate,
    breakdown: JSON.parse(row.breakdown),
  };
}

/**
 * Verifies a ranked run by replaying it in a worker and stores it only if the replay
 * reaches the claimed outcome on the attempt's scenario and seed. Idempotent: the
 * same record again answers the stored result without a second row.
 */
export async function submitRun(
  ctx: AppContext,
  input: RunSubmission,
): Promise<RunVerdict> {
  const record = parseRunRecord(input.run);
  if (modeRules(record.mode).submitTo !== 'leaderboard') throw new ApiError('run/not_ranked', `mode is ${record.mode}`);
  const version = await checkRunTarget(ctx, record);
  const attempt = await findAttempt(ctx.db, input.attemptId);
  if (!attempt) throw new ApiError('attempt/unknown', input.attemptId);
  if (attempt.scenario_id !== record.scenarioId || attempt.seed !== record.seed || attempt.scenario_hash !== record.scenarioHash) {
    throw new ApiError('attempt/mismatch', `attempt is ${attempt.scenario_id} seed ${attempt.seed}; run is ${record.scenarioId} seed ${record.seed}`);
  }
  const hash = runHash(record);
  const stored = await findRunByHash(ctx.db, hash);
  if (stored) return answer(ctx, stored, true);

  const verdict = await ctx.verifier.verify(record, version);
  if (!verdict.ok) throw ApiError.fromRejection(verdict);

  const team = input.team && input.team.length > 0 ? input.team : null;
  const result = await insertRun(ctx.db, {
    public_id: randomUUID(),
    run_hash: hash,
    attempt_id: attempt.id,
    scenario_id: record.scenarioId,
    scenario_hash: record.scenarioHash,
    seed: record.seed,
    player: input.player,
    player_key: nameKey(input.player),
    team,
    team_key: team === null ? null : nameKey(team),
    score: verdict.outcome.score,
    grade: verdict.outcome.grade,
    rated: attempt.rated,
    breakdown: JSON.stringify(verdict.outcome.breakdown),
    record: JSON.stringify(verdict.record),
    created_at: Date.now(),
  });
  if (result.kind === 'attempt_used') throw new ApiError('attempt/used');
  return answer(ctx, result.run, result.kind === 'duplicate');
}

export async function getRun(ctx: AppContext, publicId: string): Promise<RunDetail> {
  const row = await findRunByPublicId(ctx.db, publicId);
  // A private run answers exactly as an unknown one: its address reveals nothing.
  if (!row || row.shared !== 1) throw new ApiError('run/unknown', publicId);
  return {
    runId: row.public_id,
    player: row.player,
    team: row.team,
    scenarioId: row.scenario_id,
    scenarioHash: row.scenario_hash,
    seed: row.seed,
    score: row.score,
    grade: row.grade,
    rated: row.rated === 1,
    at: Number(row.created_at),
    // Stored JSON, written by us from verified values; the reply schema checks it on the way out.
    breakdown: JSON.parse(row.breakdown),
    record: JSON.parse(row.record),
  };
}
