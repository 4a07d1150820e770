import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PinoLogger } from 'nestjs-pino';
import { storage, Store } from 'nestjs-pino/storage';
import type { Logger } from 'pino';
import { pinoHttp, type HttpLogger, type Options } from 'pino-http';

/** What is never written to the log: credentials sent or set. */
export const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/**
 * How each request is logged (pino-http's line on its end, with its id, method, URL, status and
 * time): the id is the one Fastify assigned (see bootstrap), reused on every line of the request;
 * a failure is an error, a refusal a warning. A new object on each call: pino-http takes its
 * options apart.
 */
export function requestLogOptions(): Options {
  return {
    genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? '',
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
  };
}

/**
 * Logs each request from a Fastify hook, and gives the rest of the request nestjs-pino's store,
 * so that the lines logged while it is answered carry its id: what nestjs-pino's middleware does,
 * without running it as an Express middleware through @fastify/middie on every request (so
 * LoggerModule is given no routes). The logger is nestjs-pino's root one (its level and
 * redactions), made when the application is initialised, hence taken on the first request.
 */
export function registerRequestLogging(app: NestFastifyApplication): void {
  let log: HttpLogger<IncomingMessage, ServerResponse> | undefined;
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      log ??= pinoHttp({ ...requestLogOptions(), logger: PinoLogger.root });
      const raw = request.raw as IncomingMessage & { id?: string; log?: Logger };
      raw.id = request.id;
      log(raw, reply.raw);
      storage.run(new Store(raw.log), done);
    });
}
