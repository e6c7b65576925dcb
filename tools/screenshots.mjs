// The README's pictures, taken from the release build the way a person sees
// it: `./dev screenshots` builds, serves it on 127.0.0.1 and writes
//   docs/explorer.png  the full page's first screen at 1280 × 900, default view;
//   docs/embed.png     an 800 px wide article with the embed snippet in it.
// Run it again after a change to the page; the pictures are committed.
import path from 'node:path';
import { chromium } from '../tests/browser/node_modules/playwright-core/index.mjs';
import { serve, TEST_BROWSER_ARGS } from '../tests/browser/server.mjs';

const { CHROMIUM, DIST, BASE_PATH, OUT } = process.env;
if (!CHROMIUM || !DIST || !BASE_PATH || !OUT) throw new Error('run through ./dev screenshots');
const WAIT = { timeout: 30_000 };

const server = await serve(DIST, BASE_PATH);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: TEST_BROWSER_ARGS,
});
// Ready: the charts drawn and placed, nothing waiting for a burst to end.
const ready = (frame) => frame.waitForFunction(() => document.querySelector('#chart-hours svg') && !document.querySelector('[aria-busy]'), null, WAIT);
try {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(`${server.origin}${BASE_PATH}`);
  await ready(page);
  await page.screenshot({ path: path.join(OUT, 'explorer.png') });

  const article = await browser.newContext({ locale: 'en-US', viewport: { width: 800, height: 1000 }, colorScheme: 'light' });
  const host = await article.newPage();
  // A link of the current version (share_link::VERSION): an older one opens with a notice.
  const src = `${server.origin}${BASE_PATH}?tasks=25&hours=630&v=2&embed=1`;
  await host.setContent(`<!doctype html><html><body style="margin:0;font-family:sans-serif"><h1 style="margin:8px">An article</h1>
    <iframe src="${src}" title="Fargate or EC2: where is the break-even?" width="100%" height="900" style="border:0;max-width:900px"></iframe></body></html>`);
  await ready(host.frames().find((f) => f.url().includes('embed=1')) ?? host.mainFrame());
  await host.screenshot({ path: path.join(OUT, 'embed.png') });
  console.log(`wrote ${path.join(OUT, 'explorer.png')} and ${path.join(OUT, 'embed.png')}`);
} finally {
  await browser.close();
  await server.close();
}
