/** `GET /openapi.json` (the OpenAPI 3.1 document), `GET /docs` (it, rendered) and the page's files. */
import { createRequire } from 'node:module';
import { Router } from 'express';
import { notFound } from '../http/http-error.js';
import { PAGE_CONTENT_SECURITY_POLICY } from '../http/page-security.js';
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

export function openApiRoutes(): Router {
  const router = Router();
  let document: OpenApiDocument | null = null;

  router.get(OPENAPI_PATH, (_req, res) => {
    document ??= buildOpenApiDocument(version);
    res.set('Cache-Control', 'public, max-age=300').json(document);
  });

  router.get(DOCS_PATH, (_req, res) => {
    res
      .set({
        'Content-Security-Policy': PAGE_CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'public, max-age=300',
      })
      .type('html')
      .send(DOCS_HTML);
  });

  router.get(`${DOCS_ASSETS_PATH}/:file`, (req, res) => {
    res.set('X-Content-Type-Options', 'nosniff');
    if (req.params.file === DOCS_SCRIPT_NAME) {
      res.set('Cache-Control', 'public, max-age=300').type('js').send(DOCS_SCRIPT);
      return;
    }
    const file = docsAssetFile(req.params.file);
    if (file === null) throw notFound(`No file "${req.params.file}" here. The docs are at ${DOCS_PATH}.`);
    res.sendFile(file, { maxAge: '1d' });
  });

  return router;
}
