import { type FormEvent, useState } from 'react';
import { EMERGENCY_HOURS, EmergencyStarted } from '../../shared/emergency.ts';
import { CATALOGUE } from '../../shared/sections.ts';
import { api } from '../api/http.ts';
import { useRouter } from '../app/router.ts';
import { NLDS } from '../ui/theme.ts';

/** The sections emergency access opens, from the catalogue the policy reads too. */
const IN_EMERGENCY = CATALOGUE.filter((e) => e.inEmergency)
  .map((e) => e.title.toLowerCase())
  .join(', ');

/**
 * For crisis staff: start emergency access to a case they are not in. The server checks the
 * reason with the same schema (`StartEmergencyRequest`) and decides what may be read.
 */
export function EmergencyForm() {
  const navigate = useRouter((r) => r.navigate);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    api('POST', '/api/emergency-access', EmergencyStarted, { caseId: form.get('caseId'), reason: form.get('reason') }).then(
      (started) => navigate(`/zaken/${encodeURIComponent(started.caseId)}`),
      (err: Error) => setError(err.message),
    );
  };
  return (
    <form className="emergency-form" onSubmit={submit} aria-labelledby="emergency-title">
      <h2 id="emergency-title" className={NLDS.heading2}>
        Noodtoegang
      </h2>
      <p className={NLDS.paragraph}>
        Alleen als de veiligheid van een kind nu niet kan wachten. Je leest dan {EMERGENCY_HOURS} uur lang alleen wat nodig is voor de veiligheid ({IN_EMERGENCY}),
        zonder iets te kunnen wijzigen. Alles wat je opent, komt in het logboek.
      </p>
      <label className={NLDS.label}>
        Zaaknummer
        <input name="caseId" className={NLDS.textbox} required autoComplete="off" />
      </label>
      <label className={NLDS.label}>
        Waarom is het nu nodig?
        <textarea name="reason" className={NLDS.textarea} required minLength={10} maxLength={500} rows={3} aria-describedby="emergency-reason-hint" />
      </label>
      <p id="emergency-reason-hint" className={NLDS.fieldDescription}>
        De regisseur en het gezin lezen deze reden.
      </p>
      {error && (
        <p role="alert" className={NLDS.errorMessage}>
          {error}
        </p>
      )}
      <button type="submit" className={NLDS.primaryButton}>
        Noodtoegang starten
      </button>
    </form>
  );
}
