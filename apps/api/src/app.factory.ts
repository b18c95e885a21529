import 'reflect-metadata';
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import { AppModule } from './app.module';
import { AuthService } from './core/auth/auth.service';
import type { AppConfig } from './core/config/config';
import { trustProxyOption } from './core/http/client-ip.util';
import { hardenHttp } from './core/http/http-hardening';
import { createPino, PinoNestLogger } from './core/logging/logger';
import { DemoSeedService } from './modules/demo/demo-seed.service';

const BODY_LIMIT = 256 * 1024;
/** Hot customer paths are not logged per request (their errors still are). */
const QUIET_PATHS = /^\/(s\/|static\/|api\/public\/events|api\/health)/;

/** The whole API, ready to listen: used by main.ts and by the tests over HTTP. */
export async function createApp(config: AppConfig, options: { logLevel?: string } = {}): Promise<NestFastifyApplication> {
  const pino = createPino(options.logLevel ?? config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: pino,
    logController: new LogController({ disableRequestLogging: (req: FastifyRequest) => QUIET_PATHS.test(req.url) }),
    bodyLimit: BODY_LIMIT,
    trustProxy: trustProxyOption(config.trustProxy),
    // While closing, our own hook answers 503 in the contract's shape (see hardenHttp).
    return503OnClosing: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, { logger: new PinoNestLogger(pino), abortOnError: false });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  hardenHttp(fastify, config);

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

  if (existsSync(config.staticDirs.landingAssets)) {
    // The page links the script with a content hash (?v=…): it can be cached for a year.
    await app.register(fastifyStatic as never, { root: config.staticDirs.landingAssets, prefix: '/static/landing/', decorateReply: false, maxAge: 365 * 24 * 3600_000, immutable: true, preCompressed: true } as never);
  }
  for (const [prefix, root] of [['/console/', config.staticDirs.console], ['/app/', config.staticDirs.staffApp]] as const) {
    if (existsSync(root)) await app.register(fastifyStatic as never, { root, prefix, decorateReply: false, index: ['index.html'] } as never);
  }
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

  app.enableShutdownHooks();
  await app.init();
  await app.get(AuthService).bootstrapHqAdmin();
  if (config.demo) await app.get(DemoSeedService).seedIfEmpty();
  return app;
}
