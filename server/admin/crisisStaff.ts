/**
 * `npm run crisisdienst -- <command>`: who may start emergency access (noodtoegang), for the
 * operator of a deployment. Uses the same settings as `npm start` (TAFEL_DATA_DIR or DATABASE_URL).
 *
 *   add <e-mail> <naam> <rol> <organisatie>   makes someone crisis staff; a new account gets a
 *                                              one-time password, printed once
 *   remove <e-mail>                            no new emergency access from now on, and the
 *                                              running ones end now (open connections close
 *                                              within TAFEL_EMERGENCY_SWEEP_MS)
 *   list                                       everyone who may start it
 */
import { z } from 'zod';
import { LoginRequest } from '../../shared/api.ts';
import { OrganisationId } from '../../shared/ids.ts';
import { PROFESSIONAL_ROLES, type Role } from '../../shared/roles.ts';
import { storeLocation } from '../app.ts';
import { AuditLog } from '../audit/auditLog.ts';
import { loadConfig } from '../config.ts';
import { Directory } from '../directory/directory.ts';
import { openSqlStore, type SqlStore } from '../store/db.ts';
import { EmergencyStore } from '../store/emergencyStore.ts';

const Email = LoginRequest.shape.email;
const Add = z.tuple([Email, z.string().trim().min(2).max(200), z.enum(PROFESSIONAL_ROLES as [Role, ...Role[]]), OrganisationId]);

async function run(sql: SqlStore, args: readonly string[]): Promise<string> {
  const staff = new EmergencyStore(sql);
  const [command, ...rest] = args;
  switch (command) {
    case 'add': {
      const parsed = Add.safeParse(rest);
      if (!parsed.success) throw new Error(`gebruik: add <e-mail> <naam> <rol: ${PROFESSIONAL_ROLES.join('|')}> <organisatie>\n${parsed.error.issues[0]?.message ?? ''}`);
      const [email, name, role, organisationId] = parsed.data;
      const directory = new Directory(sql);
      const { userId, password } = await directory.ensureAccount(email, name);
      await staff.addStaff(userId, role, organisationId);
      // Crisis staff are professionals: their role belongs to the account (the directory).
      if (!(await directory.professionalById(userId))) await directory.setProfessional(userId, role, organisationId);
      return password ? `${email} kan noodtoegang starten. Nieuw account; geef dit wachtwoord veilig door: ${password}` : `${email} kan noodtoegang starten (bestaand account).`;
    }
    case 'remove': {
      const email = Email.parse(rest[0]);
      const user = await sql.db.selectFrom('users').select(['id', 'name']).where('email', '=', email).executeTakeFirst();
      if (!user || !(await staff.removeStaff(user.id))) throw new Error(`${email} hoort niet bij de crisisdienst.`);
      const ended = await staff.endAllOf(user.id, user.id, new Date().toISOString());
      const audit = new AuditLog(sql);
      for (const a of ended) {
        await audit.record({ event: 'noodtoegang-beeindigd', caseId: a.case_id, userId: user.id, role: a.role, organisationId: a.organisation_id, detail: `${user.name} (niet meer bij de crisisdienst)` });
      }
      return `${email} kan geen noodtoegang meer starten.${ended.length > 0 ? ` Lopende noodtoegang beëindigd in ${ended.length === 1 ? '1 zaak' : `${ended.length} zaken`}.` : ''}`;
    }
    case 'list': {
      const all = await staff.staff();
      return all.length === 0 ? 'Niemand kan noodtoegang starten.' : all.map((s) => `${s.email}\t${s.name}\t${s.role}\t${s.organisationId}`).join('\n');
    }
    default:
      throw new Error('gebruik: add <e-mail> <naam> <rol> <organisatie> | remove <e-mail> | list');
  }
}

const sql = await openSqlStore(storeLocation(loadConfig()));
try {
  console.log(await run(sql, process.argv.slice(2)));
} catch (e) {
  console.error(e instanceof z.ZodError ? (e.issues[0]?.message ?? 'ongeldige invoer') : e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
} finally {
  await sql.close();
}
