import Module from 'node:module';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResolutionCache } from './resolution-cache';

type Resolve = (request: string, parent: unknown, isMain: boolean) => string;
const statics = Module as unknown as {
  _resolveFilename: Resolve;
  _pathCache: Record<string, string>;
};

/** Node's resolution is the hook's, so the spec resolves through Module._resolveFilename itself. */
describe('ResolutionCache', () => {
  let dir: string;
  let file: string;
  let main: string;
  const parent = () => ({ id: main, filename: main, paths: [join(dir, 'node_modules')] });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gardefou-resolution-spec-'));
    mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', '.package-lock.json'), '{"v":1}');
    writeFileSync(join(dir, 'node_modules', 'pkg', 'index.js'), '');
    writeFileSync(join(dir, 'node_modules', 'pkg', 'other.js'), '');
    writeFileSync(join(dir, 'b.js'), '');
    main = join(dir, 'main.js');
    writeFileSync(main, '');
    file = join(dir, 'resolved.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** One start: resolves the requests with the cache installed, then finishes it. */
  async function start(...requests: string[]) {
    // A new process, as a start is: Node's own cache of this one's lookups is emptied.
    for (const key of Object.keys(statics._pathCache)) delete statics._pathCache[key];
    const cache = ResolutionCache.install(file, main)!;
    try {
      const paths = requests.map((r) => statics._resolveFilename(r, parent(), false));
      return { paths, counts: cache.counts, wrote: await cache.finish() };
    } finally {
      await cache.finish();
    }
  }

  it('answers a second start from the file, with the paths Node gave the first', async () => {
    const first = await start('./b', 'pkg', 'node:fs');
    expect(first.paths).toEqual([
      join(dir, 'b.js'),
      join(dir, 'node_modules/pkg/index.js'),
      'node:fs',
    ]);
    expect(first).toMatchObject({ counts: { read: 0, resolved: 2 }, wrote: true });
    const second = await start('./b', 'pkg');
    expect(second).toEqual({
      paths: first.paths.slice(0, 2),
      counts: { read: 2, resolved: 0 },
      wrote: false,
    });
  });

  it('resolves again a path that no longer exists, and after the packages changed', async () => {
    await start('./b', 'pkg');
    rmSync(join(dir, 'b.js'));
    writeFileSync(join(dir, 'b.json'), '{}');
    expect((await start('./b', 'pkg')).paths[0]).toBe(join(dir, 'b.json'));
    writeFileSync(join(dir, 'node_modules', '.package-lock.json'), '{"v":2}');
    // Node keeps its own reading of package.json within a process: the counts show the file unused.
    const changed = await start('pkg');
    expect(changed.paths).toEqual([join(dir, 'node_modules/pkg/index.js')]);
    expect(changed.counts).toEqual({ read: 0, resolved: 1 });
  });

  it('leaves Node resolving once finished', async () => {
    const before = statics._resolveFilename;
    await start('./b');
    expect(statics._resolveFilename).toBe(before);
  });
});
