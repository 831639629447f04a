import { z } from 'zod';
import { InvitationOutcome, type InvitationState, InvitationSummary, type MailState } from '../../shared/invitationsApi.ts';
import { ROLE_LABEL } from '../../shared/roles.ts';
import { formatDateTime } from '../../shared/format.ts';
import { api } from '../api/http.ts';
import { useResource } from '../api/useResource.ts';
import { LabelledTable } from '../ui/LabelledTable.tsx';
import { FormMessages } from '../ui/FormMessages.tsx';
import { useMessages } from '../ui/useMessages.ts';
import { NLDS } from '../ui/theme.ts';

const STATE_LABEL: Record<InvitationState, string> = { open: 'Nog niet gebruikt', gebruikt: 'Aangenomen', verlopen: 'Verlopen', ingetrokken: 'Ingetrokken' };
const MAIL_LABEL: Record<MailState, string> = { verstuurd: 'gemaild', wacht: 'mail volgt (we proberen het opnieuw)', 'geen-smtp': 'niet gemaild', opgegeven: 'mail lukte niet' };

const INVITATIONS = z.array(InvitationSummary);

/**
 * The regisseur's invitations of this case: who, in which role, until when the link works, how
 * the mail went; a link not yet used can be sent again (a new link) or taken back. `version`
 * changes when a new invitation was made, so the list is read again.
 */
export function InvitationList({ caseId, version, onLink }: { caseId: string; version: number; onLink(link: string | null): void }) {
  const { status, error, setError, done, failed } = useMessages(() => load());
  const base = `/api/cases/${encodeURIComponent(caseId)}/invitations`;
  const { data: rows, load } = useResource(base, INVITATIONS, setError, version);

  const resend = (row: InvitationSummary) => {
    api('POST', `${base}/${encodeURIComponent(row.id)}/resend`, InvitationOutcome).then((r) => {
      onLink(r.mailed ? null : (r.link ?? null));
      done(r.mailed ? `Nieuwe uitnodiging gemaild naar ${row.email}. De oude link werkt niet meer.` : `Nieuwe link gemaakt voor ${row.name}. De oude link werkt niet meer.`);
    }, failed);
  };
  const revoke = (row: InvitationSummary) => {
    if (!confirm(`De uitnodiging van ${row.name} intrekken? De link werkt dan niet meer.`)) return;
    api('DELETE', `${base}/${encodeURIComponent(row.id)}`, z.unknown()).then(() => done(`De uitnodiging van ${row.name} is ingetrokken.`), failed);
  };

  if (rows === null || rows.length === 0)
    return error ? (
      <p role="alert" className={NLDS.errorMessage}>
        {error}
      </p>
    ) : null;
  return (
    <section aria-labelledby="invitations-title">
      <h3 id="invitations-title" className={NLDS.heading3}>
        Uitnodigingen
      </h3>
      <LabelledTable
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          { label: 'Naam', cell: (r) => r.name },
          { label: 'Als', cell: (r) => ROLE_LABEL[r.role] },
          { label: 'Stand', cell: (r) => `${STATE_LABEL[r.state]}${r.mail && r.state === 'open' ? `, ${MAIL_LABEL[r.mail]}` : ''}` },
          { label: 'Link werkt tot', cell: (r) => (r.state === 'open' ? formatDateTime(r.expiresAt) : '–') },
          {
            label: 'Doen',
            cell: (r) =>
              r.state !== 'gebruikt' && (
                <span className={NLDS.buttonGroup}>
                  <button type="button" className={NLDS.secondaryButton} onClick={() => resend(r)} aria-label={`Uitnodiging van ${r.name} opnieuw sturen`}>
                    Opnieuw sturen
                  </button>
                  {r.state === 'open' && (
                    <button type="button" className={NLDS.secondaryButton} onClick={() => revoke(r)} aria-label={`Uitnodiging van ${r.name} intrekken`}>
                      Intrekken
                    </button>
                  )}
                </span>
              ),
          },
        ]}
      />
      <FormMessages status={status} error={error} />
    </section>
  );
}
