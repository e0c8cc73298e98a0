import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods, RouteShorthandOptions } from 'fastify';
import { z } from 'zod';
import { ApiError } from './http-errors';

export type Auth = 'none' | 'trainer' | 'trainee' | 'trainer-or-trainee';

/** One endpoint: its zod shapes drive both validation and the OpenAPI document. */
export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: Extract<HTTPMethods, 'GET' | 'POST'>;
  url: string;
  summary: string;
  tag: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Status → description and (for JSON answers) schema. */
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
  auth?: Auth;
  bodyLimit?: number;
  rateLimit?: { max: number; keyGenerator?: (request: FastifyRequest) => string } | false;
  hide?: boolean;
}

export interface Parsed<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** Turns a zod failure into a 400 that names each bad field. */
export function invalid(error: z.ZodError, where: string, code: 'request/invalid' | 'run/invalid' = 'request/invalid'): ApiError {
  const issues = error.issues.slice(0, 10).map((i) => ({ path: [where, ...i.path].join('.'), message: i.message }));
  return new ApiError(code, issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
}

function parse<T extends z.ZodType>(schema: T | undefined, value: unknown, where: string): z.output<T> {
  if (!schema) return undefined as z.output<T>;
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw invalid(result.error, where);
  return result.data;
}

/** Collects route specs as they are registered, for the OpenAPI document. */
export class ApiRegistry {
  readonly routes: RouteSpec<z.ZodType, z.ZodType, z.ZodType>[] = [];

  add<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
    app: FastifyInstance,
    spec: RouteSpec<P, Q, B>,
    handler: (input: Parsed<z.output<P>, z.output<Q>, z.output<B>>) => Promise<unknown>,
  ): void {
    if (!spec.hide) this.routes.push(spec as unknown as RouteSpec<z.ZodType, z.ZodType, z.ZodType>);
    const options: RouteShorthandOptions = {};
    if (spec.bodyLimit) options.bodyLimit = spec.bodyLimit;
    if (spec.rateLimit !== undefined) options.config = { rateLimit: spec.rateLimit };
    app.route({
      ...options,
      method: spec.method,
      url: spec.url,
      handler: async (request, reply) =>
        handler({
          params: parse(spec.params, request.params, 'params'),
          query: parse(spec.query, request.query, 'query'),
          body: parse(spec.body, request.body, 'body'),
          request,
          reply,
        }),
    });
  }
}
