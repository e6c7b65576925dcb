// Accessibility, checked by axe-core (npm) in the release build: the full page
// and the embed, in English and Chinese, light and dark, must have no
// violation of any impact. Run by `./dev test` beside explorer.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { serve, TEST_BROWSER_ARGS } from './server.mjs';

const { CHROMIUM, DIST, BASE_PATH } = process.env;
assert.ok(CHROMIUM && DIST && BASE_PATH, 'run through ./dev test (it sets CHROMIUM, DIST and BASE_PATH)');
const AXE = await fs.readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WAIT = { timeout: 15_000 };

let server;
let browser;

before(async () => {
  server = await serve(DIST, BASE_PATH);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: TEST_BROWSER_ARGS,
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// axe's findings as lines a person can act on: rule, impact, what it wants, where.
function described(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('; ')}`);
}

for (const embed of [false, true]) {
  for (const lang of ['en', 'zh']) {
    for (const scheme of ['light', 'dark']) {
      const name = `${embed ? 'the embed' : 'the full page'}, ${lang}, ${scheme}`;
      test(`axe finds no violation: ${name}`, async () => {
        // axe is injected as a script, which the page's own CSP would refuse.
        const context = await browser.newContext({ locale: lang === 'zh' ? 'zh-CN' : 'en-US', colorScheme: scheme, bypassCSP: true, viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${server.origin}${BASE_PATH}?lang=${lang}&v=1${embed ? '&embed=1' : ''}`);
        // The answer drawn, nothing waiting: the page as a person reads it.
        await page.waitForFunction(() => document.querySelector('#chart-hours svg') && !document.querySelector('[aria-busy]'), null, WAIT);
        await page.evaluate(AXE);
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        assert.deepEqual(described(result.violations), [], name);
        // And the rules really ran on this page (a broken injection would find nothing).
        assert.ok(result.passes.length > 20, `${name}: only ${result.passes.length} rules passed`);
        await context.close();
      });
    }
  }
}
