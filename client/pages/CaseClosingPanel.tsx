import { type FormEvent, useState } from 'react';
import { may } from '../../shared/access/may.ts';
import { CaseRecord, CloseCase, startReasonLine } from '../../shared/caseClosing.ts';
import type { CaseDetail } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { isFamilyRole } from '../../shared/roles.ts';
import { useResource } from '../api/useResource.ts';
import { NLDS } from '../ui/theme.ts';
import { CaseRetentionPanel } from './CaseRetentionPanel.tsx';

/**
 * About the case itself: why it started, and whether it is closed (by whom, why, until when it is
 * kept). The regisseur closes it here, after a confirmation: from then on everyone only reads.
 */
export function CaseClosingPanel({ detail }: { detail: CaseDetail }) {
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const base = `/api/cases/${encodeURIComponent(detail.id)}`;
  const mayClose = may(detail.me, 'close-case', null).ok;
  // `version` reads the record again after a hold changed.
  const [version, setVersion] = useState(0);
  const { data: record, send } = useResource(`${base}/record`, CaseRecord, setError, version);

  const close = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const parsed = CloseCase.safeParse({ reason: data.get('reason'), ...(data.get('date') ? { date: data.get('date') } : {}) });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Controleer wat je invulde.');
    if (!confirm('De zaak sluiten? Daarna kan niemand er nog iets in veranderen.')) return;
    send('POST', `${base}/close`, parsed.data, () => setAsking(false));
  };

  if (!record) return error ? <p role="alert">{error}</p> : null;
  const reason = startReasonLine(detail.me.role, record.reason);
  // With no reason to read and nothing closed, the family would find only a heading here.
  if (!reason && !record.closed && !mayClose) return null;
  return (
    <section aria-labelledby="record-title" className="participants">
      <h3 id="record-title" className={NLDS.heading3}>Over deze zaak</h3>
      {reason && (
        <p className={NLDS.paragraph}>
          <strong>{reason.label}:</strong> {reason.text}
        </p>
      )}
      {record.closed ? (
        <p role="status" className={NLDS.paragraph}>
          Gesloten op {formatDateTime(record.closed.at)} door {record.closed.by}: {record.closed.reason}. Iedereen die de zaak kon lezen, leest haar nog; niemand verandert er iets in. Bewaard tot{' '}
          {record.closed.destroyAfter.slice(0, 10)}, daarna wordt ze vernietigd{record.retention.hold ? ', behalve als er dan nog een bewaarplicht op ligt' : ''}: {record.retention.years} jaar na het sluiten,{' '}
          {record.retention.organisation ? `de termijn van ${record.retention.organisation}, de langste van de organisaties in deze zaak` : 'de standaardtermijn'}.
        </p>
      ) : (
        mayClose &&
        (asking ? (
          <form className="invite-form" onSubmit={close}>
            <label className={NLDS.label}>
              Waarom sluit de zaak?
              <textarea className={NLDS.textarea} name="reason" required rows={3} />
            </label>
            <label className={NLDS.label}>
              Datum (mag leeg: vandaag)
              <input className={NLDS.textbox} name="date" type="date" />
            </label>
            <button type="submit" className={NLDS.primaryButton}>
              Zaak sluiten
            </button>{' '}
            <button type="button" className={NLDS.secondaryButton} onClick={() => setAsking(false)}>
              Annuleren
            </button>
          </form>
        ) : (
          <button type="button" className={NLDS.secondaryButton} onClick={() => setAsking(true)}>
            Zaak sluiten…
          </button>
        ))
      )}
      {error && (
        <p role="alert" className={`error ${NLDS.paragraph}`}>
          {error}
        </p>
      )}
      {!detail.me.emergency && !isFamilyRole(detail.me.role) && <CaseRetentionPanel detail={detail} retention={record.retention} onChanged={() => setVersion((v) => v + 1)} />}
    </section>
  );
}
