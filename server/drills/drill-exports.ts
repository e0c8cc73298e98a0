import { createHash } from 'node:crypto';
import type { DrillRow } from './drills.table';
import type { DrillResults, XapiStatement } from '../../src/api/index';
import { clockAt, type Scenario } from '../../src/core/index';

/**
 * Spreadsheet cell: quoted when it holds a separator, quote or line break, and a
 * leading = + - @ tab or CR is neutralised with an apostrophe so a trainee's name
 * cannot become a formula when the trainer opens the file.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

type TraineeResult = DrillResults['trainees'][number];
type Figures = NonNullable<TraineeResult['figures']>;

/**
 * The export figures of one run, read from its RunFigures (the numbers its debrief
 * is built from), so the CSV, the xAPI and the debrief cannot disagree.
 */
function exportFigures(f: Figures) {
  return { scoredAt: f.scoredAt, obligations: f.obligations, lessonsMissed: f.lessons.filter((l) => l.verdict === 'missed').length, breaches: f.breaches.length };
}

/** One row per trainee, one column per score component, ready for a spreadsheet (RFC 4180, CRLF). */
export function resultsCsv(results: DrillResults, scenario: Scenario): string {
  const components = results.components;
  const header = [
    'name',
    'finished',
    'score',
    'grade',
    ...components.map((c) => c.label),
    'scored at',
    'obligations met on time',
    'obligations met late',
    'obligations missed',
    'obligations not yet due',
    'obligations total',
    'lessons missed',
    'breaches',
    'joined at',
    'finished at',
  ];
  const lines = [header.map(csvCell).join(',')];
  for (const t of results.trainees) {
    const f = t.figures;
    const e = f && exportFigures(f);
    const row = [
      t.name,
      f ? 'yes' : 'no',
      f?.score ?? null,
      f?.grade ?? null,
      ...components.map((c) => f?.breakdown.find((b) => b.id === c.id)?.score ?? null),
      e ? clockAt(scenario, e.scoredAt) : null,
      e?.obligations.met ?? null,
      e?.obligations.metLate ?? null,
      e?.obligations.missed ?? null,
      e?.obligations.notYetDue ?? null,
      e?.obligations.total ?? null,
      e?.lessonsMissed ?? null,
      e?.breaches ?? null,
      iso(t.joinedAt),
      iso(t.finishedAt),
    ];
    lines.push(row.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** RFC 4122 version-5 (name-based) UUID, so exporting twice yields the same statement ids and an LRS de-duplicates them. */
export function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(Buffer.concat([ns, Buffer.from(name, 'utf8')])).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Grade C (55) or better counts as a pass in an LMS. */
const PASS_SCORE = 55;

/**
 * xAPI 1.0.3 statements for an LMS or LRS: "completed" with the verified score for each
 * trainee who finished, "attempted" for each who joined but did not.
 */
export function xapiStatements(results: DrillResults, drill: DrillRow, baseUrl: string): XapiStatement[] {
  const activity = {
    objectType: 'Activity' as const,
    id: `${baseUrl}/scenarios/${encodeURIComponent(drill.scenario_id)}`,
    definition: {
      name: { 'en-US': results.scenarioTitle },
      type: 'http://adlnet.gov/expapi/activities/simulation',
    },
  };
  const context = {
    registration: drill.id,
    platform: 'Surge Drill',
    extensions: {
      [`${baseUrl}/xapi/drill-code`]: drill.code,
      [`${baseUrl}/xapi/seed`]: drill.seed,
      [`${baseUrl}/xapi/scenario-hash`]: drill.scenario_hash,
    },
  };
  return results.trainees.map((t) => {
    const actor = { objectType: 'Agent' as const, name: t.name, account: { homePage: baseUrl, name: t.traineeId } };
    const f = t.figures;
    if (!f) {
      return {
        id: uuidV5(drill.id, `${t.traineeId}:attempted`),
        actor,
        verb: { id: 'http://adlnet.gov/expapi/verbs/attempted', display: { 'en-US': 'attempted' } },
        object: activity,
        result: { completion: false },
        context,
        timestamp: iso(t.joinedAt),
      };
    }
    return {
      id: uuidV5(drill.id, `${t.traineeId}:completed`),
      actor,
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
      object: activity,
      result: {
        score: { scaled: f.score / 100, raw: f.score, min: 0, max: 100 },
        success: f.score >= PASS_SCORE,
        completion: true,
        extensions: {
          [`${baseUrl}/xapi/grade`]: f.grade,
          [`${baseUrl}/xapi/breakdown`]: f.breakdown,
          [`${baseUrl}/xapi/figures`]: exportFigures(f),
        },
      },
      context,
      timestamp: iso(t.finishedAt),
    };
  });
}
