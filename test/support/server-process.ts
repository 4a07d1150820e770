import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A server process of the application, started by test/support/serve.ts. */
export interface ServerProcess {
  port: number;
  url: string;
  child: ChildProcess;
  /** Ends the process (SIGTERM) if it still runs. */
  stop(): Promise<void>;
  /** Kills it at once, as a crash would: no shutdown hook runs. */
  kill(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts a server on the current environment's database and waits until it answers. */
export async function startServerProcess(env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '-r',
      join(ROOT, 'test', 'support', 'register-ts.js'),
      join('test', 'support', 'serve.ts'),
      String(port),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  child.stdout?.resume();
  const url = `http://127.0.0.1:${port}`;
  // Generous: a start on a loaded machine can take a minute; Jest's hook timeout is 180 s.
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${errors}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start on ${port}: ${errors}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const watched = watch(child, port, () => errors);
  return {
    port,
    url,
    child,
    stop: async () => {
      watched.ending = true;
      child.kill('SIGTERM');
      await exited(child);
    },
    kill: async () => {
      watched.ending = true;
      child.kill('SIGKILL');
      await exited(child);
    },
  };
}

/** A server process that ended while no test asked it to: it crashed. */
export interface CrashedServer {
  port: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

interface Watched {
  /** Set by stop() and kill(): the exit that follows is wanted. */
  ending: boolean;
}

const crashes: CrashedServer[] = [];

function watch(child: ChildProcess, port: number, stderr: () => string): Watched {
  const watched: Watched = { ending: false };
  child.once('exit', (code, signal) => {
    if (!watched.ending) crashes.push({ port, code, signal, stderr: stderr() });
  });
  return watched;
}

/**
 * The server processes of this test file that crashed (an unhandled rejection or an uncaught
 * exception ends a process); test/setup-unhandled.ts fails the file when there is any.
 */
export function crashedServerProcesses(): CrashedServer[] {
  return [...crashes];
}
