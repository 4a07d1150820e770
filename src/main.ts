// First: every module loaded after this one is read from the code cache when it can be.
import { codeCache, resolutionCache } from './code-cache-start';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigError, loadConfig } from './common/config';

/** How long a stopping server waits for requests in flight before it exits anyway. */
const SHUTDOWN_GRACE_MS = 30_000;

const logger = new Logger('Process');

async function main(): Promise<void> {
  try {
    loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // Loaded after the check: the application module validates the configuration as it loads.
  const { createApp, migrate } = await import('./bootstrap');
  const { AppConfigService } = await import('./common/app-config.service');
  const app = await createApp();
  guardProcess(app);
  await migrate(app);
  // Resolved once, here: generated on the first start when JWT_SECRET is unset (and said once in
  // the log), then kept in memory, so no request depends on reading it again.
  const { JwtSecret } = await import('./auth/jwt-secret.service');
  await app.get(JwtSecret).get();
  const { PORT, HOST } = app.get(AppConfigService).values;
  await app.listen(PORT, HOST);
  void codeCache?.finish();
  void resolutionCache?.finish();
  const { SetupPage } = await import('./web/web-setup-page.service');
  const address = browserAddress(HOST, PORT);
  app
    .get((await import('nestjs-pino')).Logger)
    .log(
      (await app.get(SetupPage).isNeeded())
        ? `Gardefou is ready: open ${address}/setup to create the practice`
        : `Gardefou is ready: open ${address} to sign in`,
    );
}

/** The address to open in a browser on this machine: a server on every interface is on localhost. */
function browserAddress(host: string, port: number): string {
  const name = ['0.0.0.0', '::', ''].includes(host) ? 'localhost' : host;
  return `http://${name.includes(':') ? `[${name}]` : name}:${port}`;
}

/**
 * What the process does when something escapes every request. A rejected promise nobody awaited
 * is a bug, logged as an error, but it leaves no state half-changed: the server keeps serving
 * (the tests fail on any such rejection). A thrown exception nobody caught may have, so the
 * server stops as it would on SIGTERM and exits with an error for its supervisor to restart it.
 * Stopping (SIGTERM, SIGINT) lets requests in flight finish, within SHUTDOWN_GRACE_MS.
 */
function guardProcess(app: NestFastifyApplication): void {
  process.on('unhandledRejection', (reason: unknown) => {
    logger.error({ err: reason }, 'unhandled promise rejection');
  });
  process.once('uncaughtException', (error: Error) => {
    logger.fatal({ err: error }, 'uncaught exception: stopping');
    process.exitCode = 1;
    exitAfterGrace();
    app.close().then(
      () => process.exit(),
      () => process.exit(),
    );
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, exitAfterGrace);
}

function exitAfterGrace(): void {
  setTimeout(() => {
    logger.error(`requests still in flight after ${SHUTDOWN_GRACE_MS} ms: exiting`);
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Gardefou could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
