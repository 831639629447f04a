import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';
import { accessRoutes } from './accessRoutes.ts';
import { auditRoutes } from './auditRoutes.ts';
import { confirmationRoutes } from './confirmationRoutes.ts';
import { eventRoutes } from './eventRoutes.ts';
import { overviewRoutes } from './overviewRoutes.ts';
import { participantRoutes } from './participantRoutes.ts';

/** Feature route modules, registered in this order by `createTafel`. */
export const routeModules: ((app: FastifyInstance, s: Services) => void)[] = [accessRoutes, participantRoutes, auditRoutes, confirmationRoutes, eventRoutes, overviewRoutes];
