import type { AuditLog } from './audit/auditLog.ts';
import type { LoginThrottle } from './auth/loginThrottle.ts';
import type { OidcSignIn } from './auth/oidcSignIn.ts';
import type { SecondFactor } from './auth/secondFactor.ts';
import type { CommentStore } from './comments/commentStore.ts';
import type { ConfirmationStore } from './confirmations/confirmationStore.ts';
import type { Sessions } from './auth/sessions.ts';
import type { Directory } from './directory/directory.ts';
import type { DomainEvents } from './events/domainEvents.ts';
import type { Fanout } from './fanout/fanout.ts';
import type { HistoryService } from './history/historyService.ts';
import type { Mailer } from './mail/mailer.ts';
import type { Invitations } from './participants/invitations.ts';
import type { SecretBox } from './secrets/secretBox.ts';
import type { ReviewService } from './review/reviewService.ts';
import type { MessageLog } from './log.ts';
import type { CaseStore } from './store/caseStore.ts';
import type { AccountStore } from './store/accountStore.ts';
import type { SqlStore } from './store/db.ts';
import type { UpdateLog } from './documents/updateLog.ts';
import type { SectionDocuments } from './documents/sectionDocuments.ts';
import type { AccessWatch } from './sync/accessWatch.ts';
import type { SyncServer } from './sync/syncServer.ts';

/** Everything the routes and the sync endpoint share, wired once in `createTafel`. */
export interface Services {
  sql: SqlStore;
  cases: CaseStore;
  /** Comment threads and their comments (the commands are in `comments/commentCommands.ts`). */
  comments: CommentStore;
  /** Confirmations of safety agreements. */
  confirmations: ConfirmationStore;
  /** The stored update log and snapshots of every section document. */
  updateLog: UpdateLog;
  sessions: Sessions;
  throttle: LoginThrottle;
  /** Accounts and identities for sign-in. */
  accounts: AccountStore;
  /** Seals secrets kept at rest (`TAFEL_SECRET_KEY`, AES-256-GCM). */
  secrets: SecretBox;
  /** TOTP and recovery codes of professionals with a password. */
  secondFactor: SecondFactor;
  /** Sign-in through the organisation's or the family's OpenID Connect provider. */
  oidc: OidcSignIn;
  audit: AuditLog;
  /** Organisations and professional accounts: where a professional's role comes from. */
  directory: Directory;
  invitations: Invitations;
  /** E-mail over SMTP (`TAFEL_SMTP_URL`), or a line in the log that a mail was not sent. */
  mailer: Mailer;
  /** Between server processes: the rooms' updates and awareness (documents/) and the domain events. */
  fanout: Fanout;
  /** What happened that open sockets, streams and pages must hear of, in every process. */
  events: DomainEvents;
  /** The section documents: open, read, change on someone's behalf. */
  documents: SectionDocuments;
  sync: SyncServer;
  /** Where open sockets and live-event streams are watched: they end when access or the session does. */
  accessWatch: AccessWatch;
  /** Section status, approvals and the family's reaction period. */
  review: ReviewService;
  /** Version history of section documents. */
  history: HistoryService;
  /** Public origin of this server, used for invitation links. */
  publicOrigin: () => string;
  /** The server's clock for rules about today (a Tafel starts on its day); tests set their own. */
  now: () => Date;
  /** The default retention term in years (`TAFEL_RETENTION_YEARS`); organisations may have their own. */
  retentionYears: number;
  /**
   * The server log for routes and commands: a warning, or an error with its cause, as a JSON line
   * of the pino logger (`module: server`). Ids, never names or section text. Modules wired in
   * app.ts get a log of their own (`module: sync`, `documents`, …) from the same logger.
   */
  log: MessageLog;
}
