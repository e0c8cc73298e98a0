import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { z } from 'zod';
import { ApiError } from './http-errors';
import { DEFAULT_RATE_LIMIT_PER_MINUTE, rateLimitClasses, type RateLimitClass, type RateLimitClasses } from './rate-limits';

/** An optional request part: a zod schema, or nothing (then the handler sees `undefined`). */
type Part = z.ZodType | undefined;
type Out<S extends Part> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * Who may call a route, declared with it. The registry turns it into a preHandler,
 * so no handler repeats the check, and into the docs (security, 401/403).
 */
export interface RouteAuth<P, Q, C> {
  /** Documented refusals, e.g. 401 and 403. */
  refusals: Record<number, string>;
  /** Resolves the caller or throws an ApiError (401, 403, 404). */
  resolve(input: { request: FastifyRequest; params: P; query: Q }): Promise<C>;
}

/** The answer a route gives when it succeeds. A JSON answer is serialised through its schema. */
export type RouteReply =
  | { status: 200 | 201; description: string; schema: z.ZodType }
  /** Not JSON (CSV, an event stream): the schema, if any, only documents the content. */
  | { status: 200; description: string; contentType: string; schema?: z.ZodType }
  | { status: 204; description: string };

/** What a handler returns for its declared reply: the schema's input, text, or nothing. */
export type ReplyBody<R extends RouteReply> = R extends { contentType: string }
  ? string | void
  : R extends { schema: infer S extends z.ZodType }
    ? z.input<S>
    : void;

/** One endpoint: its zod shapes drive validation, serialisation and the OpenAPI document. */
export interface RouteSpec<P extends Part, Q extends Part, B extends Part, R extends RouteReply, C> {
  method: Extract<HTTPMethods, 'GET' | 'POST'>;
  url: string;
  summary: string;
  tag: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  reply: R;
  /** Other documented statuses; their body is the Error schema unless another is given. */
  errors?: Record<number, { description: string; schema?: z.ZodType }>;
  auth?: RouteAuth<Out<P>, Out<Q>, C>;
  bodyLimit?: number;
  rateLimit?: RateLimitClass;
}

export interface RouteInput<P, Q, B, C> {
  params: P;
  query: Q;
  body: B;
  /** The authenticated caller (`undefined` on open routes). */
  caller: C;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** A registered route as the OpenAPI document needs it. */
export type RegisteredRoute = RouteSpec<Part, Part, Part, RouteReply, unknown>;

/** Turns a zod failure into a 400 that names each bad field. */
export function invalid(error: z.ZodError, where: string, code: 'request/invalid' | 'run/invalid' = 'request/invalid'): ApiError {
  const issues = error.issues.slice(0, 10).map((i) => ({ path: [where, ...i.path].join('.'), message: i.message }));
  return new ApiError(code, issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
}

function parse(schema: Part, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw invalid(result.error, where);
  return result.data;
}

/** A handler's answer that does not match its declared schema is our bug: a 500, logged in full. */
function serialise(schema: z.ZodType, value: unknown, url: string): unknown {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`reply of ${url} does not match its schema: ${z.prettifyError(result.error)}`);
  return result.data;
}

/*
 * Why our own registry rather than fastify-type-provider-zod (v7 supports Fastify 5 and
 * zod 4, and was weighed): it types and serialises replies the same way, but documents
 * through @fastify/swagger (two more packages for a document we already build with
 * z.toJSONSchema), answers validation errors in its own shape (ours name `body.field`
 * under `request/invalid`, which clients and tests rely on), and has no place for the
 * route options we enforce (auth, rate-limit class). What remained was this file.
 */

/**
 * Registers routes from their specs and keeps them for the OpenAPI document. Requests
 * are parsed, and callers authenticated, in preHandlers made from the spec; replies
 * are typed against, and serialised through, the declared schema.
 */
export class ApiRegistry {
  readonly routes: RegisteredRoute[] = [];
  private readonly inputs = new WeakMap<FastifyRequest, { params: unknown; query: unknown; body: unknown; caller: unknown }>();

  private readonly rateLimits: RateLimitClasses;

  /** `rateLimitPerMinute` is the app-wide per-address budget that some rate-limit classes scale from. */
  constructor(
    private readonly app: FastifyInstance,
    options: { rateLimitPerMinute?: number } = {},
  ) {
    this.rateLimits = rateLimitClasses(options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE);
  }

  add<P extends Part = undefined, Q extends Part = undefined, B extends Part = undefined, R extends RouteReply = RouteReply, C = undefined>(
    spec: RouteSpec<P, Q, B, R, C>,
    handler: (input: RouteInput<Out<P>, Out<Q>, Out<B>, C>) => Promise<ReplyBody<R>>,
  ): void {
    this.routes.push(spec as unknown as RegisteredRoute);
    const inputs = this.inputs;
    const reply = spec.reply as RouteReply;
    const jsonSchema = 'schema' in reply && reply.schema && !('contentType' in reply) ? reply.schema : undefined;
    const auth = spec.auth;
    this.app.route({
      method: spec.method,
      url: spec.url,
      ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
      ...(spec.rateLimit ? { config: { rateLimit: this.rateLimits[spec.rateLimit] } } : {}),
      preHandler: [
        async (request) => {
          inputs.set(request, {
            params: parse(spec.params, request.params, 'params'),
            query: parse(spec.query, request.query, 'query'),
            body: parse(spec.body, request.body, 'body'),
            caller: undefined,
          });
        },
        ...(auth
          ? [
              async (request: FastifyRequest) => {
                const input = inputs.get(request)!;
                input.caller = await auth.resolve({ request, params: input.params as Out<P>, query: input.query as Out<Q> });
              },
            ]
          : []),
      ],
      handler: async (request, fastifyReply) => {
        const input = inputs.get(request)!;
        fastifyReply.code(reply.status);
        const result = await handler({ ...(input as { params: Out<P>; query: Out<Q>; body: Out<B>; caller: C }), request, reply: fastifyReply });
        return jsonSchema && !fastifyReply.sent ? serialise(jsonSchema, result, spec.url) : result;
      },
    });
  }
}
