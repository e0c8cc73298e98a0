import { buildDebrief, clockAt, runFigures, scoreAt, type RunFigures } from '../../core/index';
import type { TraineeReview } from '../net/api-client';
import { DebriefPanel } from '../debrief/debrief-panel';
import { el } from '../debrief/dom';
import type { CatalogEntry } from '../run/scenario-catalog';

/** Where a trainee's review lies over the trainer's dashboard (the live table's panel), in game units. */
const REVIEW_BOX = { x: 30, y: 90, w: 820, h: 560 };

/** The run's figures in one sentence, worded as the CSV and xAPI columns are. */
export function figuresSentence(f: RunFigures): string {
  const o = f.obligations;
  const lessonsMissed = f.lessons.filter((l) => l.verdict === 'missed').length;
  return (
    `Guideline obligations: ${o.met} met on time, ${o.metLate} met late, ${o.missed} missed, ${o.notYetDue} not yet due, of ${o.total}. ` +
    `Lessons missed: ${lessonsMissed}. Breaches: ${f.breaches.length}.`
  );
}

/**
 * Opens one trainee's review for the trainer: the run as far as it has reached the
 * server, rebuilt with the core up to the sim second it was scored at (or last
 * reported), shown with the same debrief panel the trainee sees. Answers the panel,
 * or why the run cannot be reviewed here.
 */
export function openTraineeReview(canvas: HTMLCanvasElement, entry: CatalogEntry | undefined, review: TraineeReview): DebriefPanel | string {
  if (!entry) return `this game does not have the scenario ${review.scenarioId}`;
  if (entry.hash !== review.scenarioHash) return `the scenario "${entry.scenario.title}" in this game is another version than the drill's`;
  const scenario = entry.scenario;
  const scored = scoreAt(scenario, review, review.until);
  if (!scored.ok) return `the run does not rebuild: ${scored.message}`;
  const state = scored.sim.state;
  const panel = new DebriefPanel(canvas, REVIEW_BOX, buildDebrief(scenario, state), scored.outcome, scenario, state);
  panel.root.setAttribute('aria-label', `Review of ${review.name}'s run`);
  const as = review.finished ? 'verified run' : 'live run, as far as it has arrived';
  panel.root.prepend(
    el('h2', {}, `${review.name}: ${as}, as of ${clockAt(scenario, review.until)}`),
    el('p', {}, figuresSentence(runFigures(scenario, state))),
    el('p', { class: 'dim' }, 'Up and down arrows move between lessons; Page Up and Page Down scroll; Escape closes the review.'),
  );
  panel.root.focus();
  return panel;
}
