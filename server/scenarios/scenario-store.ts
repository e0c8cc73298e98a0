import type { Kysely } from 'kysely';
import type { ScenarioPublished, ScenarioSource, ScenarioSummary } from '../../src/api/index';
import { loadScenario, type Scenario } from '../../src/core/index';
import type { Database } from '../db/database';
import { ApiError } from '../http/http-errors';
import { checkDraft } from './scenario-check';
import { findVersion, keepVersion, latestVersions } from './scenario-versions.repository';
import type { ScenarioVersionRow } from './scenario-versions.table';
import type { ScenarioCatalog } from './scenarios.service';

/** One kept version, parsed. */
export interface ScenarioVersionEntry {
  id: string;
  hash: string;
  version: number;
  scenario: Scenario;
  source: ScenarioSource;
  publishedAt: number | null;
  yaml: string;
}

export interface ScenarioStoreOptions {
  /** Ids of the scenarios shipped inside the game; authors may not replace them unless allowed. */
  bundledIds: ReadonlySet<string>;
  allowBundledOverride: boolean;
  /** Told about a kept version this engine can no longer read (after an upgrade of the format). */
  onUnreadable?: (key: string, reason: string) => void;
  /** SQLite's data version (see DatabaseHandle): the latest-version index is re-read when another process wrote. */
  dataVersion?: () => number;
}

/** The newest version of every id, as last read from the database. */
interface LatestIndex {
  rows: Promise<Map<string, ScenarioVersionRow>>;
  /** The data version it was read at (0 on PostgreSQL, where notifications call `changed()`). */
  readAt: number;
}

/**
 * Every version of every scenario, kept by hash in the database, which is the one source
 * of truth: app instances behind a load balancer see each other's publishes. Versions never
 * change once kept, so their rows and parsed form are cached by hash without invalidation.
 * Which version is the newest does change, rarely (a publish), and is asked on every board
 * read, attempt and health check: it is held in memory and dropped when a version is kept
 * here, when another instance's notification arrives (`changed()`), or on SQLite when
 * another process wrote to the file.
 */
export class ScenarioStore {
  private readonly parsed = new Map<string, Scenario>();
  private readonly rows = new Map<string, ScenarioVersionRow>();
  private latestIndex: LatestIndex | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: ScenarioStoreOptions,
  ) {}

  /** Keeps the files read at start as versions (a changed file becomes the newest version). */
  async keepStartupFiles(catalog: ScenarioCatalog): Promise<void> {
    for (const file of catalog.files) {
      this.parsed.set(cacheKey(file.id, file.hash), file.scenario);
      await keepVersion(this.db, { scenario_id: file.id, hash: file.hash, yaml: file.yaml, source: file.source, published_at: null, created_at: Date.now() });
    }
    this.changed();
  }

  /** A version was kept (here or, as a notification says, on another instance): the newest may have moved. */
  changed(): void {
    this.latestIndex = undefined;
  }

  /** The newest version of an id: what new attempts and drills play. */
  async latest(id: string): Promise<ScenarioVersionEntry | undefined> {
    const row = (await this.latestRows()).get(id);
    return row && this.entry(row);
  }

  /** Any kept version: old runs, boards and drills stay readable and verifiable. */
  async version(id: string, hash: string): Promise<ScenarioVersionEntry | undefined> {
    const key = cacheKey(id, hash);
    let row = this.rows.get(key);
    if (!row) {
      row = await findVersion(this.db, id, hash);
      if (row) this.rows.set(key, row);
    }
    return row && this.entry(row);
  }

  async count(): Promise<number> {
    return (await this.latestRows()).size;
  }

  private latestRows(): Promise<Map<string, ScenarioVersionRow>> {
    const readAt = this.options.dataVersion?.() ?? 0;
    if (this.latestIndex?.readAt === readAt) return this.latestIndex.rows;
    const rows = latestVersions(this.db).then((list) => new Map(list.map((row) => [row.scenario_id, row])));
    const index = { rows, readAt };
    this.latestIndex = index;
    // A failed read (database away) is not remembered; the next call tries again.
    rows.catch(() => {
      if (this.latestIndex === index) this.latestIndex = undefined;
    });
    return rows;
  }

  /**
   * The menu's list: the newest version of each id, ordered by id. A version this engine can no
   * longer read is left out and reported, so one old file does not take the whole list down.
   */
  async summaries(): Promise<ScenarioSummary[]> {
    const rows = [...(await this.latestRows()).values()];
    return rows.flatMap((row) => {
      try {
        return [summaryOf(this.entry(row))];
      } catch (err) {
        this.options.onUnreadable?.(cacheKey(row.scenario_id, row.hash), (err as Error).message);
        return [];
      }
    });
  }

  /** One version's summary (a drill shows the version it pinned). */
  async summary(id: string, hash: string): Promise<ScenarioSummary | undefined> {
    const entry = await this.version(id, hash);
    return entry && summaryOf(entry);
  }

  /** Keeps a published version after checking it; refused drafts carry the checker's located problems. */
  async publish(yaml: string, now: number): Promise<ScenarioPublished> {
    const checked = checkDraft(yaml);
    if (!checked.ok) {
      const message = `the scenario has ${checked.problems.length} problem(s); the first: line ${checked.problems[0]!.line}: ${checked.problems[0]!.message}`;
      const error = { code: 'scenario/invalid' as const, message, problems: checked.problems };
      throw new ApiError('scenario/invalid', message, { problems: checked.problems, error });
    }
    const id = checked.scenario.id;
    if (this.options.bundledIds.has(id) && !this.options.allowBundledOverride) throw new ApiError('scenario/bundled', id);
    this.parsed.set(cacheKey(id, checked.hash), checked.scenario);
    const { row } = await keepVersion(this.db, { scenario_id: id, hash: checked.hash, yaml, source: 'published', published_at: now, created_at: now });
    this.changed();
    return { id, hash: row.hash, version: row.version };
  }

  private entry(row: ScenarioVersionRow): ScenarioVersionEntry {
    return {
      id: row.scenario_id,
      hash: row.hash,
      version: row.version,
      scenario: this.scenarioOf(row),
      source: row.source,
      publishedAt: row.published_at === null ? null : Number(row.published_at),
      yaml: row.yaml,
    };
  }

  /** Parses a kept version's text once; it was valid when kept, so a failure now is a server fault. */
  private scenarioOf(row: ScenarioVersionRow): Scenario {
    const key = cacheKey(row.scenario_id, row.hash);
    const cached = this.parsed.get(key);
    if (cached) return cached;
    const result = loadScenario(row.yaml, `${row.scenario_id}@${row.hash}`);
    if (!result.ok) throw new Error(`kept scenario ${key} no longer loads: ${result.problems[0]?.message}`);
    this.parsed.set(key, result.scenario);
    return result.scenario;
  }
}

const cacheKey = (id: string, hash: string) => `${id}@${hash}`;

function summaryOf(entry: ScenarioVersionEntry): ScenarioSummary {
  const { scenario } = entry;
  return {
    id: entry.id,
    title: scenario.title,
    summary: scenario.summary,
    difficulty: scenario.difficulty,
    hash: entry.hash,
    version: entry.version,
    ...(entry.publishedAt === null ? {} : { publishedAt: entry.publishedAt }),
    source: entry.source,
    realMinutes: scenario.duration.realMinutes,
    simMinutes: scenario.duration.simMinutes,
    injects: scenario.injects.map((i) => ({ id: i.id, title: i.title, description: i.description, scripted: i.atMinute !== undefined })),
  };
}
