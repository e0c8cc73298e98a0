import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type * as api from '../../../src/api/index';
import type { DrillHandlers } from '../../../src/game/net/drill-stream';
import type { ApiClient, DrillTrainee, DrillView, PlayerStanding, ScenarioSummary } from '../../../src/game/net/api-client';

type Answer<K extends keyof ApiClient> = Awaited<ReturnType<ApiClient[K]>>;
type Handled<K extends keyof DrillHandlers> = Parameters<NonNullable<DrillHandlers[K]>>[0];

/** Checked by the compiler (tsc over tests/) and by Vitest: the game's API types are the schemas' types. */
describe("the game client's API types come from src/api", () => {
  it('answers are the output types of the response schemas', () => {
    expectTypeOf<Answer<'scenarios'>>().toEqualTypeOf<z.output<typeof api.scenariosResponse>>();
    expectTypeOf<Answer<'createAttempt'>>().toEqualTypeOf<z.output<typeof api.attemptResponse>>();
    expectTypeOf<Answer<'submitRun'>>().toEqualTypeOf<z.output<typeof api.runResponse>>();
    expectTypeOf<Answer<'leaderboard'>>().toEqualTypeOf<z.output<typeof api.playerBoardResponse>>();
    expectTypeOf<Answer<'teamLeaderboard'>>().toEqualTypeOf<z.output<typeof api.teamBoardResponse>>();
    expectTypeOf<Answer<'createDrill'>>().toEqualTypeOf<z.output<typeof api.drillCreated>>();
    expectTypeOf<Answer<'joinDrill'>>().toEqualTypeOf<z.output<typeof api.joined>>();
    expectTypeOf<Answer<'drill'>>().toEqualTypeOf<z.output<typeof api.drillView>>();
    expectTypeOf<Answer<'control'>>().toEqualTypeOf<z.output<typeof api.statusResponse>>();
    expectTypeOf<Answer<'fireInject'>>().toEqualTypeOf<z.output<typeof api.firedInject>>();
    expectTypeOf<Answer<'submitDrillRun'>>().toEqualTypeOf<z.output<typeof api.drillRunResponse>>();
    expectTypeOf<Answer<'results'>>().toEqualTypeOf<z.output<typeof api.resultsResponse>>();
  });

  it('requests are the input types of the request schemas', () => {
    expectTypeOf<Parameters<ApiClient['submitRun']>[0]>().toEqualTypeOf<z.input<typeof api.runBody>>();
    expectTypeOf<Parameters<ApiClient['reportProgress']>[2]>().toEqualTypeOf<z.output<typeof api.progressBody>>();
    expectTypeOf<Parameters<ApiClient['control']>[2]>().toEqualTypeOf<z.output<typeof api.drillCommand>>();
  });

  it('the results type carries every field the server sends', () => {
    expectTypeOf<Answer<'results'>['trainees'][number]>().toHaveProperty('joinedAt');
    expectTypeOf<Answer<'results'>['trainees'][number]>().toHaveProperty('obligations');
    expectTypeOf<Answer<'results'>>().toHaveProperty('scenarioId');
  });

  it('named types the scenes use are the schemas’ types', () => {
    expectTypeOf<ScenarioSummary>().toEqualTypeOf<z.output<typeof api.scenarioSummarySchema>>();
    expectTypeOf<PlayerStanding>().toEqualTypeOf<z.output<typeof api.playerStanding>>();
    expectTypeOf<DrillView>().toEqualTypeOf<z.output<typeof api.drillView>>();
    expectTypeOf<DrillTrainee>().toEqualTypeOf<z.output<typeof api.traineeView>>();
  });

  it('live drill events are the schemas’ event data', () => {
    expectTypeOf<Handled<'snapshot'>>().toEqualTypeOf<z.output<typeof api.drillEventData.snapshot>>();
    expectTypeOf<Handled<'progress'>>().toEqualTypeOf<z.output<typeof api.drillEventData.progress>>();
    expectTypeOf<Handled<'finished'>>().toEqualTypeOf<z.output<typeof api.drillEventData.finished>>();
    expectTypeOf<Handled<'inject'>>().toEqualTypeOf<z.output<typeof api.drillEventData.inject>>();
  });
});
