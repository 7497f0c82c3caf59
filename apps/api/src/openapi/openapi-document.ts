/**
 * The OpenAPI 3.1 document (`GET /openapi.json`, rendered at `GET /docs`), derived from the route
 * declarations the app serves (`http/route.ts`): parameters, bodies and answers come from their zod
 * schemas as JSON Schema 2020-12, which OpenAPI 3.1's default dialect extends. Answers every route
 * may give (415, 413, 500, …) are added here once.
 *
 * tests/integration/openapi.test.ts fails when a route is served but not described.
 */
import { z } from 'zod';
import { MAX_BODY_BYTES, MAX_SMALL_BODY_BYTES, errorBodySchema, type ErrorCode } from '@arbiter/contracts';
import type {
  HeaderSpec,
  HttpMethod,
  ResponseSpec,
  RouteSpec,
  SchemaObject,
  SecurityRequirement,
  SecuritySchemeObject,
} from '../http/route.js';
import { answerSchema, componentName, namedComponents, type SchemaRole } from './components.js';

export type { SchemaObject } from '../http/route.js';

answerSchema('ErrorBody', errorBodySchema);

export interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderSpec>;
  content?: Record<string, { schema: SchemaObject }>;
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  description?: string;
  schema: SchemaObject;
}

export interface OperationObject {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  security: SecurityRequirement[];
  parameters?: ParameterObject[];
  requestBody?: {
    required: boolean;
    description?: string;
    content: Record<string, { schema: SchemaObject }>;
  };
  responses: Record<string, ResponseObject>;
}

export type PathItemObject = Partial<Record<HttpMethod, OperationObject>>;

/** The parts of an OpenAPI 3.1 document this API's document uses. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; summary: string; description: string };
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, PathItemObject>;
  components: {
    schemas: Record<string, SchemaObject>;
    securitySchemes: Record<string, SecuritySchemeObject>;
  };
}

export interface DocumentInfo {
  title: string;
  version: string;
  summary: string;
  description: string;
  tags: { name: string; description: string }[];
}

const schemaUri = (id: string) => `#/components/schemas/${id}`;
const ref = (id: string): SchemaObject => ({ $ref: schemaUri(id) });

/** A JSON Schema as OpenAPI embeds it: no `$schema` or `$id` of its own (the document sets the dialect). */
function embedded(schema: object): SchemaObject {
  const { $schema: _dialect, $id: _id, ...rest } = schema as SchemaObject;
  return rest;
}

/** Converts schemas together, so one that appears inside another becomes a `$ref` to it. */
function convert(schemas: { id: string; schema: z.ZodType }[], io: 'input' | 'output') {
  const registry = z.registry<{ id: string }>();
  for (const { id, schema } of schemas) registry.add(schema, { id });
  const converted = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    uri: schemaUri,
    unrepresentable: 'any',
  });
  return Object.fromEntries(Object.entries(converted.schemas).map(([id, schema]) => [id, embedded(schema)]));
}

/** One standalone schema (a parameter's). */
function inline(schema: z.ZodType): SchemaObject {
  return embedded(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }));
}

/** The answers every route may give, unless it documents its own under the same status. */
function commonResponses(route: RouteSpec): Record<string, ResponseSpec> {
  const common: Record<string, ResponseSpec> = {};
  if (route.method !== 'get') {
    common[403] = {
      description:
        '`FORBIDDEN_ORIGIN`: the request comes from a page on another site (its `Origin` is neither the API nor the web app).',
      errors: ['FORBIDDEN_ORIGIN'],
    };
  }
  if (route.rawBody !== undefined) {
    common[413] = {
      description: `\`PAYLOAD_TOO_LARGE\`: the body is over ${route.rawBody.limit} bytes.`,
      errors: ['PAYLOAD_TOO_LARGE'],
    };
    common[415] = {
      description: `\`UNSUPPORTED_MEDIA_TYPE\`: the body is not sent as \`${route.rawBody.type}\`.`,
      errors: ['UNSUPPORTED_MEDIA_TYPE'],
    };
  }
  if (route.body !== undefined) {
    common[400] = {
      description: '`INVALID_JSON`, `INVALID_REQUEST`: the body is not valid JSON or breaks the schema.',
      errors: ['INVALID_JSON', 'INVALID_REQUEST'],
    };
    common[413] = {
      description: `\`PAYLOAD_TOO_LARGE\`: the body is over ${route.bodyLimit ?? MAX_SMALL_BODY_BYTES} bytes${route.bodyLimit === MAX_BODY_BYTES ? ', or the code over 64 KiB, or stdin over 8 MiB' : ''}.`,
      errors: ['PAYLOAD_TOO_LARGE'],
    };
    if (route.jsonOnly !== false) {
      common[415] = {
        description: '`UNSUPPORTED_MEDIA_TYPE`: the body is not sent as `application/json` (UTF-8).',
        errors: ['UNSUPPORTED_MEDIA_TYPE'],
      };
    }
  }
  common[500] = {
    description: '`INTERNAL`: something failed on the server; the message says nothing more.',
    errors: ['INTERNAL'],
  };
  return common;
}

