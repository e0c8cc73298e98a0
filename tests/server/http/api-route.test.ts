import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiRegistry } from '../../../server/http/api-route';
import { ApiError } from '../../../server/http/http-errors';

const answer = z.object({ n: z.number().int() });

describe('the route registry', () => {
  let app: FastifyInstance;
  let handlerRuns = 0;

  beforeAll(async () => {
    app = Fastify({ logger: false });
    app.setErrorHandler((error: Error, _request, reply) =>
      error instanceof ApiError ? reply.code(error.statusCode).send({ code: error.code }) : reply.code(500).send({ code: 'server/error' }),
    );
    const api = new ApiRegistry(app);
    const spec = { method: 'GET', tag: 't', summary: 's', reply: { status: 200, description: 'd', schema: answer } } as const;
    api.add({ ...spec, url: '/right' }, async () => ({ n: 1 }));
    // @ts-expect-error a handler answering another shape than its declared schema does not compile
    api.add({ ...spec, url: '/wrong' }, async () => ({ n: 'one' }));
    const withSecret = { n: 2, secret: 'not in the schema' };
    api.add({ ...spec, url: '/extra' }, async () => withSecret);
    api.add(
      {
        ...spec,
        url: '/guarded/:id',
        params: z.object({ id: z.string() }),
        auth: {
          refusals: { 403: 'Not you' },
          resolve: async ({ params }) => {
            if (params.id !== 'me') throw new ApiError('drill/forbidden');
            return { who: params.id };
          },
        },
      },
      async ({ caller }) => {
        handlerRuns++;
        return { n: caller.who.length };
      },
    );
    await app.ready();
  });
  afterAll(async () => app?.close());

  it('serialises a reply through its declared schema', async () => {
    expect((await app.inject('/right')).json()).toEqual({ n: 1 });
    expect((await app.inject('/extra')).json()).toEqual({ n: 2 });
  });

  it('fails a reply of the wrong shape with a 500 instead of sending it', async () => {
    const wrong = await app.inject('/wrong');
    expect(wrong.statusCode).toBe(500);
    expect(wrong.body).not.toContain('one');
  });

  it('enforces the declared auth option before the handler runs', async () => {
    const refused = await app.inject('/guarded/you');
    expect(refused.statusCode).toBe(403);
    expect(handlerRuns).toBe(0);
    expect((await app.inject('/guarded/me')).json()).toEqual({ n: 2 });
    expect(handlerRuns).toBe(1);
  });
});
