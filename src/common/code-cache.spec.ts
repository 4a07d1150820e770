import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The cache is Node's module loading itself, so it is tried in a process of its own: a small
 * tree of modules loaded through it, then loaded again by a second process.
 */
describe('CodeCache', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gardefou-code-cache-spec-'));
    mkdirSync(join(dir, 'app'));
    mkdirSync(join(dir, 'app', 'esm'));
    writeFileSync(join(dir, 'app', 'a.js'), "exports.a = () => 'a' + require('./b').b();\n");
    writeFileSync(join(dir, 'app', 'b.js'), "exports.b = () => 'b1';\n");
    writeFileSync(join(dir, 'app', 'esm', 'package.json'), '{"type":"module"}');
    writeFileSync(join(dir, 'app', 'esm', 'c.js'), "export const c = 'c';\n");
    writeFileSync(join(dir, 'app', 'd.js'), "exports.d = import('./esm/c.js').then((m) => m.c);\n");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Loads the tree with the cache on; answers what the modules returned and the counts. */
  function load(env: NodeJS.ProcessEnv = {}): {
    value: string;
    read: number;
    compiled: number;
    wrote: boolean;
  } {
    const script = `
      const { CodeCache } = require(${JSON.stringify(join(__dirname, 'code-cache'))});
      const cache = CodeCache.install('build', ${JSON.stringify(join(dir, 'cache'))});
      const app = ${JSON.stringify(join(dir, 'app'))};
      const value = require(app + '/a.js').a();
      require(app + '/d.js').d.then(async (d) => {
        const counts = cache ? cache.counts : { read: 0, compiled: 0 };
        const wrote = cache ? await cache.finish() : false;
        process.stdout.write(JSON.stringify({ value: value + d, ...counts, wrote }));
      });
    `;
    const run = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-e', script],
      {
        env: { ...process.env, ...env, TS_NODE_TRANSPILE_ONLY: 'true' },
        encoding: 'utf8',
      },
    );
    if (run.status !== 0) throw new Error(run.stderr);
    return JSON.parse(run.stdout) as ReturnType<typeof load>;
  }

  it('writes the code of what a start compiled, and the next start reads it back', () => {
    // a.js and b.js; c.js is an ES module and d.js imports one: both are left to Node.
    expect(load()).toEqual({ value: 'ab1c', read: 0, compiled: 2, wrote: true });
    expect(load()).toEqual({ value: 'ab1c', read: 2, compiled: 0, wrote: false });
  });

  it('compiles again a module whose source changed, even to one of the same length', () => {
    load();
    writeFileSync(join(dir, 'app', 'b.js'), "exports.b = () => 'b2';\n");
    expect(load()).toEqual({ value: 'ab2c', read: 1, compiled: 1, wrote: true });
    expect(load()).toEqual({ value: 'ab2c', read: 2, compiled: 0, wrote: false });
  });

  it('keeps its folder to the user alone, and reads nothing from a folder others can write', () => {
    load();
    expect(statSync(join(dir, 'cache')).mode & 0o077).toBe(0);
    spawnSync('chmod', ['o+w', join(dir, 'cache')]);
    expect(load()).toEqual({ value: 'ab1c', read: 0, compiled: 0, wrote: false });
  });

  it("gives each module Node's require: resolve, its paths, the cache and the main module", () => {
    writeFileSync(
      join(dir, 'app', 'a.js'),
      [
        "const same = require.resolve('./b') === __dirname + '/b.js'",
        "  && require.resolve.paths('x')[0] === __dirname + '/node_modules'",
        '  && require.cache[__filename] === module && require.main === process.mainModule;',
        "exports.a = () => (same ? 'a' : '?') + require('./b').b();",
      ].join('\n'),
    );
    expect(load()).toMatchObject({ value: 'ab1c', compiled: 2 });
    expect(load()).toMatchObject({ value: 'ab1c', read: 2 });
  });

  it('is off with NODE_DISABLE_COMPILE_CACHE', () => {
    load();
    expect(load({ NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual({
      value: 'ab1c',
      read: 0,
      compiled: 0,
      wrote: false,
    });
  });
});
