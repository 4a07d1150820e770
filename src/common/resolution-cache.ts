import Module from 'node:module';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * The files the modules loaded at start resolved to (`require('x')` from a folder → a path), kept
 * on disk between starts beside the code cache, so that a restart does not look for 2,500 files
 * again through node_modules folders, stats and package.json reads (a sixth of the start).
 *
 * The file holds a stamp: the build's main file (its size and time, which a new build changes),
 * the CRC-32 of the installed packages' lock (`node_modules/.package-lock.json`, rewritten by every
 * install) and of `package-lock.json`, Node's version and flags. Any difference and the file is
 * ignored, then written again. Each path read from it is checked to exist; a missing one, a
 * request with options and anything not in the file are resolved by Node as usual. Like the code
 * cache, it is used only until the server listens (`finish`), then the hook is removed.
 */
export class ResolutionCache {
  private readonly found = new Map<string, string>();
  private missed = 0;
  private readonly previous = statics._resolveFilename;

  private constructor(
    private readonly file: string,
    private readonly stamp: string,
    private stored: Record<string, string>,
  ) {}

  /** Starts answering from, and filling, the file of this build: call before loading anything. */
  static install(file: string, main: string): ResolutionCache | undefined {
    let stamp: string;
    try {
      stamp = stampOf(main);
    } catch {
      return undefined; // no main file or no readable lock: Node resolves as usual
    }
    const cache = new ResolutionCache(file, stamp, readStored(file, stamp));
    cache.hook();
    return cache;
  }

  /** How many requests were answered from the file and how many were resolved by Node. */
  get counts(): { read: number; resolved: number } {
    return { read: this.found.size - this.missed, resolved: this.missed };
  }

  /**
   * Stops answering, and writes what was resolved when anything was missing from the file; then
   * holds none of it (a few MB of paths).
   */
  async finish(): Promise<boolean> {
    if (statics._resolveFilename !== this.previous) statics._resolveFilename = this.previous;
    this.stored = {};
    const paths = this.missed > 0 ? Object.fromEntries(this.found) : undefined;
    this.found.clear();
    this.missed = 0;
    if (!paths) return false;
    const temporary = `${this.file}.${process.pid}`;
    const body = JSON.stringify({ stamp: this.stamp, paths });
    try {
      await writeFile(temporary, body, { mode: 0o600 });
      await rename(temporary, this.file);
      return true;
    } catch {
      return false; // a full or read-only disk: the next start resolves as this one did
    }
  }

  private hook(): void {
    const { previous, found } = this;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const cache = this;
    statics._resolveFilename = function (request, parent, isMain, options) {
      if (isMain || options || !parent?.filename) {
        return previous.call(this, request, parent, isMain, options);
      }
      const key = `${dirname(parent.filename)}\0${request}`;
      const known = found.get(key) ?? cache.stored[key];
      if (known !== undefined && existsSync(known)) {
        found.set(key, known);
        return known;
      }
      const resolved = previous.call(this, request, parent, isMain, options);
      if (isAbsolute(resolved)) {
        found.set(key, resolved);
        cache.missed++;
      }
      return resolved;
    };
  }
}

type ResolveFilename = (
  this: unknown,
  request: string,
  parent: Module | undefined,
  isMain: boolean,
  options?: object,
) => string;
const statics = Module as unknown as { _resolveFilename: ResolveFilename };

/** What the resolutions depend on besides the request and the folder it is made from. */
function stampOf(main: string): string {
  const build = statSync(main);
  const parts = [process.version, process.execArgv.join(' '), `${build.size}:${build.mtimeMs}`];
  for (let folder = dirname(main); ; folder = dirname(folder)) {
    const lock = join(folder, 'node_modules', '.package-lock.json');
    if (existsSync(lock)) {
      parts.push(lock, String(crc32(readFileSync(lock))));
      const root = join(folder, 'package-lock.json');
      parts.push(existsSync(root) ? String(crc32(readFileSync(root))) : '-');
      return parts.join('|');
    }
    if (dirname(folder) === folder) throw new Error('no node_modules/.package-lock.json');
  }
}

function readStored(file: string, stamp: string): Record<string, string> {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as {
      stamp?: string;
      paths?: Record<string, string>;
    };
    if (stored.stamp === stamp && stored.paths) return stored.paths;
  } catch {
    /* none yet, or unreadable */
  }
  return {};
}
