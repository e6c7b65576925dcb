// tools/short-imports.mjs, on a wasm module small enough to write by hand: the
// imports and their module get short names in the wasm and the glue alike, the module still
// compiles, integrity hashes follow, and a glue it cannot match stops the build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { shortName, shortenImports, shortenDist } from '../../tools/short-imports.mjs';

const MODULE = './explorer_bg.js';
const utf8 = (s) => [...new TextEncoder().encode(s)];
const str = (s) => [utf8(s).length, ...utf8(s)];
const leb = (n) => (n < 128 ? [n] : [(n % 128) | 0x80, ...leb(Math.floor(n / 128))]);
const section = (id, body) => [id, ...leb(body.length), ...body];

// A type () -> (), two function imports from the glue, a memory from elsewhere.
function module(names) {
  const imports = [names.length + 1, ...names.flatMap((n) => [...str(MODULE), ...str(n), 0, 0]), ...str('env'), ...str('memory'), 2, 0, 1];
  return Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...section(1, [1, 0x60, 0, 0]), ...section(2, imports)]);
}
const LONG = ['__wbg_addEventListener_847fd86b8c33ec43', '__wbg___wbindgen_throw_4c88d8bf264fd984'];
const glue = `function i(){return{__proto__:null,"${MODULE}":{__proto__:null,${LONG[0]}:function(e){},${LONG[1]}:function(e,t){throw Error();}}}}`;

test('imports get short names in the wasm and in the glue, and the module still compiles', () => {
  const out = shortenImports(module(LONG), glue, MODULE);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(out.wasm));
  assert.deepEqual(imports.map((i) => `${i.module} ${i.name} ${i.kind}`), ['a a function', 'a b function', 'env memory memory']);
  assert.equal(out.glue, `function i(){return{__proto__:null,a:{__proto__:null,a:function(e){},b:function(e,t){throw Error();}}}}`);
  assert.equal(out.renamed, 2);
  assert.deepEqual([0, 51, 52, 52 * 52].map(shortName), ['a', 'Z', 'ba', 'baa']);
});

test('a glue that does not define an import exactly once stops the build', () => {
  assert.throws(() => shortenImports(module(LONG), glue.replace(`${LONG[1]}:`, 'other:'), MODULE), /__wbg___wbindgen_throw_4c88d8bf264fd984 is defined 0 times/);
  assert.throws(() => shortenImports(module(LONG), glue.replace('}}}}', `,${LONG[0]}:1}}}}`), MODULE), /defined 2 times/);
  assert.throws(() => shortenImports(module(LONG), glue.replace(`"${MODULE}":`, 'glue:'), MODULE), /names \.\/explorer_bg\.js other than once/);
});

test('in a dist folder, both files are named for their new bytes, and the page names them with their integrity hashes', async () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'short-imports-'));
  const sri = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;
  const wasm = module(LONG);
  // The glue's hash as Trunk writes one in sixteen: unpadded, 15 digits.
  const [wasmName, jsName] = ['explorer-0123456789abcdef_bg.wasm', 'explorer-5feef26f8074f19.js'];
  fs.writeFileSync(path.join(dist, wasmName), wasm);
  fs.writeFileSync(path.join(dist, jsName), glue);
  const page = (js, jsHash, w, wasmHash) => `<script type=module>import init from"/${js}";await init({module_or_path:\`/${w}\`});</script><link href=/${js} integrity=${jsHash} rel=modulepreload><link href=/${w} integrity=${wasmHash} rel=preload>`;
  fs.writeFileSync(path.join(dist, 'index.html'), page(jsName, sri(Buffer.from(glue)), wasmName, sri(wasm)));
  // The minifier gets the renamed glue, and what it returns is what is written.
  const minify = async (js) => `/*minified*/${js}`;
  assert.equal(await shortenDist(dist, minify), 2);
  const files = fs.readdirSync(dist).sort();
  const [newJs, newWasm] = [files.find((f) => f.endsWith('.js')), files.find((f) => f.endsWith('_bg.wasm'))];
  assert.ok(newJs !== jsName && newWasm !== wasmName && /^explorer-[0-9a-f]{16}\.js$/.test(newJs), files.join(' '));
  assert.deepEqual(files, ['index.html', newJs, newWasm].sort(), 'the old files are gone');
  const read = (f) => fs.readFileSync(path.join(dist, f));
  assert.equal(read('index.html').toString(), page(newJs, sri(read(newJs)), newWasm, sri(read(newWasm))));
  assert.equal(read(newJs).toString(), `/*minified*/${shortenImports(wasm, glue, MODULE).glue}`);
  // An integrity hash it cannot redo (another algorithm) stops the build rather than break the page.
  for (const f of [newJs, newWasm]) fs.rmSync(path.join(dist, f));
  fs.writeFileSync(path.join(dist, wasmName), wasm);
  fs.writeFileSync(path.join(dist, jsName), glue);
  fs.writeFileSync(path.join(dist, 'index.html'), page(jsName, 'sha256-AAAA', wasmName, sri(wasm)));
  const before = fs.readdirSync(dist).map((f) => [f, read(f).toString('base64')]);
  await assert.rejects(shortenDist(dist), /has an integrity hash other than its SHA-384/);
  assert.deepEqual(fs.readdirSync(dist).map((f) => [f, read(f).toString('base64')]), before, 'nothing changed');
  fs.rmSync(dist, { recursive: true });
});
