// The release build, served on 127.0.0.1 under a sub-path, driven in headless
// Chromium the way a person uses it: keyboard and mouse on the real controls.
// Expected numbers are worked out by hand from the us-east-1 AmazonECS offer
// (2025-08-28): Linux/x86 $0.04048 per vCPU-hour and $0.004445 per GB-hour,
// Linux/ARM $0.03238 and $0.00356, Windows $0.046552 and $0.00511175 plus an
// OS licence of $0.046 per vCPU-hour.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const { CHROMIUM, DIST, BASE_PATH } = process.env;
assert.ok(CHROMIUM && DIST && BASE_PATH, 'run through ./dev test (it sets CHROMIUM, DIST and BASE_PATH)');
const ARTIFACTS = path.join(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), 'artifacts');
const WAIT = { timeout: 15_000 };

let server;
let browser;
let page;
const consoleErrors = [];
const offOrigin = [];
const failedResponses = [];

before(async () => {
  server = await serve(DIST, BASE_PATH);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  // A fresh context is a fresh profile: no cache, no storage.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('data:') && new URL(url).origin !== server.origin) offOrigin.push(url);
  });
  page.on('response', (r) => { if (r.status() >= 400) failedResponses.push(`${r.status()} ${r.url()}`); });
  await page.goto(server.origin + BASE_PATH);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Waits until the element's text is `expected`, then asserts it (so a wrong
// value fails with both values shown, not a bare timeout).
async function expectText(selector, expected) {
  await page.waitForFunction(
    ([sel, want]) => document.querySelector(sel)?.textContent.trim() === want,
    [selector, expected], WAIT,
  ).catch(() => {});
  const actual = (await page.locator(selector).textContent({ timeout: 1000 }).catch(() => null))?.trim();
  assert.equal(actual, expected, `text of ${selector}`);
}

async function chartTexts() {
  return (await page.locator('#chart-hours svg text').allTextContents()).map((t) => t.trim());
}

// The current-hours marker: the chart's only grey (#6E6E6E) line. Its left edge
// in the SVG's own coordinates.
async function markerX() {
  return page.evaluate(() => {
    const marker = [...document.querySelectorAll('#chart-hours svg [stroke]')]
      .find((el) => el.getAttribute('stroke').toUpperCase() === '#6E6E6E');
    return marker ? marker.getBBox().x : null;
  });
}

async function pressTimes(selector, key, times) {
  await page.focus(selector);
  for (let i = 0; i < times; i += 1) await page.keyboard.press(key);
}

test('first load shows ten 1 vCPU / 2 GiB tasks all month, with real prices', async () => {
  // x86: 10 tasks × 730 h × (1 × 0.04048 + 2 × 0.004445 = 0.04937) = $360.401
  await expectText('#monthly-linux-x86', '$360.40');
  // ARM: 7300 × (0.03238 + 2 × 0.00356 = 0.0395) = $288.35
  await expectText('#monthly-linux-arm', '$288.35');
  // Windows: 7300 × (0.046552 + 2 × 0.00511175 + 0.046 = 0.1027755) = $750.26115
  await expectText('#monthly-windows', '$750.26');
  await expectText('#task-hour-linux-x86', '$0.04937');
  await expectText('label[for=hours] output', '730 h (100% of the month)');
  const source = await page.locator('#source-linux-x86').textContent();
  assert.match(source, /AmazonECS offer for us-east-1.*as of 2025-08-28 \(published by AWS\)/);
});

test('switching region reprices from that region and says where each price came from', async () => {
  await page.selectOption('#region', 'eu-central-1');
  // eu-central-1 x86 (a 2026 copy of AWS's price): 7300 task-hours × (0.04656 + 2 × 0.00511 = 0.05678) = $414.494
  await expectText('#monthly-linux-x86', '$414.49');
  // ARM derived: x86 × us-east-1's ARM/x86 ratios: 0.04656 × 0.03238/0.04048 + 2 × 0.00511 × 0.00356/0.004445
  // = 0.0372434 + 2 × 0.0040926 = 0.0454286 per task-hour; × 7300 = $331.63
  await expectText('#monthly-linux-arm', '$331.63');
  await expectText('#row-windows td', 'no published price in this region');
  assert.match(await page.locator('#source-linux-arm').textContent(), /derived.*ARM\/x86 ratio published for us-east-1/);
  assert.equal(await page.locator('#source-linux-arm.derived').count(), 1, 'derived values are marked');
  assert.match(await page.locator('.lede').textContent(), /in eu-central-1\.$/);
  // A region with no known Fargate price says so instead of showing zeros.
  await page.selectOption('#region', 'ap-southeast-7');
  await expectText('#row-linux-x86 td', 'no published price in this region');
  assert.match(await page.locator('.lede').textContent(), /No Fargate prices are known/);
  await page.selectOption('#region', 'us-east-1');
  await expectText('#monthly-linux-x86', '$360.40');
});

