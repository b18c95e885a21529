import type { LoggerService } from '@nestjs/common';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

/** Nest's start-up chatter (a line per module and per mapped route): kept at debug level, out of a person's way. */
const NOISY_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/** Where the error filter leaves a failed request's error, so its one request line can carry it. */
export const REQUEST_ERROR = Symbol('fenji.requestError');
type FailedRequest = FastifyRequest & { [REQUEST_ERROR]?: unknown };

/**
 * `json`: one JSON object a line, for a log collector (production, the default). `pretty`: readable lines for a
 * person (`npm start`), written synchronously so nothing is lost at exit.
 */
export function createPino(level: string, format: 'json' | 'pretty' = 'json'): Logger {
  const options = { level, base: { service: 'fenji-api' }, redact: ['req.headers.authorization', 'req.headers.cookie', 'password', 'refreshToken'] };
  if (format === 'json') return pino(options);
  return pino(
    options,
    pretty({ sync: true, colorize: Boolean(process.stdout.isTTY), translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service,context,req,res,ms', messageFormat: '{if context}{context}: {end}{msg}' }),
  );
}

/** Remembers the error a request failed with (the error filter), for its request line. */
export function noteRequestError(request: FastifyRequest, error: unknown): void {
  (request as FailedRequest)[REQUEST_ERROR] = error;
}

/**
 * At most one line per request, after it is answered: method, path (never the query: it may hold a phone),
 * status and time; a failure (5xx) at error level with its error. `quiet` paths (the customer's hot paths)
 * are logged only when they fail.
 */
export function logRequest(log: Logger, request: FastifyRequest, reply: FastifyReply, quiet: boolean, error?: unknown): void {
  const status = reply.statusCode;
  if (quiet && status < 500) return;
  const path = request.url.split('?', 1)[0];
  const ms = Math.round(reply.elapsedTime);
  const line = { req: { method: request.method, path }, res: { statusCode: status }, ms };
  const msg = `${request.method} ${path} ${status} ${ms} ms`;
  if (status >= 500) log.error({ ...line, err: (request as FailedRequest)[REQUEST_ERROR] ?? error }, msg);
  else log.info(line, msg);
}

/**
 * Fastify's own request logging, one line instead of two ("incoming request", "request completed"): written by
 * Fastify when the answer is sent, without a hook of ours on the path. `quiet`: the paths logged only on failure.
 */
export class OneLinePerRequest extends LogController {
  constructor(
    private readonly log: Logger,
    private readonly quiet: RegExp,
  ) {
    super();
  }

  override incomingRequest(): void {}

  override routeNotFound(): void {} // the 404's own request line says it

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    logRequest(this.log, request, reply, this.quiet.test(request.url), error);
  }
}

/** Nest's logger speaking pino. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, rest: unknown[]): void {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    if (level === 'info' && context && NOISY_CONTEXTS.has(context)) level = 'debug';
    if (message && typeof message === 'object') {
      const [msg] = rest;
      this.pino[level]({ context, ...(message as object) }, typeof msg === 'string' && msg !== context ? msg : undefined);
    } else {
      this.pino[level]({ context }, String(message));
    }
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
}
