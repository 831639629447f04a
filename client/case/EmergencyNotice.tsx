import { useEffect, useState } from 'react';
import { z } from 'zod';
import { may } from '../../shared/access/may.ts';
import type { CaseDetail } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { isFamilyRole } from '../../shared/roles.ts';
import { api } from '../api/http.ts';
import { useRouter } from '../app/router.ts';
import { NLDS } from '../ui/theme.ts';

type Person = CaseDetail['participants'][number];
/** "Karim El Amrani (Veilig Thuis Flevoland)": the name the server gives, or the name alone. */
const named = (p: Person) => (p.organisation ? `${p.name} (${p.organisation})` : p.name);

/**
 * Emergency access in this case. The crisis worker reads what she may and may not do, until when,
 * and can end it; everyone else in the case reads who has it, until when and why, and the
 * regisseur can end it.
 */
export function EmergencyNotice({ detail }: { detail: CaseDetail }) {
  const { me } = detail;
  if (me.emergency) return <OwnEmergency detail={detail} />;
  const others = detail.participants.filter((p) => p.emergency);
  if (others.length === 0) return null;
  const family = isFamilyRole(me.role);
  return (
    <section className={`emergency-notice ${NLDS.alertWarning}`} aria-label="Noodtoegang">
      <div className={NLDS.alertMessage}>
        {others.map((p) => (
          <p key={p.userId} className={NLDS.paragraph}>
            <strong>Noodtoegang:</strong>{' '}
            {family
              ? `${named(p)} mag tot ${formatDateTime(p.emergency!.until)} een deel van jullie dossier lezen, omdat er iets dringends is.`
              : `${named(p)} leest tot ${formatDateTime(p.emergency!.until)} de onderdelen die nodig zijn voor de veiligheid.`}{' '}
            Reden: “{p.emergency!.reason}”{' '}
            {may(me, 'end-emergency', { own: false }).ok && <EndButton caseId={detail.id} accessId={p.emergency!.id} label={`Noodtoegang van ${p.name} beëindigen`} />}
          </p>
        ))}
      </div>
    </section>
  );
}

function OwnEmergency({ detail }: { detail: CaseDetail }) {
  const grant = detail.me.emergency!;
  const navigate = useRouter((r) => r.navigate);
  const [over, setOver] = useState(() => Date.parse(grant.until) <= Date.now());
  useEffect(() => {
    const timer = setTimeout(() => setOver(true), Math.max(0, Date.parse(grant.until) - Date.now()));
    return () => clearTimeout(timer);
  }, [grant.until]);
  if (over) {
    return (
      <section className={`emergency-notice ${NLDS.alertWarning}`} aria-label="Noodtoegang">
        <div className={NLDS.alertMessage}>
          <p role="alert" className={NLDS.paragraph}>
            Je noodtoegang is voorbij. Wat je nog open had, is gesloten. Moet je verder, vraag dan de regisseur je aan de zaak toe te voegen.
          </p>
        </div>
      </section>
    );
  }
  return (
    <section className={`emergency-notice ${NLDS.alertWarning}`} aria-label="Noodtoegang">
      <div className={NLDS.alertMessage}>
        <p className={NLDS.paragraph}>
          <strong>Noodtoegang tot {formatDateTime(grant.until)}.</strong> Je leest alleen wat nodig is voor de veiligheid van de kinderen en je kunt niets
          wijzigen. Alles wat je opent, staat in het logboek. De regisseur en het gezin zien dat je hier bent en waarom: “{grant.reason}”
        </p>
        <EndButton caseId={detail.id} accessId={grant.id} label="Noodtoegang beëindigen" onEnded={() => navigate('/')} />
      </div>
    </section>
  );
}

function EndButton({ caseId, accessId, label, onEnded }: { caseId: string; accessId: string; label: string; onEnded?: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const end = () => {
    api('POST', `/api/cases/${encodeURIComponent(caseId)}/emergency-access/${encodeURIComponent(accessId)}/end`, z.unknown()).then(
      () => onEnded?.(),
      (e: Error) => setError(e.message),
    );
  };
  return (
    <>
      <button type="button" className={NLDS.secondaryButton} onClick={end}>
        {label}
      </button>
      {error && <span role="alert">{error}</span>}
    </>
  );
}
