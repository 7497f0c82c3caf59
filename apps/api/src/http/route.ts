/**
 * A route declared once: method, path, zod schemas of its path parameters, query and body, its
 * answers per status, who may call it and what it does. `routerOf` serves a list of them (checking
 * input with the declared schemas on the one error path, `validate.ts` → `error-handler.ts`), and
 * `openapi/openapi-document.ts` describes the same list: nothing is described twice.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import type { ErrorCode } from '@arbiter/contracts';
import { requireJson, requireMedia } from './error-handler.js';
import { parseBody } from './validate.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A JSON Schema (2020-12) object, as OpenAPI 3.1 embeds it. */
export type SchemaObject = { [keyword: string]: unknown };

export interface HeaderSpec {
  description: string;
  schema: SchemaObject;
}

/** One documented answer: a JSON body (`body`), the API's error body (`errors`), other media, or nothing. */
export interface ResponseSpec {
  description: string;
  /** A JSON body of this schema (converted as an output: defaults present, no extra fields). */
  body?: z.ZodType;
  /** The API's `{error: {code, message}}` body with one of these codes. */
  errors?: readonly ErrorCode[];
  /** Another media type (HTML, plain text, files). */
  media?: { type: string; schema: SchemaObject };
  headers?: Record<string, HeaderSpec>;
}

/** Each entry: every scheme it names is needed; an empty entry means none (access is optional). */
export type SecurityRequirement = Record<string, string[]>;

export type SecuritySchemeObject =
  | { type: 'apiKey'; in: 'cookie' | 'header' | 'query'; name: string; description: string }
  | { type: 'http'; scheme: 'bearer'; description: string };

/** Who may call a route: enforced by `check`, documented by the rest. */
export interface AccessSpec {
  security: SecurityRequirement[];
  /** The security schemes `security` names. */
  schemes?: Record<string, SecuritySchemeObject>;
  /** Throws an HTTP error when the request may not go on; `action` completes "Sign in to …". */
  check?: (req: Request, action: string) => void | Promise<void>;
  /** Answers every route with this access may give (401, 403, …), unless the route documents its own. */
  responses?: (action: string, method: HttpMethod) => Record<string, ResponseSpec>;
}

export type InputPart = 'params' | 'query' | 'body';

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** Express style (`/status/:jobId`); the document writes `{jobId}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** Overrides the operation id derived from the method and path. */
  operationId?: string;
  access: AccessSpec;
  /** The action named in 401 and 403 messages ("Sign in to …"). */
  action?: string;
  params?: P;
  query?: Q;
  body?: B;
  /**
   * The largest JSON body this route reads, in bytes (413 over it, before parsing); default
   * MAX_SMALL_BODY_BYTES (16 KiB). Only routes that take code and input need more.
   */
  bodyLimit?: number;
  /** Bodies are JSON only (415 otherwise); default true when there is a body. */
  jsonOnly?: boolean;
  /**
   * A body that is not JSON (an uploaded file): read as bytes when it has this media type and is at most
   * `limit` bytes (413 over it), handed to the handler as `req.body` (a Buffer); 415 for another type.
   */
  rawBody?: { type: string; limit: number; description: string };
  /** Turns an input that breaks its schema into this route's own error (default: 400 naming each field). */
  invalid?: (part: InputPart, error: Error, req: Request) => Error;
  /** Runs first, before the JSON, access and input checks (rate limits count every attempt). */
  before?: RequestHandler[];
  responses: Record<number, ResponseSpec>;
  /** Omitted: described, but answered by an application mounted at this path (the queue dashboard). */
  handle?: (input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>, req: Request, res: Response) => unknown;
}

/** Type inference for one route's handler from its schemas. */
export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  spec: RouteSpec<P, Q, B>,
): RouteSpec {
  return spec as unknown as RouteSpec;
}

function parsePart(
  route: RouteSpec,
  part: InputPart,
  schema: z.ZodType | undefined,
  value: unknown,
  req: Request,
) {
  if (schema === undefined) return value;
  try {
    return parseBody(schema, value);
  } catch (error) {
    if (route.invalid && error instanceof Error) throw route.invalid(part, error, req);
    throw error;
  }
}

/** One router serving the routes that have a handler, each behind its access check and input checks. */
export function routerOf(routes: readonly RouteSpec[]): Router {
  const router = Router();
  for (const route of routes) {
    const handle = route.handle;
    if (handle === undefined) continue;
    const stack: RequestHandler[] = [...(route.before ?? [])];
    if (route.body !== undefined && route.jsonOnly !== false) stack.push(requireJson);
    if (route.rawBody !== undefined) stack.push(requireMedia(route.rawBody.type));
    if (route.access.check) {
      const check = route.access.check;
      const action = route.action ?? 'continue';
      stack.push(async (req, _res, next) => {
        await check(req, action);
        next();
      });
    }
    stack.push(async (req, res) => {
      const input = {
        params: parsePart(route, 'params', route.params, req.params, req),
        query: parsePart(route, 'query', route.query, req.query, req),
        body: parsePart(route, 'body', route.body, req.body ?? {}, req),
      };
      await handle(input, req, res);
    });
    router[route.method](route.path, ...stack);
  }
  return router;
}
