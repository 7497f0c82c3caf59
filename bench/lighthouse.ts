/**
 * Lighthouse (the npm package) on the web app's production build, in Debian's Chromium: the performance
 * score and its metrics for the problem list and the workspace, with Lighthouse's mobile settings
 * (simulated slow 4G and a 4× slower CPU) and its desktop ones, the median of several runs each, and
 * the accessibility score beside them. Starts its own API (no worker: no page here submits), builds the
 * web as `npm start` does and serves it with `next start`. Prints a Markdown table; a full run also
 * writes it to docs/PERFORMANCE.md.
 *
 *   npm run bench:lighthouse -- [--runs 3] [--no-write]
 */
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { LoadWatch, publish, type Table } from './support/report.js';
import { startWebPlatform } from './support/web-platform.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'no-write': { type: 'boolean', default: false },
  },
});
const RUNS = Math.max(1, Number(values.runs));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PAGES = [
  { name: 'problem list', path: '/problems' },
  { name: 'workspace (Two Sum)', path: '/problems/two-sum' },
];

interface Sample {
  performance: number;
  accessibility: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  si: number;
  tti: number;
}

const median = (list: number[]): number => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

async function audit(url: string, port: number, form: 'mobile' | 'desktop'): Promise<Sample> {
  const result = await lighthouse(
    url,
    { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
    form === 'desktop' ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`lighthouse gave no result for ${url}`);
  const { categories, audits } = result.lhr;
  const value = (id: string) => audits[id]?.numericValue ?? NaN;
  return {
    performance: Math.round((categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
    fcp: value('first-contentful-paint'),
    lcp: value('largest-contentful-paint'),
    tbt: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    si: value('speed-index'),
    tti: value('interactive'),
  };
}

async function main(): Promise<void> {
  const load = new LoadWatch();
  const web = await startWebPlatform();
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const rows: string[][] = [];
    for (const form of ['mobile', 'desktop'] as const) {
      for (const page of PAGES) {
        const url = `${web.url}${page.path}`;
        await audit(url, chrome.port, form); // warms the server's caches; not counted
        const samples: Sample[] = [];
        for (let run = 0; run < RUNS; run += 1) samples.push(await audit(url, chrome.port, form));
        const m = (key: keyof Sample) => median(samples.map((sample) => sample[key]));
        rows.push([
          page.name,
          form,
          `${m('performance')} (${samples.map((sample) => sample.performance).join(', ')})`,
          `${(m('fcp') / 1000).toFixed(2)} s`,
          `${(m('lcp') / 1000).toFixed(2)} s`,
          `${Math.round(m('tbt'))} ms`,
          m('cls').toFixed(3),
          `${(m('si') / 1000).toFixed(2)} s`,
          `${(m('tti') / 1000).toFixed(2)} s`,
          String(m('accessibility')),
        ]);
        console.error(`${page.name}, ${form}: performance ${m('performance')}`);
      }
    }
    const table: Table = {
      title: `Lighthouse ${RUNS} runs per row after one warm-up, medians (each run's performance score in brackets).`,
      header: [
        'page',
        'settings',
        'performance',
        'FCP',
        'LCP',
        'TBT',
        'CLS',
        'Speed Index',
        'TTI',
        'accessibility',
      ],
      align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      rows,
    };
    await publish({
      name: 'lighthouse',
      command: `npm run bench:lighthouse -- --runs ${RUNS}`,
      tables: [table],
      load,
      write: !values['no-write'],
      notes: [
        '',
        "Mobile: Lighthouse's default (simulated slow 4G, 4× CPU slowdown, a 412×823 phone); desktop: its " +
          'desktop preset. The production build served by `next start` on this machine, Chromium from Debian.',
      ],
    });
  } finally {
    await chrome?.kill();
    await web.stop();
  }
}

await main();
