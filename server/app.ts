import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { AuditLog } from './audit/auditLog.ts';
import { LoginThrottle } from './auth/loginThrottle.ts';
import { Sessions } from './auth/sessions.ts';
import { signInServices } from './auth/signInServices.ts';
import { type Config, trustedProxies } from './config.ts';
import { CommentStore } from './comments/commentStore.ts';
import { ConfirmationStore } from './confirmations/confirmationStore.ts';
import { Directory } from './directory/directory.ts';
import { LocalFanout, type Fanout } from './fanout/fanout.ts';
import { HistoryService } from './history/historyService.ts';
import { RedisFanout } from './fanout/redisFanout.ts';
import { DomainEvents } from './events/domainEvents.ts';
import { caseRoutes } from './http/caseRoutes.ts';
import { installErrorHandler, installNotFound } from './http/errors.ts';
import { healthRoutes } from './http/healthRoutes.ts';
import { metricsRoutes } from './http/metricsRoutes.ts';
import { installOriginCheck, originPolicy } from './http/originPolicy.ts';
import { installSecurityHeaders } from './http/securityHeaders.ts';
import { sessionRoutes } from './http/sessionRoutes.ts';
import { createMailer } from './mail/mailer.ts';
import { Invitations } from './participants/invitations.ts';
import { ReviewService } from './review/reviewService.ts';
import type { Services } from './services.ts';
import { CaseStore } from './store/caseStore.ts';
import { openSqlStore, type StoreLocation } from './store/db.ts';
import { updateLogOf } from './documents/updateLogOf.ts';
import { AfterStore } from './documents/afterStore.ts';
import { SectionDocuments } from './documents/sectionDocuments.ts';
import { AccessWatch } from './sync/accessWatch.ts';
import { createLogger, installRequestIdHeader, type Logger, logSyncSocket, messageLog, requestId } from './log.ts';
import { createMetrics, timeStores } from './metrics.ts';
import { startNotices } from './notices/noticeService.ts';
import { queuedMails } from './notices/outbox.ts';
import { SyncServer } from './sync/syncServer.ts';
import { routeModules } from './http/routeModules.ts';

export const CLIENT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/client');

export interface Tafel {
  app: FastifyInstance;
  services: Services;
  /** Listens and resolves with the bound port. */
  listen(): Promise<number>;
  close(): Promise<void>;
}

/** Where the configuration says the data is: PostgreSQL when `DATABASE_URL` is set, else SQLite in the data dir. */
export function storeLocation(config: Config): StoreLocation {
  return config.DATABASE_URL
    ? { kind: 'postgres', url: config.DATABASE_URL, ...(config.DATABASE_SCHEMA ? { schema: config.DATABASE_SCHEMA } : {}) }
    : { kind: 'sqlite', dataDir: config.TAFEL_DATA_DIR };
}

