import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { Locks } from './common/locks';
import { DataSource } from 'typeorm';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AppModule } from './app.module';
import { AppConfigService } from './common/app-config.service';
import { registerBodyParsers } from './common/json-body';
import { registerRequestLogging } from './common/request-logging';
import { ServerLogger } from './common/server-logger';
import { createValidationPipe } from './common/validation';
import { IMPORT_LIMITS } from './interventions/import/limits';
import { csvBodyParser } from './interventions/import-upload';
import { registerWeb } from './web/web-setup';

/** The largest JSON body or form accepted (imports have their own limit, MAX_UPLOAD_BYTES). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const MAX_UPLOAD_BYTES = IMPORT_LIMITS.bytes;

/** A caller's x-request-id when it looks like one, else a fresh UUID; logged on every line. */
function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
}

/** Builds the whole application, for the server and the e2e tests alike. */
export async function createApp(): Promise<NestFastifyApplication> {
  const trustProxy = ['1', 'true'].includes(process.env.TRUST_PROXY ?? '');
  const adapter = new FastifyAdapter({
    trustProxy,
    bodyLimit: MAX_BODY_BYTES,
    genReqId: requestId,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    bufferLogs: true,
  });
  app.useLogger(new ServerLogger(app.get(Logger)));
  const config = app.get(AppConfigService).values;

  registerRequestLogging(app);
  registerSecurityHeaders(app);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      void reply.header('x-request-id', request.id);
      done();
    });
  registerBodyParsers(app, MAX_BODY_BYTES);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  // CSV bodies (time-tracker imports) reach the import as a stream, parsed while they arrive;
  // the import counts their bytes against MAX_UPLOAD_BYTES itself.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(['text/csv', 'text/plain'], csvBodyParser);
  await registerWeb(app);
  if (config.CORS_ORIGINS) {
    app.enableCors({ origin: config.CORS_ORIGINS.split(',').map((o) => o.trim()) });
  }
  app.setGlobalPrefix('api', { exclude: webRoutes() });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  setUpOpenApi(app);
  return app;
}

/**
 * Helmet's headers, built once: the Fastify plugin builds a new helmet (and parses the CSP
 * directives again) on every request; here each response is given the recorded headers. The CSP asks browsers to upgrade the page's requests to
 * HTTPS only when the page itself came over HTTPS (directly, or through a trusted proxy's
 * X-Forwarded-Proto with TRUST_PROXY): a server opened over plain HTTP on a local network would
 * otherwise have its own CSS and script fetched over an HTTPS it does not serve.
 */
function registerSecurityHeaders(app: NestFastifyApplication): void {
  const directives = {
    defaultSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    scriptSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
  const plain = helmetHeaders(
    helmet({
      contentSecurityPolicy: { directives: { ...directives, upgradeInsecureRequests: null } },
    }),
  );
  const secure = helmetHeaders(
    helmet({
      contentSecurityPolicy: { directives: { ...directives, upgradeInsecureRequests: [] } },
    }),
  );
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      const raw = reply.raw;
      for (const [name, value] of request.protocol === 'https' ? secure : plain) {
        if (value === null) raw.removeHeader(name);
        else raw.setHeader(name, value);
      }
      done();
    });
}

/**
 * What a helmet middleware does to every response, recorded once: its headers depend on its
 * options only (no nonce, nothing read from the request), so each request replays the list
 * instead of running helmet's dozen middlewares. `null`: a header it removes.
 */
function helmetHeaders(middleware: ReturnType<typeof helmet>): [string, string | null][] {
  const headers: [string, string | null][] = [];
  const recorder = {
    setHeader: (name: string, value: string) => headers.push([name, value]),
    removeHeader: (name: string) => headers.push([name, null]),
  };
  let done = false;
  middleware({ headers: {} } as IncomingMessage, recorder as never, () => (done = true));
  if (!done) throw new Error('helmet did not set its headers at once');
  return headers;
}

/** Server-rendered pages live outside /api. */
function webRoutes(): string[] {
  const sections = ['portal', 'console', 'accounting', 'account'];
  return [
    '/',
    'setup',
    'login',
    'logout',
    'invite',
    'forgot-password',
    'forgot-password/{*rest}',
    'reset-password',
    'unsubscribe',
    'lang/{:code}',
    ...sections.flatMap((s) => [s, `${s}/{*rest}`]),
  ];
}

function setUpOpenApi(app: NestFastifyApplication): void {
  const doc = new DocumentBuilder()
    .setTitle('Gardefou API')
    .setDescription(
      'Contracts that enforce urgency quotas, time tracking with burnout guardrails, French invoicing. ' +
        'Errors: { statusCode, error, message, details? }. Money in integer cents, durations in minutes.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  // Built on its first request rather than at start.
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), {
    jsonDocumentUrl: 'api/docs-json',
  });
}

/** Runs pending migrations; on PostgreSQL under a lock so several processes can start at once. */
export async function migrate(app: NestFastifyApplication): Promise<void> {
  const dataSource = app.get(DataSource);
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const runner = dataSource.createQueryRunner();
  try {
    // Another process's migrations may take longer than a request may wait for a lock.
    await runner.query('SET lock_timeout = 0');
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [Locks.migrations]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [Locks.migrations]);
    await runner.query('RESET lock_timeout');
    await runner.release();
  }
}
