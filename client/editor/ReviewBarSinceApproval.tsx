import { useState } from 'react';
import { formatFullDateTime } from '../../shared/format.ts';
import { SinceApproval, summaryLine } from '../../shared/sinceApproval.ts';
import { api } from '../api/http.ts';
import { HistoryDiff } from './HistoryPanelDiff.tsx';
import { NLDS } from '../ui/theme.ts';

/**
 * "Wat is er veranderd sinds mijn goedkeuring?": for a withdrawn approval, one click shows the
 * version that was approved, word by word against now, with who changed what.
 */
export function SinceApprovalButton({ url, mine }: { url: string; mine: boolean }) {
  const [since, setSince] = useState<SinceApproval | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = mine ? 'Wat is er veranderd sinds mijn goedkeuring?' : 'Wat is er veranderd sinds de goedkeuring?';
  const toggle = () => {
    if (since) return setSince(null);
    api('GET', `${url}/since-approval`, SinceApproval).then(
      (s) => {
        setSince(s);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  };
  return (
    <>
      <button type="button" className={NLDS.secondaryButton} aria-expanded={since !== null} onClick={toggle}>
        {label}
      </button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
      {since && (
        <section className="since-approval" style={{ flexBasis: "100%" }} aria-label="Veranderd sinds de goedkeuring">
          <p>
            Goedgekeurd door {since.approval.by} op {formatFullDateTime(since.approval.at)}. Sindsdien: {summaryLine(since.summary)}.
          </p>
          <HistoryDiff detail={since.detail} />
        </section>
      )}
    </>
  );
}
