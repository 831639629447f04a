/**
 * `npm run beheer -- <command>`: the directory of organisations and professionals, for the
 * operator of a deployment. Uses the same settings as `npm start` (TAFEL_DATA_DIR or DATABASE_URL).
 * A professional's role and organisation live here; invitations to a case only name the account.
 *
 *   organisatie <id> <naam> <soort> <regio>   adds or changes an organisation
 *   organisaties                              lists them
 *   add <e-mail> <naam> <rol> <organisatie>   puts a professional in the directory; a new account
 *                                             gets a one-time password, printed once
 *   remove <e-mail>                           takes them out: they are in no case as a professional
 *                                             any more, their sessions end (with REDIS_URL, open
 *                                             connections close now)
 *   beheerder <e-mail> <organisatie>          makes the account the organisation's beheerder, who
 *                                             keeps its professionals on the page "Beheer"; a new
 *                                             account gets a one-time password
 *   geen-beheerder <e-mail> <organisatie>     takes that role away
 *   list                                      every professional
 *   termijn <organisatie> <jaren|standaard>   the organisation's own retention term (15–100
 *                                             years after closing), or back to the default
 *   bewaartermijn                             closed cases past their retention term and under no
 *                                             legal hold (nothing is destroyed)
 *   vernietig-verlopen --ja                   destroys those cases, whole; logged (the audit log
 *                                             is kept). The parents and the young person with
 *                                             an account get the mail that the file was
 *                                             destroyed (TAFEL_SMTP_URL; what the mail server
 *                                             does not take, a running server sends later).
 *                                             A case's term is the longest of its
 *                                             organisations' own terms and TAFEL_RETENTION_YEARS
 *                                             (default 20 years after closing, Jeugdwet art. 7.3.8)
 */
import { z } from 'zod';
import { LoginRequest } from '../../shared/api.ts';
import { Organisation, OrganisationKind, ProfessionalRole } from '../../shared/directory.ts';
import { OrganisationId } from '../../shared/ids.ts';
import { storeLocation } from '../app.ts';
import { AuditLog } from '../audit/auditLog.ts';
import { loadConfig } from '../config.ts';
import { RetentionYears } from '../../shared/retention.ts';
import { destroyExpired, dueForDestruction } from '../cases/retention.ts';
import { RetentionStore } from '../store/retentionStore.ts';
import { Directory } from '../directory/directory.ts';
import { closingStore } from '../store/caseSetupStore.ts';
import { CaseStore } from '../store/caseStore.ts';
import { createMailer } from '../mail/mailer.ts';
import { MailQueue } from '../mail/mailQueue.ts';
import { secretBoxFor } from '../secrets/secretBox.ts';
import { endAccess } from '../directory/offboarding.ts';
import { type DomainEvent, DomainEvents } from '../events/domainEvents.ts';
import { RedisFanout } from '../fanout/redisFanout.ts';
import { openSqlStore, type SqlStore } from '../store/db.ts';

const Email = LoginRequest.shape.email;
const Add = z.tuple([Email, z.string().trim().min(2).max(200), ProfessionalRole, OrganisationId]);
const Keeper = z.tuple([Email, OrganisationId]);
const USAGE = `gebruik: organisatie <id> <naam> <soort: ${OrganisationKind.options.join('|')}> <regio> | organisaties | add <e-mail> <naam> <rol: ${ProfessionalRole.options.join('|')}> <organisatie> | remove <e-mail> | beheerder <e-mail> <organisatie> | geen-beheerder <e-mail> <organisatie> | list | termijn <organisatie> <jaren|standaard> | bewaartermijn | vernietig-verlopen --ja`;

