import type { DrillResults } from '../../src/api/index';
import type { AppContext } from '../context';
import type { FinalOutcome } from './drill-runs.service';
import type { DrillRow } from './drills.table';
import { listTrainees } from './drills.repository';

/** Mean to one decimal. */
const mean = (xs: number[]) => (xs.length === 0 ? 0 : Math.round((xs.reduce((a, b) => a + b, 0) * 10) / xs.length) / 10);

/** How many finished trainees had each item, most first, then by key; `merge` folds a later trainee's copy into the first. */
function tally<T extends { key: string }>(perTrainee: T[][], merge?: (into: T, item: T) => void): (T & { missedBy: number })[] {
  const counts = new Map<string, T & { missedBy: number }>();
  for (const items of perTrainee) {
    const seen = new Set<string>();
    for (const item of items) {
      if (seen.has(item.key)) continue;
      seen.add(item.key);
      const known = counts.get(item.key);
      if (known) merge?.(known, item);
      const entry = known ?? { ...item, missedBy: 0 };
      entry.missedBy++;
      counts.set(item.key, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.missedBy - a.missedBy || (a.key < b.key ? -1 : 1));
}

/**
 * The cohort debrief: each trainee's figures (as verified), component averages, the
 * lessons most trainees missed (by lesson id, so the count does not depend on wording),
 * and the key moments and obligations they missed.
 */
export async function drillResults(ctx: AppContext, drill: DrillRow): Promise<DrillResults> {
  const trainees = await listTrainees(ctx.db, drill.id);
  const scenario = (await ctx.scenarios.version(drill.scenario_id, drill.scenario_hash))?.scenario;
  const rows = trainees.map((t) => ({ trainee: t, outcome: t.final_outcome ? (JSON.parse(t.final_outcome) as FinalOutcome) : undefined }));
  const finished = rows.flatMap((r) => (r.outcome ? [r.outcome] : []));
  const of = finished.length;

  const components = (finished[0]?.figures.breakdown ?? []).map((c) => ({
    id: c.id,
    label: c.label,
    average: mean(finished.map((o) => o.figures.breakdown.find((b) => b.id === c.id)?.score ?? 0)),
  }));
  const missedLessons = tally(finished.map((o) => o.figures.lessons.filter((l) => l.verdict === 'missed').map((l) => ({ key: l.id, id: l.id, title: l.title }))));
  const missedMoments = tally(
    finished.map((o) => o.moments.filter((m) => m.good === false).map((m) => ({ key: `${m.kind}\u0000${m.title}`, kind: m.kind, title: m.title, guideline: m.guideline, firstAt: m.t }))),
    (into, item) => (into.firstAt = Math.min(into.firstAt, item.firstAt)),
  );
  const missedObligations = tally(finished.map((o) => o.obligations.filter((x) => x.status === 'missed').map((x) => ({ key: x.id, id: x.id, rule: x.rule, text: x.text }))));

  return {
    code: drill.code,
    scenarioId: drill.scenario_id,
    scenarioTitle: scenario?.title ?? drill.scenario_id,
    status: drill.status,
    trainees: rows.map(({ trainee, outcome }) => ({
      traineeId: trainee.id,
      name: trainee.name,
      finished: outcome !== undefined,
      score: trainee.final_score,
      grade: trainee.final_grade,
      breakdown: outcome?.breakdown ?? [],
      obligations: outcome?.obligations ?? [],
      joinedAt: Number(trainee.joined_at),
      finishedAt: trainee.finished_at === null ? null : Number(trainee.finished_at),
      figures: outcome?.figures ?? null,
    })),
    averageScore: of === 0 ? null : mean(finished.map((o) => o.figures.score)),
    components,
    missedLessons: missedLessons.map(({ id, title, missedBy }) => ({ id, title, missedBy, of })),
    missedMoments: missedMoments.slice(0, 10).map(({ key: _key, ...m }) => ({ ...m, of })),
    missedObligations: missedObligations.map(({ key: _key, ...o }) => ({ ...o, of })),
  };
}