/** "`CODE`, `OTHER`: what happened", whether or not the declaration named the codes itself. */
function errorDescription(codes: readonly ErrorCode[], description: string): string {
  const text = description.replace(/^`[A-Z_]+`(, `[A-Z_]+`)*: /, '');
  return `${codes.map((code) => `\`${code}\``).join(', ')}: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

function errorSchema(codes: readonly ErrorCode[]): SchemaObject {
  return {
    allOf: [
      ref('ErrorBody'),
      {
        type: 'object',
        properties: { error: { type: 'object', properties: { code: { enum: [...codes] } } } },
      },
    ],
  };
}

export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function operationIdOf(route: RouteSpec): string {
  if (route.operationId) return route.operationId;
  const words = toOpenApiPath(route.path)
    .split(/[/{}.-]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1));
  return `${route.method}${words.join('')}`;
}

/** Parameters of an object schema's fields: path parameters are required, query ones when not optional. */
function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): ParameterObject[] {
  if (schema === undefined) return [];
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape;
  if (shape === undefined) throw new Error(`${where} schemas must be objects`);
  return Object.entries(shape).map(([name, field]) => {
    const converted = inline(field);
    const { description, ...rest } = converted;
    const optional = (field as unknown as { isOptional?: () => boolean }).isOptional?.() ?? false;
    return {
      name,
      in: where,
      required: where === 'path' || !optional,
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

/** Builds the document of `routes`. */
export function buildOpenApiDocument(routes: readonly RouteSpec[], info: DocumentInfo): OpenApiDocument {
  // Bodies no name was given to are listed under an id of their operation and status.
  const anonymous = new Map<z.ZodType, { id: string; role: SchemaRole }>();
  const idOf = (schema: z.ZodType, role: SchemaRole, fallback: string) => {
    const named = componentName(schema) ?? anonymous.get(schema);
    if (named !== undefined) {
      if (named.role !== role) throw new Error(`${named.id} is used both as a request and as an answer`);
      return named.id;
    }
    anonymous.set(schema, { id: fallback, role });
    return fallback;
  };

  const toResponse = (spec: ResponseSpec, fallback: string): ResponseObject => {
    const headers = spec.headers ? { headers: spec.headers } : {};
    if (spec.body !== undefined)
      return {
        description: spec.description,
        ...headers,
        content: { 'application/json': { schema: ref(idOf(spec.body, 'answer', fallback)) } },
      };
    if (spec.errors !== undefined)
      return {
        description: errorDescription(spec.errors, spec.description),
        ...headers,
        content: { 'application/json': { schema: errorSchema(spec.errors) } },
      };
    if (spec.media !== undefined)
      return {
        description: spec.description,
        ...headers,
        content: { [spec.media.type]: { schema: spec.media.schema } },
      };
    return { description: spec.description, ...headers };
  };

  const paths: Record<string, PathItemObject> = {};
  const schemes: Record<string, SecuritySchemeObject> = {};
  for (const route of routes) {
    const path = toOpenApiPath(route.path);
    const item = (paths[path] ??= {});
    if (item[route.method]) throw new Error(`${route.method.toUpperCase()} ${path} is declared twice`);
    const operationId = operationIdOf(route);
    const specs: Record<string, ResponseSpec> = {
      ...commonResponses(route),
      ...(route.access.responses?.(route.action ?? 'continue', route.method) ?? {}),
      ...route.responses,
    };
    const responses = Object.fromEntries(
      Object.entries(specs)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([status, spec]) => [
          status,
          toResponse(spec, `${operationId.charAt(0).toUpperCase()}${operationId.slice(1)}${status}`),
        ]),
    );
    const params = [...parameters(route.params, 'path'), ...parameters(route.query, 'query')];
    Object.assign(schemes, route.access.schemes ?? {});
    item[route.method] = {
      operationId,
      tags: [route.tag],
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      security: route.access.security,
      ...(params.length > 0 ? { parameters: params } : {}),
      ...(route.rawBody
        ? {
            requestBody: {
              required: true,
              description: route.rawBody.description,
              content: { [route.rawBody.type]: { schema: { type: 'string', format: 'binary' } } },
            },
          }
        : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: ref(
                    idOf(
                      route.body,
                      'request',
                      `${operationId.charAt(0).toUpperCase()}${operationId.slice(1)}Body`,
                    ),
                  ),
                },
              },
            },
          }
        : {}),
      responses,
    };
  }

  const all = [...namedComponents(), ...[...anonymous].map(([schema, named]) => ({ schema, ...named }))];
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, summary: info.summary, description: info.description },
    servers: [{ url: '/', description: 'This API' }],
    tags: info.tags,
    paths,
    components: {
      schemas: {
        ...convert(
          all.filter((entry) => entry.role === 'request'),
          'input',
        ),
        ...convert(
          all.filter((entry) => entry.role === 'answer'),
          'output',
        ),
      },
      securitySchemes: schemes,
    },
  };
}
