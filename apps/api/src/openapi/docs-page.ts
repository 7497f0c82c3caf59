/**
 * The `/docs` page: Swagger UI from the `swagger-ui-dist` package, served by the API itself (no
 * CDN), rendering `/openapi.json`. Only the files the page uses are served, from the package's
 * folder; the page's own start-up script is one of them, so the Content-Security-Policy can allow
 * scripts from this origin only. Swagger UI's remote spec validator and `?url=` configuration are
 * off: the page never loads anything but this API's document.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const DOCS_PATH = '/docs';
export const DOCS_ASSETS_PATH = '/docs/assets';
export const OPENAPI_PATH = '/openapi.json';

const packageFolder = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** Files of swagger-ui-dist the page links to, by the name it uses. */
const PACKAGE_FILES = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png', 'favicon-16x16.png'];

/** The page's start-up script, served as `/docs/assets/docs.js`. */
export const DOCS_SCRIPT_NAME = 'docs.js';
export const DOCS_SCRIPT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(OPENAPI_PATH)},
    dom_id: '#swagger-ui',
    deepLinking: true,
    queryConfigEnabled: false,
    validatorUrl: null,
    withCredentials: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
`;

/** The absolute path of a package file the page may load, or null. */
export function docsAssetFile(name: string): string | null {
  return PACKAGE_FILES.includes(name) ? join(packageFolder, name) : null;
}

export const DOCS_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Arbiter API</title>
    <link rel="stylesheet" href="${DOCS_ASSETS_PATH}/swagger-ui.css" />
    <link rel="icon" type="image/png" href="${DOCS_ASSETS_PATH}/favicon-32x32.png" sizes="32x32" />
    <link rel="icon" type="image/png" href="${DOCS_ASSETS_PATH}/favicon-16x16.png" sizes="16x16" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${DOCS_ASSETS_PATH}/swagger-ui-bundle.js"></script>
    <script src="${DOCS_ASSETS_PATH}/${DOCS_SCRIPT_NAME}"></script>
  </body>
</html>
`;
