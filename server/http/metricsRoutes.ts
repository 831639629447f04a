import type { FastifyInstance } from 'fastify';
import type { TafelMetrics } from '../metrics.ts';
import { HttpError, notFound } from './errors.ts';
import { bearerMatches } from './healthRoutes.ts';

/**
 * `GET /metrics` in Prometheus text format, for the monitor with the operator token of
 * `/api/health` (`Authorization: Bearer <TAFEL_HEALTH_TOKEN>`). They say how busy the server is
 * and whether Redis is away, as the health details do: without the setting the endpoint does not
 * exist (404), without the right token it is refused (401).
 */
export function metricsRoutes(app: FastifyInstance, metrics: TafelMetrics, healthToken?: string): void {
  app.get('/metrics', async (req, reply) => {
    if (!healthToken) throw notFound();
    if (!bearerMatches(req.headers.authorization, healthToken)) {
      reply.header('www-authenticate', 'Bearer');
      throw new HttpError(401, 'unauthorized', 'Alleen voor de monitoring, met het token van de beheerder.');
    }
    const registry = metrics.registry();
    return reply.header('content-type', registry.contentType).header('cache-control', 'no-store').send(await registry.metrics());
  });
}
