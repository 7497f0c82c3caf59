/**
 * Who may call one of the API's own routes, as route declarations name it (`http/route.ts`):
 * anyone, anyone with an optional session, a signed-in user, an organiser (or admin), an admin, or
 * the metrics scraper.
 * Each enforces itself and documents its security requirement and its 401/403 answers.
 */
import { requireAdmin } from '../admin/require-admin.js';
import type { AccessSpec, ResponseSpec, SecurityRequirement, SecuritySchemeObject } from '../http/route.js';
import { requireOrganiser } from './roles.js';
import { SESSION_COOKIE, requireUser } from './session.js';

const SESSION_SCHEME: Record<string, SecuritySchemeObject> = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The session cookie set by `POST /auth/signup` and `POST /auth/login`.',
  },
  apiToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      'A personal access token (`arb_…`) from `POST /auth/tokens`, as `Authorization: Bearer <token>`: acts as its account.',
  },
};
/** Either credential signs the request in. */
const SIGNED_IN: SecurityRequirement[] = [{ session: [] }, { apiToken: [] }];

const sessionUnchecked: ResponseSpec = {
  description: '`SERVICE_UNAVAILABLE`: the session could not be checked (database unreachable).',
  errors: ['SERVICE_UNAVAILABLE'],
};

const unauthenticated = (action: string): ResponseSpec => ({
  description: `\`UNAUTHENTICATED\`: no valid session: "Sign in to ${action}."`,
  errors: ['UNAUTHENTICATED'],
});

/** No session read, no check. */
export const PUBLIC: AccessSpec = { security: [] };

/** Works signed out; a session changes the answer (marks, ownership). */
export const OPTIONAL: AccessSpec = {
  security: [{}, ...SIGNED_IN],
  schemes: SESSION_SCHEME,
  responses: () => ({ 503: sessionUnchecked }),
};

export const SESSION: AccessSpec = {
  security: SIGNED_IN,
  schemes: SESSION_SCHEME,
  check: (req, action) => {
    requireUser(req, action);
  },
  responses: (action) => ({ 401: unauthenticated(action), 503: sessionUnchecked }),
};

export const ADMIN: AccessSpec = {
  security: SIGNED_IN,
  schemes: SESSION_SCHEME,
  check: (req, action) => {
    requireAdmin(req, action);
  },
  responses: (action, method) => ({
    401: unauthenticated(action),
    403:
      method === 'get'
        ? {
            description: `\`FORBIDDEN\`: signed in, but not an admin: "Only admins may ${action}."`,
            errors: ['FORBIDDEN'],
          }
        : {
            description: `\`FORBIDDEN\`, \`FORBIDDEN_ORIGIN\`: not an admin ("Only admins may ${action}."), or the request comes from a page on another site.`,
            errors: ['FORBIDDEN', 'FORBIDDEN_ORIGIN'],
          },
    503: sessionUnchecked,
  }),
};

/** Admins and organisers (teachers): who creates and runs contests. */
export const ORGANISER: AccessSpec = {
  security: SIGNED_IN,
  schemes: SESSION_SCHEME,
  check: (req, action) => {
    requireOrganiser(req, action);
  },
  responses: (action, method) => ({
    401: unauthenticated(action),
    403: {
      description:
        method === 'get'
          ? `\`FORBIDDEN\`: signed in, but neither an admin nor an organiser: "Only admins and organisers may ${action}."`
          : `\`FORBIDDEN\`, \`FORBIDDEN_ORIGIN\`: neither an admin nor an organiser ("Only admins and organisers may ${action}."), or the request comes from a page on another site.`,
      errors: method === 'get' ? ['FORBIDDEN'] : ['FORBIDDEN', 'FORBIDDEN_ORIGIN'],
    },
    503: sessionUnchecked,
  }),
};

/** METRICS_TOKEN set: a bearer token (the route checks it); unset: open in development, refused elsewhere. */
export const METRICS: AccessSpec = {
  security: [{}, { metricsToken: [] }],
  schemes: {
    metricsToken: {
      type: 'http',
      scheme: 'bearer',
      description: '`METRICS_TOKEN`, for `GET /metrics` (required unless `NODE_ENV=development`).',
    },
  },
};
