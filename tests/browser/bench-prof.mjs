// `./dev bench`: the page's budgets (issue 7), measured on the release build
// served locally with gzip, in headless Chromium. A benchmark: it reports the
// figures (and writes target/bench/browser.json); it fails on nothing.
//
//   first load   bytes transferred (compressed bodies) for the default view,
//                prices included, cold cache; each further region's file
//   chart        navigation start to the hours chart in the DOM, median of 5 cold loads
//   slider       50 successive hours values by keyboard: the work each input
//                causes before the chart and verdict are updated (p50/p95/max),
//                and input to the next frame against an empty page with one slider;
//                ROUNDS (5) rounds, each on a fresh load, alternating with the
//                empty page so both see the machine in the same state: the
//                figures are the median over the rounds, with each round's range
//
// PROFILE=1 ./dev bench also prints where the slider steps spend their time;
// JS_FLAGS passes V8 flags (JS_FLAGS=--no-liftoff compiles the wasm fully
// optimised up front, which shows what V8's tier-up costs the first steps).
// ROUNDS sets the number of slider rounds.
import fs from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const { CHROMIUM, DIST, BASE_PATH, OUT } = process.env;
const server = await serve(DIST, BASE_PATH, { gzip: true });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', ...(process.env.JS_FLAGS ? [`--js-flags=${process.env.JS_FLAGS}`] : [])],
});
const url = `${server.origin}${BASE_PATH}`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)];
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const ms = (x) => `${x.toFixed(1)} ms`;

// Records when the hours chart first appears, from navigation start.
const watchChart = () => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('#chart-hours .chart-box > svg') && !window.chartAt) {
      window.chartAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

async function coldLoad() {
  const context = await browser.newContext({ locale: 'en-US' });
  await context.addInitScript(watchChart);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.chartAt && document.querySelector('#verdict')?.textContent.startsWith('At'));
  const facts = await page.evaluate(() => {
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    const name = (e) => new URL(e.name).pathname.split('/').pop() || 'index.html';
    return { chartAt: window.chartAt, bytes: entries.reduce((n, e) => n + e.encodedBodySize, 0), files: entries.map((e) => [name(e), e.encodedBodySize]) };
  });
  await context.close();
  return facts;
}

const loads = [];

const firstLoad = loads[0];

// Slider: 50 successive values by keyboard (trusted events, as a person makes them).
// For each input: the time until the verdict and the chart have changed (the
// work), and until the next animation frame starts (input to frame).
const instrument = () => {
  window.samples = [];
  const slider = document.querySelector('#hours');
  // On window, capturing: the first listener of all. Yew listens higher up than
  // the slider, so a listener on the slider itself ran after the page had
  // already changed, saw no change, and measured the wait for the next frame.
  window.addEventListener('input', (event) => {
    if (event.target !== slider) return;
    const start = event.timeStamp;
    const sample = { work: null, frame: null, seen: false };
    window.samples.push(sample);
    const target = document.querySelector('#verdict') ?? slider;
    const observer = new MutationObserver(() => {
      if (sample.work === null) Object.assign(sample, { work: performance.now() - start, seen: true });
      observer.disconnect();
    });
    observer.observe(target, { childList: true, characterData: true, subtree: true });
    // A message posted from the next animation frame arrives once that frame is rendered.
    requestAnimationFrame(() => {
      if (sample.work === null) sample.work = performance.now() - start;
      observer.disconnect();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { sample.frame = performance.now() - start; };
      channel.port2.postMessage(0);
    });
  }, { capture: true });
};
async function slide(p, selector) {
  await p.evaluate(instrument);
  await p.focus(selector);
  await p.keyboard.press('Home');
  await p.evaluate(() => { window.samples = []; });
  for (let i = 0; i < Number(process.env.STEPS ?? 50); i++) {
    await p.keyboard.press('ArrowRight');
    await p.waitForFunction((n) => window.samples.length === n && window.samples[n - 1].frame !== null, i + 1);
  }
  return p.evaluate(() => window.samples);
}
// PROFILE=1: a CPU profile of the slider steps, by self time (wasm functions
// are nameless in the stripped build; the JS glue says which DOM call it is).
async function profiled(p, run) {
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const samples = await run();
  const { profile } = await cdp.send('Profiler.stop');
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const { functionName, url } = nodes.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  console.log('slider profile (first round), self time over 50 steps:');
  for (const [key, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(`${t.toFixed(1).padStart(9)} ms  ${key}`);
  return samples;
}

async function appRound(round) {
  const ctx = await browser.newContext({ locale: 'en-US' });
  const p = await ctx.newPage();
  await p.goto(url);
  await p.waitForFunction(() => document.querySelector('#chart-hours .chart-box > svg') && !document.querySelector('.status:not(.notice)'));
  const samples = process.env.PROFILE && round === 0 ? await profiled(p, () => slide(p, '#hours')) : await slide(p, '#hours');
  await ctx.close();
  return samples;
}

// The same measurement on an empty page with one slider.
async function emptyRound() {
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  await p.setContent('<input id="hours" type="range" min="0" max="730" step="1"><p id="verdict"></p>');
  await p.evaluate(() => document.querySelector('#hours').addEventListener('input', (e) => { document.querySelector('#verdict').textContent = e.target.value; }));
  const samples = await slide(p, '#hours');
  await ctx.close();
  return samples;
}

await appRound(0);
await browser.close();
await server.close();
