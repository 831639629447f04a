import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';
import { accessRoutes } from './accessRoutes.ts';
import { auditRoutes } from './auditRoutes.ts';
import { authorshipRoutes } from './authorshipRoutes.ts';
import { caseStartRoutes } from './caseStartRoutes.ts';
import { commentRoutes } from './commentRoutes.ts';
import { confirmationRoutes } from './confirmationRoutes.ts';
import { directoryRoutes } from './directoryRoutes.ts';
import { emergencyRoutes } from './emergencyRoutes.ts';
import { eventRoutes } from './eventRoutes.ts';
import { exportRoutes } from './exportRoutes.ts';
import { familyHomeRoutes } from './familyHomeRoutes.ts';
import { historyRoutes } from './historyRoutes.ts';
import { meetingRoutes } from './meetingRoutes.ts';
import { noticeEventRoutes } from './noticeEventRoutes.ts';
import { noticeRoutes } from './noticeRoutes.ts';
import { overviewRoutes } from './overviewRoutes.ts';
import { participantRoutes } from './participantRoutes.ts';
import { retentionRoutes } from './retentionRoutes.ts';
import { reviewRoutes } from './reviewRoutes.ts';
import { searchRoutes } from './searchRoutes.ts';
import { sinceApprovalRoutes } from './sinceApprovalRoutes.ts';

/** Feature route modules, registered in this order by `createTafel`. */
export const routeModules: ((app: FastifyInstance, s: Services) => void)[] = [accessRoutes, participantRoutes, auditRoutes, confirmationRoutes, eventRoutes, emergencyRoutes, overviewRoutes, commentRoutes, reviewRoutes, historyRoutes, exportRoutes, searchRoutes, authorshipRoutes, caseStartRoutes, directoryRoutes, familyHomeRoutes, sinceApprovalRoutes, noticeRoutes, noticeEventRoutes, meetingRoutes, retentionRoutes];
