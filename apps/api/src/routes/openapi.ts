/** `GET /openapi.json` (the OpenAPI 3.1 document), `GET /docs` (it, rendered) and the page's files. */
import { createRequire } from 'node:module';
import { z } from 'zod';
import { PUBLIC } from '../auth/access.js';
import { notFound } from '../http/http-error.js';
import { PAGE_CONTENT_SECURITY_POLICY } from '../http/page-security.js';
import { defineRoute, type RouteSpec } from '../http/route.js';
import { apiDescription } from '../openapi/api-description.js';
import {
  DOCS_ASSETS_PATH,
  DOCS_HTML,
  DOCS_PATH,
  DOCS_SCRIPT,
  DOCS_SCRIPT_NAME,
  OPENAPI_PATH,
  docsAssetFile,
} from '../openapi/docs-page.js';
import { buildOpenApiDocument, type OpenApiDocument } from '../openapi/openapi-document.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** `served`: every route the app serves (these included), read when the document is first asked for. */
export function openApiRoutes(served: () => readonly RouteSpec[]): RouteSpec[] {
  let document: OpenApiDocument | null = null;

  return [
    defineRoute({
      method: 'get',
      path: OPENAPI_PATH,
      tag: 'Operations',
      summary: 'This document',
      access: PUBLIC,
      responses: {
        200: {
          description: 'The OpenAPI 3.1 document.',
          media: { type: 'application/json', schema: { type: 'object' } },
        },
      },
      handle: (_input, _req, res) => {
        document ??= buildOpenApiDocument(served(), apiDescription(version));
        res.set('Cache-Control', 'public, max-age=300').json(document);
      },
    }),
    defineRoute({
      method: 'get',
      path: DOCS_PATH,
      tag: 'Operations',
      summary: 'This document, rendered (Swagger UI, served from the API itself)',
      access: PUBLIC,
      responses: {
        200: { description: 'The docs page.', media: { type: 'text/html', schema: { type: 'string' } } },
      },
      handle: (_input, _req, res) => {
        res
          .set({
            'Content-Security-Policy': PAGE_CONTENT_SECURITY_POLICY,
            'X-Content-Type-Options': 'nosniff',
            'Cache-Control': 'public, max-age=300',
          })
          .type('html')
          .send(DOCS_HTML);
      },
    }),
    defineRoute({
      method: 'get',
      path: `${DOCS_ASSETS_PATH}/:file`,
      tag: 'Operations',
      summary: "The docs page's scripts, stylesheet and icons",
      access: PUBLIC,
      params: z.object({ file: z.string().describe('A file the docs page links to.') }),
      responses: {
        200: { description: 'The file.', media: { type: '*/*', schema: { type: 'string' } } },
        404: { description: "`NOT_FOUND`: not one of the docs page's files.", errors: ['NOT_FOUND'] },
      },
      handle: ({ params }, _req, res) => {
        res.set('X-Content-Type-Options', 'nosniff');
        if (params.file === DOCS_SCRIPT_NAME) {
          res.set('Cache-Control', 'public, max-age=300').type('js').send(DOCS_SCRIPT);
          return;
        }
        const file = docsAssetFile(params.file);
        if (file === null) throw notFound(`No file "${params.file}" here. The docs are at ${DOCS_PATH}.`);
        res.sendFile(file, { maxAge: '1d' });
      },
    }),
  ];
}