test('the sources page and per-region price files are served beside the app', async () => {
  const sources = await page.evaluate(async () => {
    const link = document.querySelector('a[href$="SOURCES.md"]');
    const res = await fetch(link.href);
    return { status: res.status, text: await res.text() };
  });
  assert.equal(sources.status, 200);
  assert.match(sources.text, /# Sources of the bundled prices/);
  const region = await page.evaluate(async () => {
    const res = await fetch('pricing/regions/eu-central-1/linux-x86.json');
    return { status: res.status, json: await res.json() };
  });
  assert.equal(region.status, 200);
  assert.equal(region.json.region, 'eu-central-1');
  assert.ok(region.json.rows.length > 100, 'EC2 prices for eu-central-1');
});

test('the chart is a visible inline SVG with a line per platform', async () => {
  const svg = page.locator('#chart-hours svg');
  await svg.waitFor(WAIT);
  const facts = await svg.evaluate((el) => {
    const x86 = [...el.querySelectorAll('[stroke]')].find((l) => l.getAttribute('stroke').toUpperCase() === '#0072B2');
    return {
      isSvg: el instanceof SVGSVGElement,
      width: el.getBoundingClientRect().width,
      height: el.getBoundingClientRect().height,
      lineWidth: x86 ? x86.getBBox().width : 0,
    };
  });
  assert.ok(facts.isSvg, 'the chart is a real SVG element, not HTML-namespaced');
  assert.ok(facts.width > 500 && facts.height > 250, `chart rendered at ${facts.width}×${facts.height}`);
  assert.ok(facts.lineWidth > 300, `the x86 line spans the chart (${facts.lineWidth})`);
  const texts = await chartTexts();
  for (const label of ['Fargate Linux/x86', 'Fargate Linux/ARM', 'Fargate Windows', '$360.40', '$288.35', '$750.26']) {
    assert.ok(texts.includes(label), `chart shows ${label}: ${texts.join(' | ')}`);
  }
});

test('the hours slider moves by keyboard and the chart and costs follow', async () => {
  await page.focus('#hours');
  await page.keyboard.press('Home');
  await expectText('label[for=hours] output', '0 h (0% of the month)');
  await expectText('#monthly-linux-x86', '$0.00');
  const x0 = await markerX();

  await page.keyboard.press('End');
  await expectText('label[for=hours] output', '730 h (100% of the month)');
  const x730 = await markerX();
  assert.ok(x730 - x0 > 400, `marker moved across the chart (${x0} → ${x730})`);

  await page.keyboard.press('Home');
  await pressTimes('#hours', 'ArrowRight', 100);
  await expectText('label[for=hours] output', '100 h (14% of the month)');
  // x86: 10 × 100 × 0.04937 = $49.37; ARM: 1000 × 0.0395 = $39.50; Windows: 1000 × 0.1027755 = $102.7755
  await expectText('#monthly-linux-x86', '$49.37');
  await expectText('#monthly-linux-arm', '$39.50');
  await expectText('#monthly-windows', '$102.78');
  const texts = await chartTexts();
  assert.ok(texts.includes('$49.37') && texts.includes('$102.78'), `chart values at 100 h: ${texts.join(' | ')}`);
  const x100 = await markerX();
  const expected = x0 + ((x730 - x0) * 100) / 730;
  assert.ok(Math.abs(x100 - expected) <= 1.5, `marker at 100 h is at ${x100}, expected ${expected.toFixed(1)}`);
});

test('dragging the hours slider with the mouse updates the cost to match', async () => {
  const box = await page.locator('#hours').boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 4, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i += 1) await page.mouse.move(box.x + (box.width * i) / 20, y);
  await page.mouse.up();
  const label = await page.locator('label[for=hours] output').textContent();
  const hours = Number(label.match(/^(\d+) h/)[1]);
  assert.ok(hours > 250 && hours < 480, `dragged to about half the month, got ${hours} h`);
  // The table must show 10 × hours × $0.04937 for x86, to the cent.
  const exact = 10 * hours * 0.04937;
  await page.waitForFunction(
    (want) => Math.abs(Number(document.querySelector('#monthly-linux-x86').textContent.replace(/[$,]/g, '')) - want) < 0.006,
    exact, WAIT,
  ).catch(() => {});
  const shown = Number((await page.locator('#monthly-linux-x86').textContent()).replace(/[$,]/g, ''));
  assert.ok(Math.abs(shown - exact) < 0.006, `x86 monthly at ${hours} h: shown ${shown}, exact ${exact}`);
});

