import { afterAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { openDatabase, type Database } from '../../../server/db/database';
import { migrateToLatest, migrator } from '../../../server/db/migrate';
import { DATABASE_TARGETS, freshDatabaseUrl } from '../helpers/test-app';

describe.each(DATABASE_TARGETS)('migrations on %s', (target) => {
  const open: Kysely<Database>[] = [];
  afterAll(async () => {
    for (const db of open) await db.destroy();
  });

  it('migrate a fresh database, and a second start changes nothing', async () => {
    const { db } = openDatabase(await freshDatabaseUrl(target));
    open.push(db);
    expect(await migrateToLatest(db)).toEqual(['0001-initial', '0002-standings', '0003-bus-payloads', '0004-run-sharing', '0005-name-owners', '0006-board-versions', '0007-scenario-versions']);
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('backfill the best-run standings from runs stored before they existed', async () => {
    const { db } = openDatabase(await freshDatabaseUrl(target));
    open.push(db);
    const { error } = await migrator(db).migrateTo('0001-initial');
    expect(error).toBeUndefined();
    const runs: [string, string | null, number, number][] = [
      ['ana', 'red', 40, 1],
      ['ana', 'red', 70, 1],
      ['ana', 'red', 70, 1],
      ['ben', null, 90, 1],
      ['cy', 'red', 99, 0],
    ];
    let n = 0;
    for (const [player, team, score, rated] of runs) {
      n++;
      await db.insertInto('attempts').values({ id: `a${n}`, scenario_id: 's', scenario_hash: 'h', seed: n, rated, created_at: n }).execute();
      await db
        .insertInto('runs')
        .values({ public_id: `p${n}`, run_hash: `r${n}`, attempt_id: `a${n}`, scenario_id: 's', scenario_hash: 'h', seed: n, player, player_key: player, team, team_key: team, score, grade: 'C', rated, breakdown: '[]', record: '{}', created_at: n })
        .execute();
    }
    expect(await migrateToLatest(db)).toEqual(['0002-standings', '0003-bus-payloads', '0004-run-sharing', '0005-name-owners', '0006-board-versions', '0007-scenario-versions']);
    const bests = await db.selectFrom('player_bests').innerJoin('runs', 'runs.id', 'player_bests.run_id').select(['player_bests.player_key', 'player_bests.score', 'runs.public_id']).orderBy('player_bests.player_key').execute();
    // Ana's best is her first 70 (the earlier of two equal runs); Cy's unrated run does not count.
    expect(bests).toEqual([
      { player_key: 'ana', score: 70, public_id: 'p2' },
      { player_key: 'ben', score: 90, public_id: 'p4' },
    ]);
    const members = await db.selectFrom('team_member_bests').select(['team_key', 'player_key', 'score']).execute();
    expect(members).toEqual([{ team_key: 'red', player_key: 'ana', score: 70 }]);
  });
});
