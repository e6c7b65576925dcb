// `./dev bench`: the page's budgets (issue 7), measured on the release build
// served locally with gzip, in headless Chromium. A benchmark: it reports the
// figures (and writes target/bench/browser.json); it fails on nothing.
//
//   first load   bytes transferred (compressed bodies) for the default view,
//                prices included, cold cache; each further region's file
//   chart        navigation start to the hours chart in the DOM, median of 5 cold loads
//   sliders      each slider (hours, vCPU, memory, CPU use), 50 successive
//                values by keyboard, back and forth across its range, after
//                the first change that begins the drag (its work is
//                reported apart: every view follows it at once): the
//                work each input causes before the chart and verdict are
//                updated (p50/p95/max), and input to the next frame against
//                an empty page with one slider of the same range, and the
//                frames dropped (the first frame to begin after the input did
//                not show the change); ROUNDS (5) rounds per slider, each on a
//                fresh load, alternating with the empty page so both see the
//                machine in the same state: the figures are the median over
//                the rounds, with each round's range
//
// SLIDERS=cpu,memory measures only those sliders (by id, or by selector: a
// week's bar, SLIDERS='#week-bars rect[data-hour="10"]' with a QUERY that has a week).
// PROFILE=1 ./dev bench also prints where the first slider's steps spend their time;
// TRACE=1 adds a traced round of the first slider: the renderer's main thread per step, its CPU
// time (the page's own cost, whatever else the machine does) against its wall
// time (the rest is time it was ready to run and waited for a core);
// JS_FLAGS passes V8 flags (JS_FLAGS=--no-liftoff compiles the wasm fully
// optimised up front, which shows what V8's tier-up costs the first steps).
// SLOWDOWN=2 runs both pages' main threads twice as slow (DevTools' CPU
// throttling): the budgets on a slower machine, or this one in a slow hour.
// ROUNDS sets the number of slider rounds. SETTLE_MS=1500 waits that long
// once the slider is reached (focused, which scrolls it into view, and set to
// its start) before the first step, as a person would: the browser has then
// drawn what the scroll revealed and V8 has finished the work of loading,
// though the slider's own code still starts unoptimised (the default starts at
// once: the harder case).
import fs from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve, WITHOUT_OMNIBOX_POPUPS } from './server.mjs';

const { CHROMIUM, DIST, BASE_PATH, OUT } = process.env;
const server = await serve(DIST, BASE_PATH, { gzip: true });
// The omnibox popups are off (server.mjs says why); BROWSER_UI=1 keeps them
// (every figure measured before they were turned off, up to the afternoon of
// 2026-11-26, had them).
const browserUi = process.env.BROWSER_UI ? [] : [WITHOUT_OMNIBOX_POPUPS];
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', ...browserUi, ...(process.env.JS_FLAGS ? [`--js-flags=${process.env.JS_FLAGS}`] : [])],
});
// QUERY='?service=…' measures another view than the default one (a cluster of services, say).
const url = `${server.origin}${BASE_PATH}${process.env.QUERY ?? ''}`;
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
for (let i = 0; i < 5; i++) loads.push(await coldLoad());
const firstLoad = loads[0];

// Each further region: its EC2 file, compressed, as fetched.
const context = await browser.newContext({ locale: 'en-US' });
const page = await context.newPage();
await page.goto(url);
await page.locator('#chart-hours .chart-box > svg').waitFor();
const regionBytes = [];
for (const code of ['eu-west-1', 'ap-southeast-1', 'sa-east-1']) {
  await page.selectOption('#region', code);
  const bytes = await page.waitForFunction((c) => {
    const entry = performance.getEntriesByType('resource').find((e) => e.name.includes(`/regions/${c}/`));
    return entry && entry.responseEnd > 0 && !document.querySelector('.status:not(.notice)') && entry.encodedBodySize;
  }, code);
  regionBytes.push([code, await bytes.jsonValue()]);
}
await context.close();

