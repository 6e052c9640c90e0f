import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppModule } from '../app.module';
import { AppConfig } from '../config/config';
import { createValidationPipe } from '../common/errors/validation';
import { log, setLogLevel } from '../common/http/logger';
import type { RequestWithActor } from '../common/auth/decorators';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the HTTP application exactly as production runs it; tests call this too. */
export async function createHttpApp(config: AppConfig, opts: { worker?: boolean } = {}): Promise<NestFastifyApplication> {
  setLogLevel(config.logLevel, config.logFile);
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.env === 'production',
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register({ config, worker: opts.worker ?? false }), adapter, {
    logger: ['error', 'warn'],
    bufferLogs: false,
    // Stripe webhook signatures are computed over the exact bytes received
    rawBody: true,
  });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.enableCors({
    origin: (origin, cb) => cb(null, !origin || config.corsOrigins.includes(origin)),
    credentials: false,
    exposedHeaders: ['Content-Range', 'X-Request-Id'],
  });
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        // plain-http development and test servers must not be told to switch to https
        upgradeInsecureRequests: config.env === 'production' ? [] : null,
      },
    },
    hsts: config.env === 'production',
    crossOriginEmbedderPolicy: false,
  });

  fastify.addHook('onRequest', async (req, reply) => {
    void reply.header('X-Request-Id', req.id);
  });
  // one line per request: ids, route pattern, status and duration — never the query string or a body
  fastify.addHook('onResponse', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.url.startsWith('/api/health')) return;
    log('info', 'http.request', {
      requestId: req.id,
      method: req.method,
      route: req.routeOptions?.url ?? 'unmatched',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      userId: (req as RequestWithActor).actor?.userId,
    });
  });

  const swagger = new DocumentBuilder()
    .setTitle('Līdz.Vērtīgs API')
    .setDescription('Individual budgets for children and young people with disabilities')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, swagger), { jsonDocumentUrl: 'api/docs-json' });

  await serveWebApps(app, config);
  await app.init();
  return app;
}

/** Serves the built admin and portal on the API's port at /admin/ and /portal/, with SPA fallbacks. */
async function serveWebApps(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const root = config.webRoot ?? path.resolve(__dirname, '../../../../..');
  const fastify = app.getHttpAdapter().getInstance();
  const apps = [
    { prefix: '/admin/', dir: path.join(root, 'admin', 'dist') },
    { prefix: '/portal/', dir: path.join(root, 'provider-portal', 'dist') },
  ].filter((a) => fs.existsSync(path.join(a.dir, 'index.html')));
  for (const [i, a] of apps.entries()) {
    await fastify.register(fastifyStatic, { root: a.dir, prefix: a.prefix, decorateReply: i === 0, wildcard: false, index: ['index.html'], maxAge: '1h' });
    const html = fs.readFileSync(path.join(a.dir, 'index.html'));
    fastify.get(`${a.prefix}*`, (_req, reply) => {
      void reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(html);
    });
  }
  fastify.get('/', (_req, reply) => {
    void reply.redirect(apps.some((a) => a.prefix === '/portal/') ? '/portal/' : '/api/docs');
  });
}

export async function listen(app: NestFastifyApplication, config: AppConfig): Promise<string> {
  await app.listen({ port: config.port, host: config.host });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
}
