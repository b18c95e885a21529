import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config/config';
import { appShellHeaders, inlineScriptHashes } from './security-headers.util';

const SHUTTING_DOWN = JSON.stringify({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: '服务正在重启，请稍后再试' });
const TIMED_OUT = { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: '服务暂时繁忙，请稍后再试' };

/**
 * What Fastify itself answers, in the contract's shape, and the limits that keep an answer within seconds:
 * - while closing, a request gets 503 `SERVICE_UNAVAILABLE` (Fastify's own 503 has no `code`);
 * - a request still unanswered after REQUEST_TIMEOUT_MS gets 503 (the handler's late answer is dropped);
 * - /console/ and /app/ get their security headers.
 * Fastify must be created with `return503OnClosing: false` so that the first rule is ours.
 */
export function hardenHttp(fastify: FastifyInstance, config: AppConfig): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });

  const shells = [
    { prefix: '/console', headers: appShellHeaders(inlineScriptHashes(config.staticDirs.console)) },
    { prefix: '/app', headers: appShellHeaders(inlineScriptHashes(config.staticDirs.staffApp)) },
  ];

  fastify.addHook('onRequest', (request, reply, done) => {
    if (closing) {
      void reply.code(503).header('connection', 'close').header('content-type', 'application/json; charset=utf-8').send(SHUTTING_DOWN);
      return;
    }
    const url = request.url;
    for (const shell of shells) {
      if (url.startsWith(shell.prefix) && (url.length === shell.prefix.length || url[shell.prefix.length] === '/' || url[shell.prefix.length] === '?')) {
        void reply.headers(shell.headers);
        break;
      }
    }
    const timer = setTimeout(() => {
      if (reply.sent || reply.raw.headersSent) return;
      void reply.code(503).header('content-type', 'application/json; charset=utf-8').send(TIMED_OUT);
    }, config.requestTimeoutMs);
    timer.unref();
    reply.raw.once('close', () => clearTimeout(timer));
    done();
  });
}
