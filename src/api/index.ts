import type { z } from 'zod';
import type { breakdown, errorSchema } from './common.schema';
import type { drillEventData } from './drill-events.schema';
import type * as drills from './drills.schema';
import type * as boards from './leaderboards.schema';
import type * as names from './names.schema';
import type * as runs from './runs.schema';
import type * as scenarios from './scenarios.schema';
import type * as service from './service.schema';

/**
 * The HTTP API's one contract: zod schemas for every request, response and live
 * event. The server validates, serialises and documents with them; the game takes
 * its types from them. Imports only zod and the core's index.
 */
export * from './names';
export * from './common.schema';
export * from './service.schema';
export * from './scenarios.schema';
export * from './runs.schema';
export * from './names.schema';
export * from './leaderboards.schema';
export * from './drills.schema';
export * from './drill-events.schema';

export type ApiError = z.output<typeof errorSchema>;
export type ScoreLine = z.output<typeof breakdown>[number];
export type ScenarioSummary = z.output<typeof scenarios.scenarioSummarySchema>;
export type ScenarioList = z.output<typeof scenarios.scenariosResponse>;
export type ScenarioSource = z.output<typeof scenarios.scenarioSource>;
export type ScenarioVersion = z.output<typeof scenarios.scenarioVersionResponse>;
export type ScenarioCheckProblem = z.output<typeof scenarios.scenarioProblem>;
export type ScenarioCheck = z.output<typeof scenarios.scenarioCheckResponse>;
export type ScenarioPublished = z.output<typeof scenarios.scenarioPublished>;
export type Health = z.output<typeof service.healthSchema>;
export type OpenApiDocument = z.input<typeof service.openApiDocument>;

export type AttemptRequest = z.input<typeof runs.attemptBody>;
export type Attempt = z.output<typeof runs.attemptResponse>;
export type RunSubmission = z.input<typeof runs.runBody>;
export type RunVerdict = z.output<typeof runs.runResponse>;
export type RunDetail = z.output<typeof runs.runDetail>;
export type RunSharing = z.output<typeof runs.runSharingResponse>;
export type TeamCreated = z.output<typeof names.teamCreated>;
export type NameCheck = z.output<typeof names.nameCheckResponse>;
export type NameCheckRequest = z.input<typeof names.nameCheckBody>;

/** What a client may ask a board for (each part optional; the server fills in defaults). */
export type PlayerBoardQuery = Partial<z.output<typeof boards.playerBoardQuery>>;
export type TeamBoardQuery = Partial<z.output<typeof boards.teamBoardQuery>>;
export type PlayerStanding = z.output<typeof boards.playerStanding>;
export type TeamStanding = z.output<typeof boards.teamStanding>;
export type BoardPage = z.output<typeof boards.boardPage>;
export type PlayerBoard = z.output<typeof boards.playerBoardResponse>;
export type TeamBoard = z.output<typeof boards.teamBoardResponse>;

export type DrillStatus = z.output<typeof drills.drillStatus>;
export type DrillCommand = z.output<typeof drills.drillCommand>;
export type DrillCreated = z.output<typeof drills.drillCreated>;
export type DrillJoined = z.output<typeof drills.joined>;
export type FiredInject = z.output<typeof drills.firedInject>;
export type TraineeProgress = z.output<typeof drills.progressFigures>;
export type TraineeProgressReport = z.output<typeof drills.progressBody>;
export type DrillTraineeView = z.output<typeof drills.traineeView>;
export type DrillView = z.output<typeof drills.drillView>;
export type DrillRunVerdict = z.output<typeof drills.drillRunResponse>;
export type DrillResults = z.output<typeof drills.resultsResponse>;
export type TraineeReview = z.output<typeof drills.traineeReview>;
export type RunFiguresView = z.output<typeof drills.runFiguresSchema>;
export type XapiStatement = z.output<typeof drills.xapiStatement>;

export type TrainerSnapshot = Extract<z.output<typeof drillEventData.snapshot>, { role: 'trainer' }>;
export type TraineeSnapshot = Extract<z.output<typeof drillEventData.snapshot>, { role: 'trainee' }>;
