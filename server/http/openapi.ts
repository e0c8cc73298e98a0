import { z } from 'zod';
import { errorSchema, runRecordField, type OpenApiDocument } from '../../src/api/index';
import { ENGINE_VERSION, runRecordSchema } from '../../src/core/index';
import type { ApiRegistry, RegisteredRoute } from './api-route';

type JsonSchema = Record<string, unknown>;

const STANDARD_ERRORS: Record<number, string> = {
  400: 'The request is malformed (the reason names the field)',
  413: 'The body is larger than this endpoint accepts',
  429: 'Too many requests from this address',
  503: 'The database (or the run verifier) is unavailable for the moment; retry after Retry-After',
};

const RUN_RECORD_REF = '#/components/schemas/RunRecord';

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    // Run records, in requests and responses, point at their one component instead of repeating it.
    override: (ctx) => {
      if (ctx.zodSchema !== runRecordField) return;
      for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
      ctx.jsonSchema.$ref = RUN_RECORD_REF;
    },
    reused: 'inline',
    cycles: 'ref',
  }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(typeof prop.description === 'string' ? { description: prop.description } : {}),
    schema: prop,
  }));
}

const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };

function responses(route: RegisteredRoute): Record<string, JsonSchema> {
  const { reply } = route;
  const answer: Record<string, JsonSchema> = {};
  const schema = 'schema' in reply ? reply.schema : undefined;
  const contentType = 'contentType' in reply ? reply.contentType : 'application/json';
  answer[reply.status] = { description: reply.description, ...(schema ? { content: { [contentType]: { schema: toSchema(schema, 'output') } } } : {}) };
  const errors: Record<number, { description: string; schema?: z.ZodType }> = { ...route.errors };
  for (const [status, description] of Object.entries(route.auth?.refusals ?? {})) errors[Number(status)] ??= { description };
  for (const [status, description] of Object.entries(STANDARD_ERRORS)) errors[Number(status)] ??= { description };
  for (const [status, error] of Object.entries(errors)) {
    answer[status] = {
      description: error.description,
      content: error.schema ? { 'application/json': { schema: toSchema(error.schema, 'output') } } : errorContent,
    };
  }
  return answer;
}

/** The OpenAPI 3.1 document for every registered route, generated from its zod schemas. */
export function buildOpenApi(registry: ApiRegistry): OpenApiDocument {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of registry.routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path]![route.method.toLowerCase()] = {
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } } } : {}),
      responses: responses(route),
      ...(route.auth ? { security: [{ bearer: [] }] } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Surge Drill API',
      version: ENGINE_VERSION,
      description:
        'Verified leaderboards and trainer drills. Every score is re-simulated by the server before it is stored; ' +
        'errors answer {code, message} with a namespaced code.',
    },
    paths,
    components: {
      schemas: { RunRecord: toSchema(runRecordSchema, 'input'), Error: toSchema(errorSchema, 'output') },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Trainer or trainee token from creating or joining a drill' } },
    },
  };
}
