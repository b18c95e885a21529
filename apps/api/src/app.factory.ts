import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { UPLOAD_MAX_BYTES } from '@fenji/shared';
import { AppModule } from './app.module';
import { AuthService } from './core/auth/auth.service';
import type { Clock } from './core/clock/clock';
import type { AppConfig } from './core/config/config';
import { trustProxyOption } from './core/http/client-ip.util';
import { hardenHttp } from './core/http/http-hardening';
import { createPino, OneLinePerRequest, PinoNestLogger } from './core/logging/logger';
import { instrumentHttp } from './core/metrics/http-metrics';
import { Metrics } from './core/metrics/metrics';
import { DemoSeedService } from './modules/demo/demo-seed.service';

const BODY_LIMIT = 256 * 1024;
/** Hot customer paths are not logged per request (their failures still are). */
const QUIET_PATHS = /^\/(s\/|static\/|api\/public\/events|api\/health)/;

/**
 * The console routes in the browser's history (`/console/leads?status=new`, `/console/contents/…/edit`): a reload
 * or a shared link of such a path gets the console's index.html. A path that names a file (`.js`, `.css`…) and is
 * missing stays a 404, so a stale asset never comes back as HTML.
 */
function registerConsoleFallback(fastify: FastifyInstance, root: string): void {
  const index = join(root, 'index.html');
  fastify.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode !== 404 || req.method !== 'GET' || !req.url.startsWith('/console/')) return payload;
    const path = req.url.split('?')[0] ?? '';
    if (/\.[A-Za-z0-9]+$/.test(path) || !existsSync(index)) return payload;
    reply.code(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache');
    return readFileSync(index);
  });
}

/** The whole API, ready to listen: used by main.ts and by the tests over HTTP (which give their own clock). */
export async function createApp(config: AppConfig, options: { logLevel?: string; clock?: Clock } = {}): Promise<NestFastifyApplication> {
  const pino = createPino(options.logLevel ?? config.logLevel, config.logFormat);
  const adapter = new FastifyAdapter({
    loggerInstance: pino,
    logController: new OneLinePerRequest(pino, QUIET_PATHS),
    bodyLimit: BODY_LIMIT,
    trustProxy: trustProxyOption(config.trustProxy),
    // While closing, our own hook answers 503 in the contract's shape (see hardenHttp).
    return503OnClosing: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options.clock), adapter, { logger: new PinoNestLogger(pino), abortOnError: false });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  hardenHttp(fastify, config);
  instrumentHttp(fastify, app.get(Metrics));

  // Clients (Taro.request among them) send `content-type: application/json` with an empty body on POSTs that
  // carry no data: treat that as no body rather than as malformed JSON.
  fastify.addHook('onRequest', (req, _reply, done) => {
    if (req.headers['content-length'] === '0' && req.headers['content-type']?.startsWith('application/json')) delete req.headers['content-type'];
    done();
  });
  // navigator.sendBeacon posts text/plain: read it as JSON when it is.
  fastify.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(null, body);
    }
  });

  await app.register(fastifyCookie as never); // the landing visitor cookie (core/http/visitor-cookie.util.ts)
  // POST /api/uploads: one file, at most UPLOAD_MAX_BYTES (modules/media).
  await app.register(fastifyMultipart as never, { limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 5, parts: 6 } } as never);

  if (existsSync(config.staticDirs.landingAssets)) {
    // The page links the script with a content hash (?v=…): it can be cached for a year.
    await app.register(fastifyStatic as never, { root: config.staticDirs.landingAssets, prefix: '/static/landing/', decorateReply: false, maxAge: 365 * 24 * 3600_000, immutable: true, preCompressed: true } as never);
  }
  for (const [prefix, root] of [['/console/', config.staticDirs.console], ['/app/', config.staticDirs.staffApp]] as const) {
    if (existsSync(root)) await app.register(fastifyStatic as never, { root, prefix, decorateReply: false, index: ['index.html'] } as never);
  }
  registerConsoleFallback(fastify, config.staticDirs.console);
  fastify.get('/', (_req, reply) => reply.redirect('/console/'));
  fastify.get('/favicon.ico', (_req, reply) => reply.status(204).send());

  if (config.apiDocs) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Fenji 分机 API')
        .setDescription('B2S2C CRM: HQ → staff → customers. Errors are `{ statusCode, code, message, details? }`.')
        .setVersion('1')
        .addBearerAuth()
        .build(),
    );
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  }

  await app.init();
  await app.get(AuthService).bootstrapHqAdmin();
  if (config.demo) await app.get(DemoSeedService).seedIfEmpty();
  return app;
}