// Slider: 50 successive values by keyboard (trusted events, as a person makes them).
// For each input: the time until the verdict and the chart have changed (the
// work), and until the next animation frame starts (input to frame).
const instrument = (selector) => {
  window.samples = [];
  const slider = document.querySelector(selector);
  // A range input says each step with `input`; a week's bar (an ARIA slider) only has the key.
  const type = slider instanceof HTMLInputElement ? 'input' : 'keydown';
  // On window, capturing: the first listener of all. Yew listens higher up than
  // the slider, so a listener on the slider itself ran after the page had
  // already changed, saw no change, and measured the wait for the next frame.
  window.addEventListener(type, (event) => {
    if (event.target !== slider) return;
    const start = event.timeStamp;
    const sample = { work: null, frame: null, seen: false };
    window.samples.push(sample);
    // The verdict, the chart or the slider's own output: a step of a slider
    // that moves no total (CPU use on a fleet without burstable types)
    // changes only the last two, and Yew changes them all in one pass.
    const target = document.body;
    const observer = new MutationObserver(() => {
      if (sample.work === null) Object.assign(sample, { work: performance.now() - start, seen: true });
      observer.disconnect();
    });
    observer.observe(target, { childList: true, characterData: true, subtree: true });
    // A message posted from the next animation frame arrives once that frame is rendered.
    requestAnimationFrame((frameStart) => {
      // When the frame that shows the change began (its vsync), from the input.
      sample.begun = frameStart - start;
      if (sample.work === null) sample.work = performance.now() - start;
      observer.disconnect();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { sample.frame = performance.now() - start; };
      channel.port2.postMessage(0);
    });
  }, { capture: true });
};
/** A slider's [min, max] positions: a range input's, or an ARIA slider's (a week's bar). */
const rangeOf = (p, selector) => p.$eval(selector, (el) => (el instanceof HTMLInputElement
  ? [Number(el.min), Number(el.max)]
  : [Number(el.getAttribute('aria-valuemin')), Number(el.getAttribute('aria-valuemax'))]));