/** Wires storage, fan-out, sync endpoint and HTTP routes into one server. */
export async function createTafel(config: Config, logger: Logger = createLogger(config.TAFEL_LOG_LEVEL)): Promise<Tafel> {
  const log = messageLog(logger.child({ module: 'server' }));
  const sql = await openSqlStore(storeLocation(config));
  const fanout: Fanout = config.REDIS_URL ? await RedisFanout.connect(config.REDIS_URL, log, config.DATABASE_SCHEMA) : new LocalFanout();
  const events = new DomainEvents(fanout);
  const updateLog = updateLogOf(sql);
  const cases = new CaseStore(sql);
  const sessions = new Sessions(sql);
  const audit = new AuditLog(sql);
  const directory = new Directory(sql);
  // What happens after edits are stored, once per flush, in this order.
  const afterStore: AfterStore = new AfterStore(
    [
      { name: 'review', stored: ({ edits }) => review.withdrawChanged(edits) },
      { name: 'audit', stored: ({ editors }) => Promise.all(editors.map((e) => audit.recordEdit(e))) },
      { name: 'change times', stored: ({ edits }) => cases.markSectionsChanged(edits) },
      { name: 'live events', stored: ({ edits }) => edits.forEach((e) => events.publish({ type: 'case-changed', caseId: e.caseId, what: 'sections', sectionId: e.sectionId })) },
    ],
    log,
  );
  const documents: SectionDocuments = new SectionDocuments(updateLog, fanout, afterStore, messageLog(logger.child({ module: 'documents' })));
  const review: ReviewService = new ReviewService(sql, documents, events, log);
  let boundPort = config.PORT;
  const publicOrigin = () => config.TAFEL_PUBLIC_URL ?? `http://localhost:${boundPort}`;
  const invitations = new Invitations(sql, directory);
  const originAllowed = originPolicy(config.TAFEL_ALLOWED_ORIGINS, config.TAFEL_PUBLIC_URL);
  const syncLog = messageLog(logger.child({ module: 'sync' }));
  const accessWatch = new AccessWatch({ cases, sessions, events, log: syncLog, emergencySweepMs: config.TAFEL_EMERGENCY_SWEEP_MS });
  const sync = new SyncServer({
    sessions,
    cases,
    documents,
    audit,
    events,
    watch: accessWatch,
    log: syncLog,
    originAllowed,
  });
  const services: Services = {
    sql,
    cases,
    comments: new CommentStore(sql),
    confirmations: new ConfirmationStore(sql),
    updateLog,
    sessions,
    throttle: new LoginThrottle(),
    audit,
    directory,
    invitations,
    mailer: createMailer(config.TAFEL_SMTP_URL, config.TAFEL_MAIL_FROM, log),
    ...signInServices({ sql, cases, directory, invitations, config, publicOrigin }),
    fanout,
    events,
    documents,
    sync,
    accessWatch,
    review,
    history: new HistoryService(updateLog, documents),
    log,
    publicOrigin,
    now: () => new Date(),
    retentionYears: config.TAFEL_RETENTION_YEARS,
  };
  fanout.onReconnect(() => void documents.repairAll());
  const notices = startNotices(services, { sendEveryMs: config.TAFEL_NOTICE_SEND_MS, sweepEveryMs: config.TAFEL_NOTICE_SWEEP_MS });
  // Content destroyed on request in another process: this one's cached history of it is stale.
  events.on((m) => {
    if (m.type === 'history-rewritten') services.history.forget(m.room);
  });

  // `X-Forwarded-For` only from the proxies named in TAFEL_TRUST_PROXY; else `req.ip` is the connection's.
  const proxies = trustedProxies(config.TAFEL_TRUST_PROXY);
  // Typed as Fastify's base logger, so the instance keeps the type every route module takes.
  const requestLog: FastifyBaseLogger = logger;
  const app = Fastify({ loggerInstance: requestLog, genReqId: requestId, bodyLimit: 256 * 1024, trustProxy: proxies.length > 0 ? proxies : false });
  await app.register(cookie);
  await installSecurityHeaders(app, config.TAFEL_SECURE_COOKIES === 'true');
  installOriginCheck(app, originAllowed);
  installRequestIdHeader(app);
  installErrorHandler(app, log);
  // Case data must not stay behind in the cache of a shared or borrowed computer.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  sessionRoutes(app, services, config.TAFEL_SECURE_COOKIES === 'true');
  caseRoutes(app, services);
  healthRoutes(app, services, config.TAFEL_HEALTH_TOKEN);
  const metrics = createMetrics({ openDocuments: () => documents.size, openSockets: () => sync.openConnections, fanout: () => fanout.status(), noticesQueued: () => queuedMails(services) });
  timeStores(documents.queue, metrics);
  metricsRoutes(app, metrics, config.TAFEL_HEALTH_TOKEN);
  for (const register of routeModules) register(app, services);
  const hasClient = fs.existsSync(path.join(CLIENT_DIST, 'index.html'));
  // Wildcard serving (not a file list made at start), so a rebuilt client is served as it is now.
  if (hasClient) await app.register(fastifyStatic, { root: CLIENT_DIST });
  installNotFound(app, hasClient);

  const socketLog = logger.child({ module: 'sync' });
  app.server.on('upgrade', (req, socket, head) => {
    if (!sync.handles(req)) return void socket.destroy();
    logSyncSocket(socketLog, req, socket);
    sync.upgrade(req, socket, head);
  });

  return {
    app,
    services,
    async listen() {
      await app.listen({ port: config.PORT, host: config.HOST });
      const address = app.server.address();
      boundPort = typeof address === 'object' && address ? address.port : config.PORT;
      return boundPort;
    },
    async close() {
      accessWatch.close();
      await sync.close();
      await documents.closeAll();
      await app.close();
      await fanout.close();
      await notices.close();
      services.mailer.close();
      await sql.close();
    },
  };
}