async function run(sql: SqlStore, args: readonly string[], announce: (messages: DomainEvent[]) => Promise<void>, defaultYears: number, mail: MailQueue): Promise<string> {
  const directory = new Directory(sql);
  const [command, ...rest] = args;
  switch (command) {
    case 'organisatie': {
      const [id, name, kind, region] = rest;
      const org = Organisation.parse({ id, name, kind, region });
      await directory.putOrganisation(org);
      return `Organisatie ${org.id} (${org.name}) staat in de directory.`;
    }
    case 'organisaties': {
      const all = await directory.organisations();
      return all.length === 0 ? 'Nog geen organisaties.' : all.map((o) => `${o.id}\t${o.name}\t${o.kind}\t${o.region}`).join('\n');
    }
    case 'add': {
      const parsed = Add.safeParse(rest);
      if (!parsed.success) throw new Error(`${USAGE}\n${parsed.error.issues[0]?.message ?? ''}`);
      const [email, name, role, organisationId] = parsed.data;
      if (!(await directory.organisation(organisationId))) throw new Error(`Organisatie ${organisationId} staat niet in de directory; voeg die eerst toe met "organisatie".`);
      const { userId, password } = await directory.ensureAccount(email, name);
      await directory.setProfessional(userId, role, organisationId);
      await new AuditLog(sql).record({ event: 'directory-gewijzigd', userId, role, organisationId, detail: JSON.stringify({ rol: role, organisatie: organisationId }) });
      return password ? `${email} staat in de directory als ${role} bij ${organisationId}. Nieuw account; geef dit wachtwoord veilig door: ${password}` : `${email} staat in de directory als ${role} bij ${organisationId}.`;
    }
    case 'remove': {
      const email = Email.parse(rest[0]);
      const user = await sql.db.selectFrom('users').select(['id', 'role', 'organisation_id']).where('email', '=', email).executeTakeFirst();
      if (!user || !(await directory.removeProfessional(user.id))) throw new Error(`${email} staat niet in de directory.`);
      const messages: DomainEvent[] = [];
      const ended = await endAccess(sql, { publish: (m) => messages.push(m) }, user.id);
      await new AuditLog(sql).record({ event: 'directory-verwijderd', userId: user.id, role: user.role, organisationId: user.organisation_id, detail: JSON.stringify({ sessies: ended.sessions, zaken: ended.cases }) });
      await announce(messages);
      return `${email} staat niet meer in de directory, is in geen zaak meer professional en is overal uitgelogd.`;
    }
    case 'beheerder':
    case 'geen-beheerder': {
      const parsed = Keeper.safeParse(rest);
      if (!parsed.success) throw new Error(`${USAGE}\n${parsed.error.issues[0]?.message ?? ''}`);
      const [email, organisationId] = parsed.data;
      if (!(await directory.organisation(organisationId))) throw new Error(`Organisatie ${organisationId} staat niet in de directory; voeg die eerst toe met "organisatie".`);
      const keeps = command === 'beheerder';
      const existing = await directory.accountByEmail(email);
      if (!existing && !keeps) throw new Error(`${email} heeft geen account.`);
      const { userId, password } = existing ? { userId: existing.id, password: null } : await directory.ensureAccount(email, email.split('@')[0] ?? email);
      await directory.setKeeper(userId, organisationId, keeps);
      await new AuditLog(sql).record({ event: 'directory-gewijzigd', userId, organisationId, detail: JSON.stringify({ beheerder: keeps, organisatie: organisationId }) });
      const done = keeps ? `${email} is beheerder van ${organisationId}.` : `${email} is geen beheerder meer van ${organisationId}.`;
      return password ? `${done} Nieuw account; geef dit wachtwoord veilig door: ${password}` : done;
    }
    case 'termijn': {
      if (rest.length !== 2) throw new Error(USAGE);
      const organisationId = OrganisationId.parse(rest[0]);
      const years = rest[1] === 'standaard' ? null : RetentionYears.parse(rest[1]);
      if (!(await new RetentionStore(sql).setTerm(organisationId, years))) throw new Error(`Organisatie ${organisationId} staat niet in de directory.`);
      await new AuditLog(sql).record({ event: 'bewaartermijn-gewijzigd', organisationId, detail: JSON.stringify({ organisatie: organisationId, jaren: years ?? 'standaard' }) });
      return years === null ? `${organisationId} bewaart zaken de standaardtermijn (${defaultYears} jaar).` : `${organisationId} bewaart zaken ${years} jaar na het sluiten.`;
    }
    case 'bewaartermijn':
    case 'vernietig-verlopen': {
      const deps = { sql, closing: closingStore(sql), retention: new RetentionStore(sql), audit: new AuditLog(sql), defaultYears };
      if (command === 'bewaartermijn' || rest[0] !== '--ja') {
        const due = await dueForDestruction(deps, new Date());
        const list = due.map((c) => `${c.id}\tgesloten ${c.closedAt.slice(0, 10)}\ttermijn ${c.years} jaar`).join('\n');
        const head = `${due.length} zaak/zaken voorbij hun bewaartermijn en zonder bewaarplicht (standaard ${defaultYears} jaar).`;
        return command === 'bewaartermijn' ? [head, list].filter(Boolean).join('\n') : `${head} Vernietigen doe je met: vernietig-verlopen --ja${list ? `\n${list}` : ''}`;
      }
      const messages: DomainEvent[] = [];
      const destroyed = await destroyExpired({ ...deps, cases: new CaseStore(sql), mail, events: { publish: (m) => messages.push(m) } }, new Date());
      await announce(messages);
      return `${destroyed.length} zaak/zaken vernietigd.${destroyed.map((d) => `\n${d.caseId}\tgesloten ${d.closedAt.slice(0, 10)}\ttermijn ${d.years} jaar`).join('')}`;
    }
    case 'list': {
      const all = await directory.professionals();
      return all.length === 0 ? 'Nog geen professionals.' : all.map((p) => `${p.email}\t${p.name}\t${p.role}\t${p.organisationId}`).join('\n');
    }
    default:
      throw new Error(USAGE);
  }
}

const config = loadConfig();
const sql = await openSqlStore(storeLocation(config));
/** Tells running servers what ended (sessions, access in cases), so they close open connections. */
async function announce(messages: DomainEvent[]): Promise<void> {
  if (!config.REDIS_URL || messages.length === 0) return;
  const fanout = await RedisFanout.connect(config.REDIS_URL, () => {}, config.DATABASE_SCHEMA);
  const events = new DomainEvents(fanout);
  for (const m of messages) events.publish(m);
  await fanout.close();
}
// The mail that a case was destroyed, as the server queues and sends it (the same key seals it).
const mailer = createMailer(config.TAFEL_SMTP_URL, config.TAFEL_MAIL_FROM, (msg) => console.error(msg));
const publicOrigin = () => config.TAFEL_PUBLIC_URL ?? `http://localhost:${config.PORT}`;
const mail = new MailQueue(sql, mailer, secretBoxFor(config.TAFEL_SECRET_KEY, config.TAFEL_NO_DEMO === 'true'), publicOrigin, (msg) => console.error(msg));
try {
  // Mail queued with a key only this command has could never be opened by the server that sends it later.
  if (process.argv[2] === 'vernietig-verlopen' && !config.TAFEL_SECRET_KEY && config.TAFEL_NO_DEMO === 'true') {
    throw new Error('Zet TAFEL_SECRET_KEY op dezelfde waarde als bij de server: anders kan die de mails over vernietigde dossiers niet versturen.');
  }
  console.log(await run(sql, process.argv.slice(2), announce, config.TAFEL_RETENTION_YEARS, mail));
} catch (e) {
  console.error(e instanceof z.ZodError ? (e.issues[0]?.message ?? 'ongeldige invoer') : e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
} finally {
  mailer.close();
  await sql.close();
}
