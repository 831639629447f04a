import { may } from '../../../shared/access/may.ts';
import type { Party } from '../../../shared/blocks/common.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { awaitsMyConfirmation, myParty } from '../../../shared/overview.ts';
import { useCase } from '../../state/caseContext.ts';
import { ConfirmAgreement, useFocusMyConfirmation } from './ConfirmAgreement.tsx';
import { useCannotConfirm } from './partyRule.ts';

/**
 * The parties of a block with whether each has confirmed it. A party confirms it here, with or
 * without edit rights to the section; the server stores who and when.
 */
export function Confirmations({ sectionId, blockId, parties, status }: { sectionId: string; blockId: string; parties: readonly Party[]; status: string | undefined }) {
  const { detail, confirmations } = useCase();
  const mine = confirmations.filter((c) => c.sectionId === sectionId && c.blockId === blockId);
  const byUser = new Map(mine.map((c) => [c.userId, c]));
  // The same rule the server confirms by: a party named in the agreement, not under emergency access.
  const mayConfirm = may(detail.me, 'confirm-agreement', { parties }).ok;
  const cannotConfirm = useCannotConfirm(sectionId);
  // Whether it waits for me by the rule Thuis, "Ons plan" and "Mijn zaken" use.
  const waitsForMe = awaitsMyConfirmation(
    { partijen: parties.map((p) => ({ ...p, bevestigdOp: (p.userId ? byUser.get(p.userId)?.at : undefined) ?? null })), status },
    detail.me,
  );
  const me = myParty(parties, detail.me);
  const focus = useFocusMyConfirmation(Boolean(me?.userId && byUser.has(me.userId)));
  return (
    <div className="confirmations">
      <ul>
        {parties.map((p) => {
          const c = p.userId ? byUser.get(p.userId) : undefined;
          return (
            <li key={p.personId ?? p.userId ?? p.naam} ref={p === me ? focus.mine : undefined} tabIndex={p === me ? -1 : undefined} className={c ? 'confirmed' : 'unconfirmed'}>
              {p.naam}: {c ? `bevestigd op ${formatDateTime(c.at)}` : (cannotConfirm(p.userId) ?? 'nog niet bevestigd')}
            </li>
          );
        })}
      </ul>
      {mayConfirm && waitsForMe && <ConfirmAgreement sectionId={sectionId} blockId={blockId} onConfirmed={focus.onConfirmed} />}
    </div>
  );
}
