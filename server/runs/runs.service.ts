import { randomInt, randomUUID } from 'node:crypto';
import type { Attempt, RunDetail, RunSubmission, RunVerdict } from '../../src/api/index';
import { ENGINE_VERSION, modeRules, runRecordSchema, type RunRecord, type Scenario } from '../../src/core/index';
import { invalid } from '../http/api-route';
import type { AppContext } from '../context';
import { findAttempt, insertAttempt, releaseVerifyTry, reserveVerifyTry } from './attempts.repository';
import type { AttemptRow } from './attempts.table';
import { checkArrival, FINISH_GRACE_MS, OFFLINE_GRACE_MS, shiftMs } from './attempt-window';
import { boardChanged, playerRank } from '../leaderboards/leaderboards.service';
import { claimName, resolveName, type ResolvedName } from './name-ownership';
import { findRunByAttempt, findRunByHash, findRunByPublicId, insertRun } from './runs.repository';
import type { RunRow } from './runs.table';
import { ApiError } from '../http/http-errors';
import type { ScenarioVersionEntry } from '../scenarios/scenario-store';
import { nameKey } from './names';
import { runHash } from './run-hash';

/** Seeds fit the run record's range (and a 32-bit signed column on both databases). */
const SEED_LIMIT = 0x80000000;

/**
 * Failed verifications an attempt allows before it is burned. Enough for an honest
 * client whose record was damaged in storage to retry; too few to probe the
 * verifier for the true score, and each costs a replay only up to this count.
 */
export const MAX_FAILED_VERIFICATIONS = 3;

/** The secrets a submission presents for its names (request headers). */
export interface NameSecrets {
  claimKey?: string | undefined;
  teamCode?: string | undefined;
}

/**
 * Issues a ranked attempt; issuing it starts its clock (the server's), and the seed is
 * revealed only in this answer, so it cannot be played first in practice without
 * spending the attempt's window. A fresh seed comes from the OS's cryptographic
 * generator and is unique per scenario among rated attempts. A seed the client
 * names is a repeat: stored, but its run never rates.
 */
