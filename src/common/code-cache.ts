import Module from 'node:module';
import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';

/**
 * V8's compiled code of the modules the server loads at start, kept on disk between starts, so
 * that a restart reads the bytecode back instead of parsing and compiling about 2,500 modules
 * again (a third of the start). What Node 22 does with `module.enableCompileCache()`, which
 * Node 20 lacks (when present, it is used instead).
 *
 * A module's entry is used only when its source is the one compiled (same length and CRC-32)
 * and V8 accepts it (same V8 version and flags); anything else is compiled as usual and
 * written again. The code is written once the server is up (`finish`), so it also holds the
 * functions the start ran, and only when something was missing. Then the hook is removed:
 * modules loaded later (on first use) are compiled as usual.
 *
 * The file sits in the temporary folder, in a folder of the user's own that no one else can
 * write to (else nothing is read or written). NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
export class CodeCache {
  private hits = 0;
  private readonly compiled = new Map<string, { crc: number; length: number; script: Script }>();
  private readonly previous = loader._compile;
  private installed = false;

  private constructor(
    private readonly file: string,
    private stored: StoredCode | undefined,
  ) {}

  /** Starts using and filling the file of this build's code: call before loading anything. */
  static install(build: string, folder = defaultFolder()): CodeCache | undefined {
    if (process.env.NODE_DISABLE_COMPILE_CACHE) return undefined;
    const enable = (Module as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
    if (enable) {
      if (ownFolder(folder)) enable(folder);
      return undefined;
    }
    if (!ownFolder(folder)) return undefined;
    const file = join(folder, `${process.versions.v8}-${process.arch}-${crc32(build)}.bin`);
    const cache = new CodeCache(file, readStored(file));
    cache.hook();
    return cache;
  }

  /** How many modules were read from the file and how many were compiled. */
  get counts(): { read: number; compiled: number } {
    return { read: this.hits, compiled: this.compiled.size };
  }

  /**
   * Stops reading, and writes the code of every module compiled so far when any was missing
   * from the file (a first start, a new build, updated packages), a slice at a time so that
   * requests are answered meanwhile. Resolves to whether it wrote.
   */
  async finish(): Promise<boolean> {
    this.unhook();
    const stored = this.stored;
    this.stored = undefined;
    if (this.compiled.size === 0) {
      stored?.close();
      return false;
    }
    const entries: Record<string, Entry> = {};
    const parts: Buffer[] = [];
    let at = 0;
    const add = (name: string, crc: number, length: number, code: Buffer): void => {
      entries[name] = [crc, length, at, at + code.length];
      parts.push(code);
      at += code.length;
    };
    let sliceStart = performance.now();
    for (const [name, { crc, length, script }] of this.compiled) {
      add(name, crc, length, script.createCachedData());
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    this.compiled.clear();
    for (const [name, [crc, length, start, end]] of Object.entries(stored?.entries ?? {})) {
      if (!(name in entries)) add(name, crc, length, stored!.read(start, end));
    }
    stored?.close();
    const head = Buffer.from(JSON.stringify(entries));
    const size = Buffer.alloc(4);
    size.writeUInt32LE(head.length);
    const temporary = `${this.file}.${process.pid}`;
    try {
      await writeFile(temporary, Buffer.concat([size, head, ...parts]), { mode: 0o600 });
      await rename(temporary, this.file);
      return true;
    } catch {
      return false; // a full or read-only disk: the next start compiles as this one did
    }
  }

  private hook(): void {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const cache = this;
    const previous = this.previous;
    loader._compile = function (content, filename, format) {
      // ES modules (and CommonJS that turns out to be one) are Node's to load, and so is a
      // module that may import() one: only Node's own compiling gives it the loader.
      if (format === 'module' || content.includes('import(')) {
        return previous.call(this, content, filename, format);
      }
      let script: Script;
      try {
        script = cache.compile(content, filename);
      } catch {
        return previous.call(this, content, filename, format);
      }
      const wrapper = script.runInThisContext({ displayErrors: true }) as ModuleWrapper;
      return wrapper.call(
        this.exports,
        this.exports,
        requireOf(this),
        this,
        filename,
        dirname(filename),
      );
    };
    this.installed = true;
  }

  private unhook(): void {
    if (this.installed && loader._compile !== this.previous) {
      loader._compile = this.previous;
    }
    this.installed = false;
  }

  private compile(content: string, filename: string): Script {
    const crc = crc32(content);
    const entry = this.stored?.entries[filename];
    const cachedData =
      entry && entry[0] === crc && entry[1] === content.length
        ? this.stored!.read(entry[2], entry[3])
        : undefined;
    const script = new Script(Module.wrap(content), { filename, cachedData });
    if (cachedData && !script.cachedDataRejected) {
      this.hits++;
    } else {
      this.compiled.set(filename, { crc, length: content.length, script });
    }
    return script;
  }
}

/** Node's CommonJS loader: `_compile` compiles and runs a module's source. */
type Compile = (this: Module, content: string, filename: string, format?: string) => unknown;
const loader = Module.prototype as unknown as { _compile: Compile };

/** [CRC-32 of the source, its length, start and end of its code in the file]. */
type Entry = [number, number, number, number];
interface StoredCode {
  entries: Record<string, Entry>;
  /** One module's code, read from the file when asked: none of it is held once compiled. */
  read(start: number, end: number): Buffer;
  close(): void;
}
type ModuleWrapper = (this: unknown, ...args: unknown[]) => unknown;

/** The longest the writing of the code holds the event loop at a time. */
const SLICE_MS = 20;

/** The folder of the caches kept between starts, in the temporary folder. */
export function defaultFolder(): string {
  return join(tmpdir(), `gardefou-code-cache-${process.getuid?.() ?? 'user'}`);
}

/** Creates the folder if need be; true when it is the user's own and no one else can write. */
export function ownFolder(folder: string): boolean {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = statSync(folder);
    const uid = process.getuid?.();
    return stat.isDirectory() && (uid === undefined || stat.uid === uid) && !(stat.mode & 0o022);
  } catch {
    return false;
  }
}

