import { optionLabel } from '../../shared/blocks/fields.ts';
import { decisionHeadline, writeUpNote } from '../../shared/decisionStanding.ts';
import { DECISION_MEANING, type FamilyDecision } from '../../shared/familyHome.ts';
import { formatDate } from '../../shared/format.ts';
import { ROLE_LABEL, type Role } from '../../shared/roles.ts';
import { FAMILY_STATUS_LABEL } from '../../shared/statusLabels.ts';
import { PlainText } from './PlainText.tsx';
import { NLDS } from '../ui/theme.ts';

/** The NL Design System status badge for each of the family's three words. */
const BADGE = { 'nog-niet-klaar': 'neutral', 'klaar-voor-reactie': 'warning', vastgesteld: 'success' } as const;

/** For a decision that applies: the status of its section, as a separate line about the write-up. */
function WriteUp({ d }: { d: FamilyDecision }) {
  return (
    <p className={`decision-write-up family-status-${d.familyStatus} ${NLDS.paragraph}`}>
      {d.familyStatus !== 'nog-niet-klaar' && (
        <>
          <strong className={`${NLDS.statusBadge} utrecht-status-badge--${BADGE[d.familyStatus]}`}>{FAMILY_STATUS_LABEL[d.familyStatus]}</strong>{' '}
        </>
      )}
      {writeUpNote(d.familyStatus)}
    </p>
  );
}

/** "Raad voor de Kinderbescherming, regio Midden-Nederland", or the role and the organisation when the name does not say the role. */
function whoIs(role: Role, organisation: string | null): string {
  const label = ROLE_LABEL[role];
  if (!organisation) return label;
  return organisation.startsWith(label) ? organisation : `${label}, ${organisation}`;
}

interface Props {
  decision: FamilyDecision;
  /** Opens the section to react in. */
  onReact(sectionId: string): void;
  /** Opens the decision's own section. */
  onRead(sectionId: string): void;
}

/**
 * A decision of the Tafel on the home page: whether it applies now or was replaced, who decided,
 * when, why, in plain words; for the one that applies, how far its write-up is.
 */
export function DecisionCard({ decision: d, onReact, onRead }: Props) {
  const choice = `Besluit: ${optionLabel('besluit', 'keuze', d.keuze)}`;
  const headline = decisionHeadline(d);
  const current = d.decided && d.replacedOn === null;
  return (
    <article className={`family-card decision-card${d.replacedOn ? ' is-replaced' : ''}`} aria-labelledby={`decision-${d.blockId}`} data-decision={d.blockId}>
      <p className="family-status">
        <strong className={`${NLDS.statusBadge} utrecht-status-badge--${headline.tone}`}>{headline.label}</strong>
        <span> {headline.meaning}</span>
      </p>
      {current && <WriteUp d={d} />}
      <h3 id={`decision-${d.blockId}`} className={`decision-choice ${NLDS.heading3}`}>
        {choice}
      </h3>
      <p className={NLDS.paragraph}>{DECISION_MEANING[d.keuze]}</p>
      <p className={`decision-by ${NLDS.paragraph}`}>
        {d.author ? (
          <>
            Besloten door <strong>{d.author.name}</strong> ({whoIs(d.author.role, d.authorOrganisation)})
          </>
        ) : (
          'Wie dit heeft vastgelegd, is niet bekend'
        )}{' '}
        op {formatDate(d.datum)}.
      </p>
      <h4>Waarom?</h4>
      <p className={NLDS.paragraph}>
        <PlainText text={d.onderbouwing} />
      </p>
      <details>
        <summary>Wie waren erbij?</summary>
        <ul className={NLDS.unorderedList}>
          {d.aanwezig.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      </details>
      {d.reactionUntil && !d.replacedOn && <p className={`reaction-until ${NLDS.paragraph}`}>Jullie kunnen reageren tot en met {formatDate(d.reactionUntil)}.</p>}
      <div className="family-actions">
        {d.reactIn && !d.replacedOn && (
          <button type="button" className={NLDS.primaryButton} onClick={() => onReact(d.reactIn!)}>
            Reageer hierop
          </button>
        )}
        <button type="button" className={NLDS.secondaryButton} onClick={() => onRead(d.sectionId)}>
          Lees het hele besluit
        </button>
      </div>
    </article>
  );
}