export async function createAttempt(ctx: AppContext, input: { scenarioId: string; seed?: number | undefined }): Promise<Attempt> {
  const entry = await ctx.scenarios.latest(input.scenarioId);
  if (!entry) throw new ApiError('scenario/unknown', input.scenarioId);
  const issuedAt = ctx.now();
  const base = { scenario_id: input.scenarioId, scenario_hash: entry.hash, created_at: issuedAt };
  const timing = { issuedAt, shiftMs: shiftMs(entry.scenario), finishGraceMs: FINISH_GRACE_MS, offlineGraceMs: OFFLINE_GRACE_MS };
  if (input.seed !== undefined) {
    const id = randomUUID();
    await insertAttempt(ctx.db, { ...base, id, seed: input.seed, rated: 0 });
    return { attemptId: id, scenarioId: input.scenarioId, scenarioHash: entry.hash, seed: input.seed, rated: false, ...timing };
  }
  for (let tries = 0; tries < 16; tries++) {
    const id = randomUUID();
    const seed = randomInt(0, SEED_LIMIT);
    if (await insertAttempt(ctx.db, { ...base, id, seed, rated: 1 })) {
      return { attemptId: id, scenarioId: input.scenarioId, scenarioHash: entry.hash, seed, rated: true, ...timing };
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

async function answer(ctx: AppContext, row: RunRow, duplicate: boolean, secrets: { claimKey?: string; teamCode?: string } = {}): Promise<RunVerdict> {
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
    ...secrets,
  };
}

/**
 * The refusal for a run that did not verify. It keeps its code (what kind of failure)
 * but never the replayed score: an attempt must not be an oracle for the true score.
 */
function doesNotVerify(record: RunRecord, code: ApiError['code'], triesUsed: number): ApiError {
  const left = MAX_FAILED_VERIFICATIONS - triesUsed;
  const claim = code === 'run/score_mismatch' ? `claimed ${record.claimed.score} (${record.claimed.grade}): ` : '';
  const consequence = left > 0 ? `${left} more failed verification${left === 1 ? '' : 's'} burn this attempt` : 'this attempt is now burned';
  const error = new ApiError(code);
  error.message = `${claim}the run does not verify; ${consequence}`;
  return error;
}

/** The checks that need no replay, cheapest first: binding, reuse, timing. */
async function checkAttempt(ctx: AppContext, attempt: AttemptRow, record: RunRecord, scenario: Scenario, endedAfterMs: number | undefined): Promise<void> {
  if (attempt.scenario_id !== record.scenarioId || attempt.seed !== record.seed || attempt.scenario_hash !== record.scenarioHash) {
    throw new ApiError('attempt/mismatch', `attempt is ${attempt.scenario_id} seed ${attempt.seed}; run is ${record.scenarioId} seed ${record.seed}`);
  }
  if (await findRunByAttempt(ctx.db, attempt.id)) throw new ApiError('attempt/used');
  checkArrival({ issuedAt: Number(attempt.created_at), shiftMs: shiftMs(scenario), now: ctx.now(), endedAfterMs });
}

/**
 * Verifies a ranked run by replaying it in a worker and stores it only if the replay
 * reaches the claimed outcome on the attempt's scenario and seed, inside the
 * attempt's window, under names the submitter may use. Idempotent: the same record
 * again answers the stored result without a second row.
 */
export async function submitRun(ctx: AppContext, input: RunSubmission, secrets: NameSecrets = {}): Promise<RunVerdict> {
  const record = parseRunRecord(input.run);
  if (modeRules(record.mode).submitTo !== 'leaderboard') throw new ApiError('run/not_ranked', `mode is ${record.mode}`);
  const version = await checkRunTarget(ctx, record);
  const attempt = await findAttempt(ctx.db, input.attemptId);
  if (!attempt) throw new ApiError('attempt/unknown', input.attemptId);
  const hash = runHash(record);
  const stored = await findRunByHash(ctx.db, hash);
  if (stored) return answer(ctx, stored, true);
  let player: ResolvedName;
  let team: ResolvedName | null;
  try {
    await checkAttempt(ctx, attempt, record, version.scenario, input.endedAfterMs);
    // Names before the replay: a refused name costs no worker time.
    player = await resolveName(ctx.db, 'player', input.player, secrets.claimKey);
    team = input.team && input.team.length > 0 ? await resolveName(ctx.db, 'team', input.team, secrets.teamCode) : null;
  } catch (error) {
    // The same run sent twice at once: the first stored it (and claimed its names) meanwhile.
    const now = await findRunByHash(ctx.db, hash);
    if (now) return answer(ctx, now, true);
    throw error;
  }

  const triesUsed = await reserveVerifyTry(ctx.db, attempt.id, MAX_FAILED_VERIFICATIONS);
  if (triesUsed === undefined) throw new ApiError('attempt/burned', 'does not verify');
  const verdict = await ctx.verifier.verify(record, version).catch(async (error: unknown) => {
    if (error instanceof ApiError && error.code === 'verify/busy') await releaseVerifyTry(ctx.db, attempt.id);
    throw error;
  });
  if (!verdict.ok) throw doesNotVerify(record, verdict.code, triesUsed);

  const now = ctx.now();
  const claimed: { claimKey?: string; teamCode?: string } = {};
  const claim = async (trx: typeof ctx.db, name: ResolvedName | null) => (name?.free ? claimName(trx, name, now) : undefined);
  const result = await insertRun(
    ctx.db,
    {
      public_id: randomUUID(),
      run_hash: hash,
      attempt_id: attempt.id,
      scenario_id: record.scenarioId,
      scenario_hash: record.scenarioHash,
      seed: record.seed,
      player: player.display,
      player_key: nameKey(player.display),
      team: team?.display ?? null,
      team_key: team === null ? null : nameKey(team.display),
      score: verdict.outcome.score,
      grade: verdict.outcome.grade,
      rated: attempt.rated,
      breakdown: JSON.stringify(verdict.outcome.breakdown),
      record: JSON.stringify(verdict.record),
      created_at: now,
    },
    async (trx) => {
      const claimKey = await claim(trx, player);
      const teamCode = await claim(trx, team);
      if (claimKey) claimed.claimKey = claimKey;
      if (teamCode) claimed.teamCode = teamCode;
    },
  );
  if (result.kind === 'attempt_used') throw new ApiError('attempt/used');
  if (result.kind === 'inserted' && result.run.rated === 1) boardChanged(ctx, { scenarioId: record.scenarioId, scenarioHash: record.scenarioHash });
  return answer(ctx, result.run, result.kind === 'duplicate', result.kind === 'inserted' ? claimed : {});
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