function readStored(file: string): StoredCode | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = Buffer.alloc(4);
    readSync(fd, size, 0, 4, 0);
    const head = Buffer.alloc(size.readUInt32LE(0));
    if (readSync(fd, head, 0, head.length, 4) !== head.length) throw new Error('truncated');
    const entries = JSON.parse(head.toString()) as StoredCode['entries'];
    const base = 4 + head.length;
    const open = fd;
    return {
      entries,
      read(start, end) {
        const code = Buffer.allocUnsafe(end - start);
        return readSync(open, code, 0, code.length, base + start) === code.length
          ? code
          : Buffer.alloc(0); // cut short: V8 refuses it and the module is compiled
      },
      close: () => closeSync(open),
    };
  } catch {
    if (fd !== undefined) closeSync(fd);
    return undefined; // none yet, or unreadable: every module is compiled and the file written
  }
}

/** The program's main module, as every module's `require.main` gives it. */
const mainModule = require.main;

/** The `require` a module's code receives, as Node builds it. */
function requireOf(module: Module): NodeJS.Require {
  const require = ((id: string): unknown => module.require(id)) as NodeJS.Require;
  const statics = Module as unknown as {
    _resolveFilename(request: string, parent: Module, isMain: boolean, options?: object): string;
    _resolveLookupPaths(request: string, parent: Module): string[] | null;
    _extensions: NodeJS.RequireExtensions;
    _cache: NodeJS.Dict<NodeJS.Module>;
  };
  const resolve = ((request: string, options?: { paths?: string[] }) =>
    statics._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => statics._resolveLookupPaths(request, module);
  require.resolve = resolve;
  require.main = mainModule;
  require.extensions = statics._extensions;
  require.cache = statics._cache;
  return require;
}
