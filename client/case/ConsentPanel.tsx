import { useEffect, useState } from 'react';
import { z } from 'zod';
import type { CaseDetail, ConsentRequest, SectionView } from '../../shared/api.ts';
import { Consent } from '../../shared/caseModel.ts';
import { may } from '../../shared/access/may.ts';
import { ROLE_LABEL, type Role } from '../../shared/roles.ts';
import { api } from '../api/http.ts';
import { useCaseVersion } from '../state/caseLive.ts';
import { NLDS } from '../ui/theme.ts';

const Consents = z.array(Consent);
type Grantee = ConsentRequest['grantee'];

/**
 * On a section about yourself (your GGZ, your health): decide who else may read it, and take
 * that back. A professional can instead write down a legal ground, which the family can read.
 */
export function ConsentPanel({ detail, section, onChanged }: { detail: CaseDetail; section: SectionView; onChanged(): void }) {
  const [consents, setConsents] = useState<Consent[]>([]);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/cases/${encodeURIComponent(detail.id)}/consents`;
  const isSubject = section.subjectPersonId !== null && section.subjectPersonId === detail.me.personId;
  const mayRecordGround = may(detail.me, 'record-legal-ground', { section }).ok;
  const shown = section.subjectPersonId !== null && (isSubject || mayRecordGround);
  // Consents change only with access, not with every edit.
  const version = useCaseVersion(detail.id, ['access']);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the live-update trigger
  useEffect(() => {
    if (!shown) return;
    api('GET', base, Consents).then((all) => setConsents(all.filter((c) => c.sectionInstanceId === section.id && !c.withdrawnAt)), () => {});
  }, [base, section.id, version, shown]);
  if (!shown) return null;

  // An organisation by the name the server sent with its people; the family is no organisation.
  const organisationName = (id: string) => (id === 'gezin' ? 'het gezin' : (detail.participants.find((p) => p.organisationId === id)?.organisation ?? 'een organisatie'));
  const nameOfGrantee = (g: Grantee) =>
    g.kind === 'person' ? (detail.persons.find((p) => p.id === g.personId)?.name ?? 'iemand') : g.kind === 'role' ? ROLE_LABEL[g.role] : organisationName(g.organisationId);
  const run = (p: Promise<unknown>) =>
    p.then(
      () => {
        setError(null);
        onChanged();
      },
      (e: Error) => setError(e.message),
    );
  const give = (grantee: Grantee, basis: 'toestemming' | 'wettelijke_grond', reason = '') => run(api('POST', base, Consent, { sectionId: section.id, basis, grantee, reason }));
  const withdraw = (id: string) => run(api('POST', `${base}/${encodeURIComponent(id)}/withdraw`, z.object({ ok: z.literal(true) })));

  // The server offers only whom sharing would still open this to (shareCandidates).
  const otherPersons = detail.persons.filter((p) => section.shareWith.persons.includes(p.id));
  const given = consents.length > 0 && (
    <ul className={NLDS.unorderedList}>
      {consents.map((c) => (
        <li key={c.id} className={NLDS.listItem}>
          {nameOfGrantee(c.grantee)}: {c.basis === 'toestemming' ? 'met toestemming' : `wettelijke grond: ${c.reason}`}{' '}
          {may(detail.me, 'withdraw-consent', { consent: c }).ok && (
            <button type="button" className={NLDS.secondaryButton} onClick={() => void withdraw(c.id)}>
              Intrekken
            </button>
          )}
        </li>
      ))}
    </ul>
  );
  const failed = error && (
    <p role="alert" className="error">
      {error}
    </p>
  );

  if (isSubject) {
    // "Wie kan dit zien?" right above lists who reads it by their role; this is about the others.
    const candidates = otherPersons.length + section.shareWith.consentRoles.length;
    return (
      <section className="consent-panel" aria-label="Toestemming">
        <h3 className={NLDS.heading4}>Wie kan het nog niet lezen?</h3>
        <p className={NLDS.paragraph}>Bij ‘Wie kan dit zien?’ staat wie het al leest, door hun rol in de zaak.</p>
        <p className={NLDS.paragraph}>{candidates > 0 ? 'Je kunt het delen met:' : 'Er is niemand anders met wie je het kunt delen.'}</p>
        {candidates > 0 && (
          <div className="consent-actions">
            {otherPersons.map((p) => (
              <button key={p.id} type="button" className={NLDS.secondaryButton} onClick={() => void give({ kind: 'person', personId: p.id }, 'toestemming')}>
                Delen met {p.name.split(' ')[0]}
              </button>
            ))}
            {section.shareWith.consentRoles.map((role) => (
              <button key={role} type="button" className={NLDS.secondaryButton} onClick={() => void give({ kind: 'role', role }, 'toestemming')}>
                Delen met {ROLE_LABEL[role]}
              </button>
            ))}
          </div>
        )}
        {given && (
          <>
            <p className={NLDS.paragraph}>Gedeeld met:</p>
            {given}
          </>
        )}
        {failed}
      </section>
    );
  }
  return (
    <section className="consent-panel" aria-label="Toestemming">
      <h3 className={NLDS.heading4}>Toestemming en wettelijke grond</h3>
      {given || <p className={NLDS.paragraph}>Er is nog geen toestemming of wettelijke grond vastgelegd.</p>}
      {mayRecordGround &&
        (section.shareWith.legalGroundRoles.length > 0 ? (
          <LegalGroundForm roles={section.shareWith.legalGroundRoles} onSubmit={(role, reason) => give({ kind: 'role', role }, 'wettelijke_grond', reason)} />
        ) : (
          <p className={NLDS.paragraph}>Iedere professional in deze zaak kan dit al lezen; een wettelijke grond is niet nodig.</p>
        ))}
      {failed}
    </section>
  );
}

function LegalGroundForm({ roles, onSubmit }: { roles: readonly Role[]; onSubmit(role: Role, reason: string): Promise<unknown> }) {
  const [chosen, setRole] = useState<Role>('veilig_thuis');
  // The choice stays valid when the list shrinks after a legal ground is recorded.
  const role = roles.includes(chosen) ? chosen : (roles[0] ?? chosen);
  const [reason, setReason] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit(role, reason);
      }}
    >
      <label className={NLDS.label}>
        Lezen zonder toestemming door
        <select className={NLDS.select} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
      </label>
      <label className={NLDS.label}>
        Wettelijke grond (het gezin kan dit lezen)
        <textarea className={NLDS.textarea} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" className={NLDS.secondaryButton}>
        Wettelijke grond vastleggen
      </button>
    </form>
  );
}
