/**
 * The web app as `npm start` serves it, for the browser benchmarks: an API of its own (no worker: no
 * page measured here submits), the production build (built as `npm start` builds it, cached by a hash
 * of its sources) served by `next start` on a free port.
 */
import { buildWeb, freePort, startWeb } from '../../tests/e2e/web-app.js';
import { startPlatform } from './platform.js';

export interface WebPlatform {
  /** `http://127.0.0.1:<port>` of `next start`. */
  url: string;
  stop(): Promise<void>;
}

export async function startWebPlatform(): Promise<WebPlatform> {
  const port = await freePort();
  // The API answers the page's requests only from the origins it is told (CORS), as `npm start` tells it.
  const platform = await startPlatform({
    workers: 0,
    concurrency: 1,
    apiEnv: { WEB_ORIGIN: `http://127.0.0.1:${port}` },
  });
  try {
    buildWeb();
    const web = await startWeb(port, Number(new URL(platform.url).port));
    return {
      url: web.url,
      stop: async () => {
        web.stop();
        await platform.stop();
      },
    };
  } catch (error) {
    await platform.stop();
    throw error;
  }
}
