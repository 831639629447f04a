import { useEffect, useRef, useState } from 'react';
import type { AccessLevel, SectionStatus } from '../../shared/caseModel.ts';
import { decisionHeadline, writeUpNote } from '../../shared/decisionStanding.ts';
import { FAMILY_STATUS, statusLabelFor } from '../../shared/statusLabels.ts';
import { may } from '../../shared/access/may.ts';
import type { Viewer } from '../../shared/access/may.ts';
import { ReviewView } from '../../shared/review.ts';
import { isFamilyRole } from '../../shared/roles.ts';
import { api } from '../api/http.ts';
import { useCaseVersion } from '../state/caseLive.ts';
import { formatDate, formatFullDateTime } from '../../shared/format.ts';
import { SinceApprovalButton } from './ReviewBarSinceApproval.tsx';
import { NLDS, statusBadge } from '../ui/theme.ts';

const MOVE_LABEL: Partial<Record<`${SectionStatus}>${SectionStatus}`, string>> = {
  'concept>review': 'Ter review aanbieden',
  'review>concept': 'Terug naar concept',
  'review>goedgekeurd': 'Goedkeuren',
  'goedgekeurd>gedeeld': 'Delen met het gezin',
  'gedeeld>vastgesteld': 'Vaststellen',
};

/**
 * Status of a section and the moves the viewer may make. The buttons mirror the server's rule
 * (`may(me, 'move-status')`), which decides; the approval is shown with who and when, and so is its
 * withdrawal by a later change.
 */
export function ReviewBar({ caseId, sectionId, access, me, decidedOn = null }: { caseId: string; sectionId: string; access: AccessLevel; me: Viewer & { name?: string }; decidedOn?: string | null }) {
  const role = me.role;
  const [review, setReview] = useState<ReviewView | null>(null);
  const [error, setError] = useState<string | null>(null);
  // After a move its button is gone: focus goes to the bar, which says the new status.
  const bar = useRef<HTMLDivElement>(null);
  const [moved, setMoved] = useState(0);
  useEffect(() => {
    if (moved > 0) bar.current?.focus();
  }, [moved]);
  const version = useCaseVersion(caseId, ['status']);
  const url = `/api/cases/${encodeURIComponent(caseId)}/sections/${encodeURIComponent(sectionId)}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the live-update trigger
  useEffect(() => {
    api('GET', `${url}/review`, ReviewView).then(setReview, () => {});
  }, [url, version]);
  if (!review) return null;
  const moves = (Object.keys(MOVE_LABEL) as (keyof typeof MOVE_LABEL)[]).filter(
    (m) => m.startsWith(`${review.status}>`) && may(me, 'move-status', { from: review.status, to: m.split('>')[1] as SectionStatus, level: access }).ok,
  );
  const lastWithdrawal = [...review.history].reverse().find((h) => h.reason.startsWith('goedkeuring vervallen'));
  return (
    <div className="review-bar" aria-live="polite" ref={bar} tabIndex={-1}>
      {decidedOn ? (
        // The decision was taken; the review status is about the write-up around it (as on Thuis).
        <>
          <span className={`${NLDS.statusBadge} utrecht-status-badge--success`}>{decisionHeadline({ datum: decidedOn, decided: true, replacedOn: null, familyStatus: FAMILY_STATUS[review.status] }).label}</span>
          <span className="write-up-note">{writeUpNote(FAMILY_STATUS[review.status])}</span>
        </>
      ) : (
        <span className={statusBadge(role, review.status)}>{statusLabelFor(role, review.status)}</span>
      )}
      {review.approval && !review.approval.withdrawnAt && (
        <span className="approval">
          Goedgekeurd door {review.approval.by} op {formatFullDateTime(review.approval.at)}
        </span>
      )}
      {review.status === 'review' && lastWithdrawal && (
        <span className="approval-withdrawn" role="status">
          {lastWithdrawal.reason.charAt(0).toUpperCase() + lastWithdrawal.reason.slice(1)}
        </span>
      )}
      {review.approval?.withdrawnAt && !isFamilyRole(role) && <SinceApprovalButton url={url} mine={review.approval.by === me.name} />}
      {review.reactionUntil && review.status === 'gedeeld' && (
        <span className="reaction-until">{isFamilyRole(role) ? `Je kunt reageren tot en met ${formatDate(review.reactionUntil)}.` : `Reactietermijn gezin tot en met ${formatDate(review.reactionUntil)}`}</span>
      )}
      {moves.map((m) => (
        <button
          key={m}
          type="button"
          className={NLDS.secondaryButton}
          onClick={() =>
            api('POST', `${url}/status`, ReviewView, { to: m.split('>')[1], reason: '' }).then(
              (r) => {
                setReview(r);
                setError(null);
                setMoved((n) => n + 1);
              },
              (e: Error) => setError(e.message),
            )
          }
        >
          {MOVE_LABEL[m]}
        </button>
      ))}
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </div>
  );
}
