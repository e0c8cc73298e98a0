import type { Kysely } from 'kysely';
import type { PlayerStanding } from '../../src/api/index';
import type { Database } from '../db/database';
import { boardKey, boardVersion } from './board-versions.repository';
import { allPlayerStandings, allTeamStandings, type Board, type TeamStandingRow } from './leaderboards.repository';

/** A whole board in rank order, with each name's place: any page or own rank is a slice or a lookup. */
export interface RankedBoard<S> {
  /** Rank order; the standing at index i has rank i + 1. */
  standings: readonly S[];
  /** Name key (player or team) → index in `standings`. */
  indexOf: ReadonlyMap<string, number>;
}

/** Boards kept in memory at once (a board of 100,000 players takes about 20 MB); the least recently read goes first. */
const MAX_CACHED_BOARDS = 8;

/**
 * How the cache learns that a board changed:
 * - `version` (SQLite): this server's own writes call `changed()`; a write by another process on
 *   the same file moves SQLite's data version (`dataVersion`, no table read), and only then is
 *   the board's version row read, so a read on an unchanged file costs no query at all;
 * - `notified` (PostgreSQL): `changed()` is called when a notification arrives (every instance
 *   hears every write via LISTEN/NOTIFY) and by this instance right after its own writes, so
 *   reads cost no database round trip at all.
 */
export type Freshness = { by: 'version'; dataVersion: () => number } | { by: 'notified' };

interface CachedBoard {
  version: number;
  /** The data version at which `version` was last read (SQLite). */
  checkedAt: number;
  players?: Promise<RankedBoard<PlayerStanding>>;
  teams?: Promise<RankedBoard<TeamStandingRow>>;
}

function ranked<S>(rows: { key: string; standing: S }[]): RankedBoard<S> {
  return { standings: rows.map((r) => r.standing), indexOf: new Map(rows.map((r, i) => [r.key, i])) };
}

/**
 * Leaderboards ranked once per change rather than once per request, so a page at any depth,
 * a player's own rank and a team's standing cost the same on a board of any size. Built from
 * the standings tables (the source of truth), dropped when they change, rebuilt on the next
 * read; concurrent readers share one rebuild.
 */
export class BoardCache {
  private readonly boards = new Map<string, CachedBoard>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly freshness: Freshness,
  ) {}

  players(board: Board): Promise<RankedBoard<PlayerStanding>> {
    return this.get(board, 'players', async () => ranked(await allPlayerStandings(this.db, board)));
  }

  teams(board: Board): Promise<RankedBoard<TeamStandingRow>> {
    return this.get(board, 'teams', async () => ranked(await allTeamStandings(this.db, board)));
  }

  /** The board's standings changed (a write here, or a notification of one elsewhere). */
  changed(key: string): void {
    this.boards.delete(key);
  }

  /** Changes may have been missed (the notification connection was down): forget everything. */
  changedAll(): void {
    this.boards.clear();
  }

  private async get<K extends 'players' | 'teams'>(board: Board, kind: K, build: () => NonNullable<CachedBoard[K]>): Promise<Awaited<NonNullable<CachedBoard[K]>>> {
    const key = boardKey(board);
    let cached = this.boards.get(key);
    if (this.freshness.by === 'version') {
      const checkedAt = this.freshness.dataVersion();
      if (cached?.checkedAt !== checkedAt) {
        // The version is read before the standings, so a copy is never labelled newer than its data.
        const version = await boardVersion(this.db, board);
        cached = this.boards.get(key);
        if (cached && cached.version !== version) cached = undefined;
        if (cached) cached.checkedAt = checkedAt;
        else cached = { version, checkedAt };
      }
    }
    cached ??= { version: 0, checkedAt: 0 };
    // Re-inserted on every read: Map order is then least recently read first.
    this.boards.delete(key);
    this.boards.set(key, cached);
    for (const oldest of this.boards.keys()) {
      if (this.boards.size <= MAX_CACHED_BOARDS) break;
      this.boards.delete(oldest);
    }
    const entry = cached;
    let pending = entry[kind];
    if (!pending) {
      pending = build();
      entry[kind] = pending;
      // A failed build (database away) is not remembered; the next read tries again.
      pending.catch(() => {
        if (entry[kind] === pending) delete entry[kind];
      });
    }
    return (await pending) as Awaited<NonNullable<CachedBoard[K]>>;
  }
}
