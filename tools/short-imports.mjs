// Trunk's post-build step: gives the wasm's imports from wasm-bindgen's JS
// glue short names ("a", "b", … instead of "__wbg_addEventListener_847fd86b8c33ec43"),
// and their module a one-letter one ("a" instead of "./explorer_bg.js", written
// once per import), in the wasm's import section and in the glue's import
// object alike. The
// long names are wasm-bindgen's, made unique by a hash: 138 of them cost
// 4.5 KB gzip of a first load that has a budget, and nothing reads them.
// Both files then get names from a hash of their final bytes, and the page
// their new names and integrity hashes: Trunk names them before wasm-opt and
// this step, so a browser could otherwise pair a cached glue with a new wasm.
// Given an npm prefix with terser in it, the renamed glue is minified once more
// (0.3 KB gzip less than Trunk's own minifier leaves).
//
//   node tools/short-imports.mjs <dist dir> [--terser <npm prefix>]
//
// It fails, changing nothing, unless every import it renames is defined
// exactly once in the glue.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';

/** Reads an unsigned LEB128 at `at`: [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

function toLeb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Uint8Array.from(out);
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A short name for the n-th import: a … Z, ba … */
export function shortName(n) {
  let name = '';
  do {
    name = ALPHABET[n % ALPHABET.length] + name;
    n = Math.floor(n / ALPHABET.length);
  } while (n > 0);
  return name;
}

/** The module name the renamed imports come from (one byte in each import). */
const SHORT_MODULE = 'a';

/**
 * The wasm with the imports of `module` renamed, and the glue with them
 * renamed where it defines them (`name:` in its import object, under
 * `"module":`).
 */
export function shortenImports(wasm, glue, module) {
  const utf8 = new TextEncoder();
  const text = new TextDecoder();
  const out = [wasm.subarray(0, 8)];
  const renamed = new Map();
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = leb(wasm, at + 1);
    const end = start + size;
    if (id !== 2) {
      out.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    // The import section: (module, name, kind, type) per import.
    let [count, p] = leb(wasm, start);
    const body = [toLeb(count)];
    for (; count > 0; count -= 1) {
      let len;
      [len, p] = leb(wasm, p);
      const mod = wasm.subarray(p, p + len);
      p += len;
      [len, p] = leb(wasm, p);
      let name = text.decode(wasm.subarray(p, p + len));
      p += len;
      const descriptor = p;
      const kind = wasm[p++];
      if (kind === 0) [, p] = leb(wasm, p); // function: type index
      else if (kind === 1) { p += 1; let flags; [flags, p] = leb(wasm, p); [, p] = leb(wasm, p); if (flags & 1) [, p] = leb(wasm, p); } // table
      else if (kind === 2) { let flags; [flags, p] = leb(wasm, p); [, p] = leb(wasm, p); if (flags & 1) [, p] = leb(wasm, p); } // memory
      else if (kind === 3) p += 2; // global: type, mutability
      else throw new Error(`short-imports: import kind ${kind} unknown`);
      let modBytes = mod;
      if (text.decode(mod) === module) {
        if (!renamed.has(name)) renamed.set(name, shortName(renamed.size));
        name = renamed.get(name);
        modBytes = utf8.encode(SHORT_MODULE);
      }
      const nameBytes = utf8.encode(name);
      body.push(toLeb(modBytes.length), modBytes, toLeb(nameBytes.length), nameBytes, wasm.subarray(descriptor, p));
    }
    if (p !== end) throw new Error('short-imports: the import section did not read to its end');
    const section = Buffer.concat(body);
    out.push(Uint8Array.of(2), toLeb(section.length), section);
    at = end;
  }
  const key = `${JSON.stringify(module)}:`;
  if (glue.split(key).length !== 2) throw new Error(`short-imports: the JS glue names ${module} other than once`);
  let js = glue.replace(key, `${SHORT_MODULE}:`);
  for (const [long, short] of renamed) {
    const definitions = js.split(`${long}:`).length - 1;
    if (definitions !== 1) throw new Error(`short-imports: ${long} is defined ${definitions} times in the JS glue, expected once`);
    js = js.replace(`${long}:`, `${short}:`);
  }
  return { wasm: Buffer.concat(out), glue: js, renamed: renamed.size };
}

