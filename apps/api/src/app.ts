import Fastify, { LogController } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { AUTH } from '@weir/contracts';
import { installAccessControl } from './auth/access-hook';
import { errorHandler } from './error-handler';
import { auditRoutes } from './routes/audit/routes';
import { authRoutes } from './routes/auth/routes';
import type { RouteContext } from './routes/context';
import { deploymentRoutes } from './routes/deployments/routes';
import { formatRoutes } from './routes/format/routes';
import { sqlReferenceRoutes } from './routes/sql-reference/routes';
import { healthRoutes } from './routes/health/routes';
import { jobRoutes } from './routes/jobs/routes';
import { poolRoutes } from './routes/pools/routes';
import { secretRoutes } from './routes/secrets/routes';
import { connectionRoutes } from './routes/connections/routes';
import { catalogRoutes } from './routes/catalog/routes';
import { lineageRoutes } from './routes/lineage/routes';
import { debugRoutes } from './routes/debug/routes';
import { explainRoutes } from './routes/explain/routes';
import { tokenRoutes } from './routes/tokens/routes';
import { workspaceRoutes } from './routes/workspaces/routes';

/** Builds the HTTP app: zod-validated routes under /api/v1, the OpenAPI document and its docs page. */
export async function buildApp(ctx: RouteContext, logger: Logger) {
  // Per-request lines would drown the log: the console polls and streams constantly.
  const app = Fastify({ loggerInstance: logger, logController: new LogController({ disableRequestLogging: true }) }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // An empty JSON body reads as null rather than a 400, so `POST …/stop` with no body is a plain stop.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, null);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(Object.assign(error as Error, { statusCode: 400 }), undefined);
    }
  });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Weir API', description: 'Jobs, deployments and live metrics of the Weir stream platform.', version: ctx.version },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token (weir_pat_…) or the token POST /auth/login returns.' },
          session: { type: 'apiKey', in: 'cookie', name: AUTH.sessionCookie, description: `Set by POST /auth/login; writes must echo the ${AUTH.csrfCookie} cookie as ${AUTH.csrfHeader}.` },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/v1/docs' });

  await app.register(
    async (v1) => {
      installAccessControl(v1, ctx.authenticator, ctx.resolver);
      v1.get('/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () => app.swagger());
      await v1.register(healthRoutes(ctx));
      await v1.register(authRoutes(ctx));
      await v1.register(workspaceRoutes(ctx));
      await v1.register(tokenRoutes(ctx));
      await v1.register(auditRoutes(ctx));
      await v1.register(secretRoutes(ctx));
      await v1.register(connectionRoutes(ctx));
      await v1.register(catalogRoutes(ctx));
      await v1.register(lineageRoutes(ctx));
      await v1.register(debugRoutes(ctx));
      await v1.register(poolRoutes(ctx));
      await v1.register(jobRoutes(ctx));
      await v1.register(formatRoutes());
      await v1.register(sqlReferenceRoutes());
      await v1.register(explainRoutes(ctx));
      await v1.register(deploymentRoutes(ctx));
    },
    { prefix: '/api/v1' },
  );
  await app.ready();
  return app;
}

/** The API's HTTP app. */
export type ApiApp = Awaited<ReturnType<typeof buildApp>>;
