// A static server for the built app, on 127.0.0.1 under a sub-path, the way
// GitHub Pages serves a project site at /<repo>/. Anything outside the
// sub-path is a 404, so an asset linked from the wrong root fails the test.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.md': 'text/markdown; charset=utf-8',
};

// `gzip`: compress responses (gzip -9) for clients that accept it, as a
// production host would; the benchmark measures what is transferred that way.
export async function serve(dist, basePath, { gzip = false } = {}) {
  const root = path.resolve(dist);
  // Long links are part of the hostile-input tests: allow request lines up to 1 MiB.
  const server = http.createServer({ maxHeaderSize: 1 << 20 }, async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(basePath)) {
      res.writeHead(404).end('outside the app');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(basePath.length)) || 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await fs.readFile(file);
      const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        headers['content-encoding'] = 'gzip';
        res.writeHead(200, headers).end(zlib.gzipSync(body, { level: 9 }));
      } else {
        res.writeHead(200, headers).end(body);
      }
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  // Closing drops open keep-alive connections too: a page still open (a test
  // that failed before closing it) must not keep node waiting.
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }) };
}

// Chromium's omnibox popups (chrome://omnibox-popup.top-chrome, pages of its
// own in a renderer of their own), which headless Chromium builds for every
// window it opens, and every fresh context of the tests and the bench is a new
// window: traced, about 400 ms of CPU on a 2-core machine during a load and the
// first second after it, taken from the page under test. A person's browser
// built them when its window opened, not when the article loaded. Both launch
// lists add this.
export const WITHOUT_OMNIBOX_POPUPS = '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup';

// How the tests and the screenshots start Chromium: headless as root, with
// nothing reaching for the network (this machine's is closed), and without
// the omnibox popups.
export const TEST_BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', WITHOUT_OMNIBOX_POPUPS];