const sri = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;

/**
 * `explorer-<old hash>_bg.wasm` named for `bytes`: a hash of them, as Trunk
 * would give. Trunk writes the wasm's and the glue's hash unpadded (`{:x}` of
 * a u64), so one build in sixteen has fewer than 16 digits.
 */
function renamedFor(file, bytes) {
  const hash = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const renamed = file.replace(/-[0-9a-f]{1,16}(_bg\.wasm|\.js)$/, `-${hash}$1`);
  if (renamed === file && !file.includes(hash)) throw new Error(`short-imports: ${file} is not named <name>-<hex digits>`);
  return renamed;
}

/**
 * Shortens the imports of the one wasm and JS glue in `dist`, minifies the glue
 * with `minify` (async, text to text), renames both for their new bytes, and
 * updates index.html.
 */
export async function shortenDist(dist, minify = async (js) => js) {
  const listed = fs.readdirSync(dist);
  // The page's own wasm has a hash in its name; a worker's (worker_bg.wasm) has none and is left as it is.
  const wasmFile = listed.filter((f) => /-[0-9a-f]{1,16}_bg\.wasm$/.test(f));
  const jsFile = wasmFile.map((f) => listed.find((j) => j.endsWith('.js') && j.startsWith(f.split('-')[0]))).filter(Boolean);
  if (wasmFile.length !== 1 || jsFile.length !== 1) throw new Error(`short-imports: expected one wasm and its JS in ${dist}, found ${listed.join(', ')}`);
  const htmlPath = path.join(dist, 'index.html');
  const wasm = fs.readFileSync(path.join(dist, wasmFile[0]));
  const glue = fs.readFileSync(path.join(dist, jsFile[0]), 'utf8');
  let html = fs.readFileSync(htmlPath, 'utf8');
  // wasm-bindgen imports its own glue under the module name of the file it
  // wrote: `./explorer_bg.js` for the `explorer` binary.
  const short = shortenImports(wasm, glue, `./${wasmFile[0].split('-')[0]}_bg.js`);
  if (short.renamed === 0) throw new Error(`short-imports: no import of ${wasmFile[0]} comes from its glue: has wasm-bindgen changed its module name?`);
  const minified = await minify(short.glue);
  // Everything is checked before anything is written.
  const files = [[wasmFile[0], wasm, short.wasm], [jsFile[0], Buffer.from(glue), Buffer.from(minified)]].map(([file, before, after]) => {
    // Trunk writes an integrity hash (SHA-384 by default) on the tag that
    // links each file; keep it true, or stop if it is one this cannot redo.
    const old = sri(before);
    for (const [tag] of html.matchAll(/<link[^>]*>/g)) {
      if (tag.includes(file) && /\sintegrity=/.test(tag) && !tag.includes(old)) throw new Error(`short-imports: ${file} has an integrity hash other than its SHA-384`);
    }
    if (!html.includes(file)) throw new Error(`short-imports: index.html does not name ${file}`);
    return { file, old, after, name: renamedFor(file, after) };
  });
  for (const f of files) html = html.split(f.old).join(sri(f.after)).split(f.file).join(f.name);
  for (const f of files) {
    fs.writeFileSync(path.join(dist, f.name), f.after);
    if (f.name !== f.file) fs.rmSync(path.join(dist, f.file));
  }
  fs.writeFileSync(htmlPath, html);
  return short.renamed;
}

/** terser's `minify` from the npm prefix `prefix`, for an ES module; fails the build on any error. */
function terser(prefix) {
  const { minify } = createRequire(path.join(path.resolve(prefix), 'package.json'))('terser');
  return async (js) => (await minify(js, { module: true, compress: true, mangle: true })).code;
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const [dist, flag, prefix] = process.argv.slice(2);
  if (flag !== undefined && (flag !== '--terser' || !prefix)) throw new Error('usage: node tools/short-imports.mjs <dist dir> [--terser <npm prefix>]');
  const renamed = await shortenDist(dist, prefix ? terser(prefix) : undefined);
  console.error(`short-imports: ${renamed} imports renamed`);
}
