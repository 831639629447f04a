import type { Afspraak } from '../../../shared/blocks/afspraak.ts';
import { useCase } from '../../state/caseContext.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { ConfirmAgreement } from './ConfirmAgreement.tsx';

/**
 * Who has confirmed an agreement. A party named in it confirms it here, with or without edit
 * rights to the section; the server stores who and when.
 */
export function Confirmations({ sectionId, afspraak }: { sectionId: string; afspraak: Afspraak }) {
  const { detail, confirmations } = useCase();
  const mine = confirmations.filter((c) => c.sectionId === sectionId && c.blockId === afspraak.id);
  const byUser = new Map(mine.map((c) => [c.userId, c]));
  const iAmParty = afspraak.partijen.some((p) => p.userId === detail.me.userId);
  return (
    <div className="confirmations">
      <h4>Bevestigd door</h4>
      <ul>
        {afspraak.partijen.map((p) => {
          const c = p.userId ? byUser.get(p.userId) : undefined;
          return (
            <li key={p.personId ?? p.userId ?? p.naam} className={c ? 'confirmed' : 'unconfirmed'}>
              {p.naam}: {c ? `bevestigd op ${formatDateTime(c.at)}` : 'nog niet bevestigd'}
            </li>
          );
        })}
      </ul>
      {iAmParty && !byUser.has(detail.me.userId) && <ConfirmAgreement sectionId={sectionId} blockId={afspraak.id} />}
    </div>
  );
}
