import { z } from 'zod';
import { ENGINE_VERSION, runRecordSchema } from '../../src/core/index';
import type { ApiRegistry } from './api-route';
import { errorSchema, runField } from '../api.schemas';

type JsonSchema = Record<string, unknown>;

const STANDARD_ERRORS: Record<number, string> = {
  400: 'The request is malformed (the reason names the field)',
  413: 'The body is larger than this endpoint accepts',
  429: 'Too many requests from this address',
};

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  return z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    // The run record is validated by the core's schema; point at its component instead of `{}`.
    override: (ctx) => {
      if (ctx.zodSchema === runField) {
        for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
        ctx.jsonSchema.$ref = '#/components/schemas/RunRecord';
      }
    },
    reused: 'inline',
    cycles: 'ref',
  }) as JsonSchema;
}

function strip(schema: JsonSchema): JsonSchema {
  const { $schema: _s, ...rest } = schema;
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

/** The OpenAPI 3.1 document for every registered route, generated from its zod schemas. */
export function buildOpenApi(registry: ApiRegistry): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of registry.routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const responses: Record<string, JsonSchema> = {};
    for (const [status, r] of Object.entries(route.responses)) {
      responses[status] = {
        description: r.description,
        ...(r.schema ? { content: { [r.contentType ?? 'application/json']: { schema: strip(toSchema(r.schema, 'output')) } } } : {}),
      };
    }
    const errorCodes = { ...STANDARD_ERRORS };
    for (const status of Object.keys(errorCodes)) {
      responses[status] ??= { description: errorCodes[Number(status)]!, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
    const security = route.auth === 'trainer' || route.auth === 'trainee' || route.auth === 'trainer-or-trainee' ? [{ bearer: [] }] : undefined;
    paths[path] ??= {};
    paths[path]![route.method.toLowerCase()] = {
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: strip(toSchema(route.body, 'input')) } } } } : {}),
      responses,
      ...(security ? { security } : {}),
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
      schemas: { RunRecord: strip(toSchema(runRecordSchema, 'input')), Error: strip(toSchema(errorSchema, 'output')) },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Trainer or trainee token from creating or joining a drill' } },
    },
  };
}