const valueOf = (p, selector) => p.$eval(selector, (el) => (el instanceof HTMLInputElement ? el.value : el.getAttribute('aria-valuenow')));
// A range input steps with ← →; a week's bar with ↑ ↓ (← → move to the next hour).
const keysOf = async (p, selector) => ((await p.$eval(selector, (el) => el instanceof HTMLInputElement)) ? ['ArrowRight', 'ArrowLeft'] : ['ArrowUp', 'ArrowDown']);
// A drag begins with Home (End where the slider is already at its start): a
// first change after a pause, which every view follows at once (the table
// and the task-count chart too: src/app/settle.rs), so it is not one of the
// drag's steps. Then 50 steps back and forth across the range: a slider with
// seven positions (vCPU) turns at each end, so every step changes the value.
async function slide(p, selector, settleMs = 0) {
  await p.evaluate(instrument, selector);
  await p.focus(selector);
  const value = () => valueOf(p, selector);
  const [up, down] = await keysOf(p, selector);
  const before = await value();
  await p.keyboard.press('Home');
  const fromEnd = (await value()) === before;
  if (fromEnd) await p.keyboard.press('End');
  await p.waitForFunction(() => window.samples.length > 0 && window.samples.at(-1).frame !== null);
  await p.evaluate(() => { window.firstChange = window.samples.at(-1); });
  // A fixed pause on purpose: it stands for a person, not for a condition.
  if (settleMs) await p.waitForTimeout(settleMs);
  await p.evaluate(() => { window.samples = []; });
  const [min, max] = await rangeOf(p, selector);
  let [at, direction] = fromEnd ? [max, -1] : [min, 1];
  for (let i = 0; i < 50; i++) {
    if (at + direction > max || at + direction < min) direction = -direction;
    at += direction;
    await p.keyboard.press(direction > 0 ? up : down);
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
  for (const [key, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${t.toFixed(1).padStart(9)} ms  ${key}`);
  return samples;
}

// The hours chart is in the page and no load is pending or failed.
const chartShown = (p) => p.waitForFunction(() => document.querySelector('#chart-hours .chart-box > svg') && !document.querySelector('.status:not(.notice)'));

// TRACE=1: one more round, traced. Per step (from the task that handles its
// input to the one that handles the next's), the main thread's tasks that
// handle the input or render a frame (a task with a PrePaint phase): CPU and
// wall time. Wall minus CPU is time the thread was ready and waited for a core.
async function tracedRound(selector) {
  const ctx = await browser.newContext({ locale: 'en-US' });
  const p = await ctx.newPage();
  const cdp = await ctx.newCDPSession(p);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'devtools.timeline'] }, transferMode: 'ReportEvents' });
  await p.goto(url);
  await chartShown(p);
  await slide(p, selector, SETTLE_MS);
  await cdp.send('Tracing.end');
  await complete;
  await ctx.close();
  const inputs = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input').slice(-50);
  const { pid, tid } = inputs[0];
  const onMain = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');
  const inside = (e, task) => task.ts <= e.ts && e.ts < task.ts + task.dur;
  const marks = [...inputs, ...onMain.filter((e) => e.name === 'PrePaint')];
  const tasks = onMain.filter((t) => t.name === 'ThreadControllerImpl::RunTask' && marks.some((e) => inside(e, t)));
  // Chromium's own event names: another version may call its tasks otherwise.
  if (!tasks.length) console.warn('TRACE: no ThreadControllerImpl::RunTask around the steps; the traced figures below are zero');
  // What else ran meanwhile: the renderer's other threads (V8's background
  // compiles, raster, the compositor).
  const isTask = (e) => e.ph === 'X' && (e.name === 'ThreadPool_RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const others = events.filter((e) => e.pid === pid && e.tid !== tid && isTask(e));
  // And the browser's other processes (its own UI, the GPU process's compositor, other renderers).
  const elsewhere = events.filter((e) => e.pid !== pid && isTask(e));
  const starts = inputs.map((e) => tasks.find((t) => inside(e, t))?.ts ?? e.ts);
  const sum = (list, key) => list.reduce((total, t) => total + (t[key] ?? 0), 0) / 1000;
  // Where the main thread's CPU went: the input's handling (the wasm and its
  // DOM calls), and the frame's phases (Paint events nest: the outermost only).
  const paints = onMain.filter((e) => e.name === 'Paint');
  const phases = {
    input: inputs,
    style: onMain.filter((e) => e.name === 'UpdateLayoutTree'),
    layout: onMain.filter((e) => e.name === 'Layout'),
    paint: paints.filter((e) => !paints.some((outer) => outer !== e && inside(e, outer))),
  };
  return starts.map((start, k) => {
    const during = (t) => t.ts >= start && t.ts < (starts[k + 1] ?? Infinity);
    const mine = tasks.filter(during);
    const step = { cpu: sum(mine, 'tdur'), wall: sum(mine, 'dur'), others: sum(others.filter(during), 'tdur'), elsewhere: sum(elsewhere.filter(during), 'tdur') };
    for (const [phase, list] of Object.entries(phases)) step[phase] = sum(list.filter(during), 'tdur');
    return step;
  });
}

// SLOWDOWN (see the top) throttles the app's and the empty page's alike.
const SLOWDOWN = Number(process.env.SLOWDOWN ?? 1);
async function newPage(ctx) {
  const p = await ctx.newPage();
  if (SLOWDOWN !== 1) await (await ctx.newCDPSession(p)).send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
  return p;
}

async function appRound(selector, profile) {
  const ctx = await browser.newContext({ locale: 'en-US' });
  const p = await newPage(ctx);
  await p.goto(url);
  await chartShown(p);
  const samples = profile ? await profiled(p, () => slide(p, selector, SETTLE_MS)) : await slide(p, selector, SETTLE_MS);
  const range = await rangeOf(p, selector);
  const first = await p.evaluate(() => window.firstChange);
  await ctx.close();
  return { samples, range, first };
}

// The same measurement on an empty page with one slider of the same range.
async function emptyRound([min, max]) {
  const ctx = await browser.newContext();
  const p = await newPage(ctx);
  await p.setContent(`<input id="slider" type="range" min="${min}" max="${max}" step="1"><p id="verdict"></p>`);
  await p.evaluate(() => document.querySelector('#slider').addEventListener('input', (e) => { document.querySelector('#verdict').textContent = e.target.value; }));
  const samples = await slide(p, '#slider');
  await ctx.close();
  return samples;
}

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 0);
const SLIDERS = (process.env.SLIDERS ?? 'hours,cpu,memory,cpu-use').split(',');
// A slider by id, or by any other selector (a week's bar: '#week-bars rect[data-hour="10"]').
const selectorOf = (id) => (/^[\w-]+$/.test(id) ? `#${id}` : id);
// Per round: p50/p95/max of one 50-step sweep; reported as the median over rounds.
const stats = (xs) => ({ p50: median(xs), p95: quantile(xs, 0.95), max: Math.max(...xs), each: xs.map((x) => Math.round(x * 10) / 10) });
const overRounds = (rounds, pick) => {
  const each = rounds.map((r) => stats(pick(r)));
  const of = (k) => ({ median: median(each.map((e) => e[k])), min: Math.min(...each.map((e) => e[k])), max: Math.max(...each.map((e) => e[k])) });
  return { p50: of('p50'), p95: of('p95'), max: of('max'), rounds: each };
};
// A dropped frame: the first frame to begin after the input did not show the
// change. Frames begin on a 60 Hz grid (headless Chromium's pace), which the
// frame that showed it gives (its rAF time, `begun`, from the input: negative
// when it had begun before the input came and the input was handled first).
// Dropped when that frame began more than an interval after the input (one
// went by without the change), or when its main-thread part (the change,
// style, layout, paint) ended after the interval of the first frame to begin
// after the input had passed. 1 ms of slack for the clocks' coarseness.
const FRAME_MS = 1000 / 60;
const firstAfter = (begun) => (begun >= 0 ? begun : begun + FRAME_MS * Math.ceil(-begun / FRAME_MS));
const isDropped = (s) => s.begun > FRAME_MS + 1 || s.frame > firstAfter(s.begun) + FRAME_MS + 1;
const dropped = (samples) => samples.filter(isDropped).length;
const longest = (samples) => Math.max(...samples.map((s) => s.frame - firstAfter(s.begun)));

/** One slider's figures over its rounds. */
function summarise(rounds) {
  const frame = overRounds(rounds, (r) => r.app.map((s) => s.frame));
  const baseFrame = overRounds(rounds, (r) => r.empty.map((s) => s.frame));
  return {
    work_ms: overRounds(rounds, (r) => r.app.map((s) => s.work)),
    // The drag's first change, after a pause: every view follows it at once.
    first_change_work_ms: rounds.map((r) => r.first.work),
    // The same past the first ten steps, once V8 has tiered the hot wasm up (for
    // reading the figures: the budget is over all 50, from a fresh load).
    work_after_10_steps_ms: overRounds(rounds, (r) => r.app.slice(10).map((s) => s.work)),
    frame_ms: frame,
    empty_page_frame_ms: baseFrame,
    dropped_frames: {
      app: rounds.map((r) => dropped(r.app)),
      empty: rounds.map((r) => dropped(r.empty)),
      latest_begin_ms: Math.max(...rounds.flatMap((r) => r.app.map((s) => s.begun))),
      longest_frame_ms: Math.max(...rounds.map((r) => longest(r.app))),
      empty_longest_frame_ms: Math.max(...rounds.map((r) => longest(r.empty))),
    },
    // The frame budget per round: how far the app's p95 is above the empty page's in the same round.
    frame_p95_gap_ms: rounds.map((_, i) => frame.rounds[i].p95 - baseFrame.rounds[i].p95),
    // Steps whose change the observer did not see are timed to the next frame instead.
    unseen_steps: rounds.flatMap((r) => r.app).filter((s) => !s.seen).length,
  };
}

const sliders = {};
for (const [k, id] of SLIDERS.entries()) {
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) {
    const app = await appRound(selectorOf(id), process.env.PROFILE && k === 0 && r === 0);
    rounds.push({ app: app.samples, first: app.first, empty: await emptyRound(app.range) });
  }
  sliders[id] = summarise(rounds);
}
const traced = process.env.TRACE ? await tracedRound(selectorOf(SLIDERS[0])) : null;
const results = {
  date: new Date().toISOString().slice(0, 10),
  first_load_bytes: firstLoad.bytes,
  first_load_files: firstLoad.files,
  region_file_bytes: Object.fromEntries(regionBytes),
  chart_visible_ms: { median: median(loads.map((l) => l.chartAt)), all: loads.map((l) => Math.round(l.chartAt)) },
  slider_rounds: ROUNDS,
  slider_settle_ms: SETTLE_MS,
  sliders,
  ...(traced ? { traced_main_thread_ms: traced.map((step) => Object.fromEntries(Object.entries(step).map(([k, v]) => [k, Math.round(v * 10) / 10]))) } : {}),
};
await fs.mkdir(path.dirname(OUT), { recursive: true });
await fs.writeFile(OUT, JSON.stringify(results, null, 2) + '\n');

console.log(`first load (compressed, prices included): ${kb(results.first_load_bytes)}   budget 150 KB`);
for (const [file, bytes] of firstLoad.files) console.log(`  ${file.padEnd(48)} ${kb(bytes)}`);
console.log(`each further region: ${regionBytes.map(([c, b]) => `${c} ${kb(b)}`).join(', ')}   budget 15 KB`);
console.log(`navigation start to chart: median ${ms(results.chart_visible_ms.median)} of ${results.chart_visible_ms.all.join(', ')} ms`);
const range = (x) => `${ms(x.median)} (${x.min.toFixed(1)}–${x.max.toFixed(1)})`;
for (const [id, f] of Object.entries(sliders)) {
  const d = f.dropped_frames;
  console.log(`slider ${selectorOf(id)}, ${ROUNDS} rounds of 50 steps${SETTLE_MS ? `, each ${SETTLE_MS} ms after the slider was reached` : ', from the moment the chart appears'}; median over rounds (range):`);
  console.log(`  work per input:             p50 ${range(f.work_ms.p50)}  p95 ${range(f.work_ms.p95)}  max ${range(f.work_ms.max)}   budget p95 8 ms`);
  console.log(`  the drag's first change (the table and task-count chart follow it too), work per round: ${f.first_change_work_ms.map((w) => w.toFixed(1)).join(', ')} ms`);
  console.log(`  the same, steps 11–50:      p50 ${range(f.work_after_10_steps_ms.p50)}  p95 ${range(f.work_after_10_steps_ms.p95)}  max ${range(f.work_after_10_steps_ms.max)}`);
  console.log(`  input to frame:             p50 ${range(f.frame_ms.p50)}  p95 ${range(f.frame_ms.p95)}`);
  console.log(`  empty page, input to frame: p50 ${range(f.empty_page_frame_ms.p50)}  p95 ${range(f.empty_page_frame_ms.p95)}`);
  console.log(`  frame p95 minus the empty page's, per round: ${f.frame_p95_gap_ms.map((g) => g.toFixed(1)).join(', ')} ms   budget 2 ms`);
  console.log(`  dropped frames, per round: ${d.app.join(', ')} of 50 (empty page: ${d.empty.join(', ')}); its frame began at most ${ms(d.latest_begin_ms)} after the input and its rendering ended at most ${ms(d.longest_frame_ms)} after the first frame to begin after the input (empty page: ${ms(d.empty_longest_frame_ms)})`);
  if (f.unseen_steps) console.log(`  (${f.unseen_steps} steps changed nothing the observer saw: timed to the next frame)`);
}
if (traced) {
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const of = (steps, key) => ms(mean(steps.map((s) => s[key])));
  const part = (steps, label) => `${label}: CPU ${of(steps, 'cpu')} (input ${of(steps, 'input')}, style ${of(steps, 'style')}, layout ${of(steps, 'layout')}, paint ${of(steps, 'paint')}), wall ${of(steps, 'wall')}; the renderer's other threads ${of(steps, 'others')}, other processes ${of(steps, 'elsewhere')} of CPU`;
  console.log(`traced round of ${selectorOf(SLIDERS[0])}, per step (mean), the main thread's input and frame tasks:`);
  console.log(`    ${part(traced.slice(0, 10), 'steps 1–10')}`);
  console.log(`    ${part(traced.slice(10), 'steps 11–50')}`);
}
console.log(`written to ${OUT}`);
await browser.close();
await server.close();