test('task size sliders stop only on valid Fargate sizes', async () => {
  // Back to 100 h for round numbers.
  await page.focus('#hours');
  await page.keyboard.press('Home');
  await pressTimes('#hours', 'ArrowRight', 100);
  await expectText('label[for=hours] output', '100 h (14% of the month)');

  await page.focus('#cpu');
  await page.keyboard.press('Home');
  await expectText('label[for=cpu] output', '0.25 vCPU');
  // 2 GiB is still valid with 0.25 vCPU, so memory stays.
  await expectText('label[for=memory] output', '2 GiB');
  // 0.25 × 0.04048 + 2 × 0.004445 = 0.01012 + 0.00889 = $0.01901 per task-hour; × 1000 task-hours = $19.01
  await expectText('#task-hour-linux-x86', '$0.01901');
  await expectText('#monthly-linux-x86', '$19.01');
  await expectText('#row-windows td', 'not offered below 1 vCPU');
  assert.ok(!(await chartTexts()).includes('Fargate Windows'), 'no Windows line below 1 vCPU');

  await page.focus('#memory');
  await page.keyboard.press('Home');
  await expectText('label[for=memory] output', '0.5 GiB');
  // 0.01012 + 0.5 × 0.004445 = $0.0123425 per task-hour; × 1000 = $12.3425
  await expectText('#monthly-linux-x86', '$12.34');
  await page.keyboard.press('ArrowRight');
  await expectText('label[for=memory] output', '1 GiB');
  await page.keyboard.press('End');
  await expectText('label[for=memory] output', '2 GiB');

  await page.focus('#cpu');
  await page.keyboard.press('End');
  await expectText('label[for=cpu] output', '16 vCPU');
  // 16 vCPU allows 32–120 GiB: the nearest to 2 GiB is 32 GiB.
  await expectText('label[for=memory] output', '32 GiB');
  await page.focus('#memory');
  await page.keyboard.press('End');
  await expectText('label[for=memory] output', '120 GiB');
  // 16 × 0.04048 + 120 × 0.004445 = 0.64768 + 0.5334 = $1.18108 per task-hour; × 1000 = $1,181.08
  await expectText('#monthly-linux-x86', '$1,181.08');
});

test('the task count changes every cost in proportion', async () => {
  await page.fill('#tasks', '3');
  // 3 tasks × 100 h × $1.18108 = $354.324
  await expectText('#monthly-linux-x86', '$354.32');
  // Windows: 16 × 0.046552 + 120 × 0.00511175 + 16 × 0.046 = 0.744832 + 0.61341 + 0.736 = 2.094242; × 300 = $628.2726
  await expectText('#monthly-windows', '$628.27');
});

test('the phone layout stacks the controls above the chart', async () => {
  await page.setViewportSize({ width: 375, height: 800 });
  const controls = await page.locator('form.controls').boundingBox();
  const chart = await page.locator('#chart-hours svg').boundingBox();
  assert.ok(chart.y > controls.y + controls.height - 1, 'chart below the controls');
  assert.ok(chart.width <= 375 && chart.width > 300, `chart fits the phone width (${chart.width})`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px too wide)`);
  await fs.mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: path.join(ARTIFACTS, 'desktop.png'), fullPage: true });
});

test('no console errors, no failed or off-origin requests', () => {
  assert.deepEqual(consoleErrors, [], 'console errors');
  assert.deepEqual(failedResponses, [], 'failed responses');
  assert.deepEqual(offOrigin, [], 'requests off the page origin');
});
