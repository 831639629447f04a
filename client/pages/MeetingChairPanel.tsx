import { useState } from 'react';
import type { SectionView } from '../../shared/api.ts';
import { type MeetingView, PRESENCE_LABEL, Presence } from '../../shared/meetings.ts';
import { REACTION_WERKDAGEN } from '../../shared/review.ts';
import { ROLE_LABEL } from '../../shared/roles.ts';
import { LabelledTable } from '../ui/LabelledTable.tsx';
import { NLDS } from '../ui/theme.ts';
import type { MeetingAction } from './meetingAction.ts';

/**
 * Who is invited and who is there. The chair records it (aanwezig, telefonisch, afwezig) until the
 * decision is recorded: the decision's "aanwezig" is taken from this list, so it no longer changes.
 */
export function MeetingAttendance({ meeting, act }: { meeting: MeetingView; act: MeetingAction }) {
  const editable = meeting.mayChair && meeting.status !== 'afgerond' && !meeting.decision;
  // Most of the table is there: one tap for them, then the chair changes the few who are not.
  const open = meeting.invitees.filter((i) => i.presence === null).length;
  return (
    <section aria-labelledby="attendance-title">
      <h3 id="attendance-title" className={NLDS.heading3}>
        Wie is er?
      </h3>
      <LabelledTable
        className="attendance"
        rows={meeting.invitees}
        rowKey={(i) => i.userId}
        columns={[
          {
            label: 'Naam',
            cell: (i) => (
              <>
                <span data-name={i.name}>{i.name}</span>
                {meeting.mayChair && !i.mailed && i.userId !== meeting.chair.userId && <span className="not-mailed"> (uitnodiging niet gemaild)</span>}
              </>
            ),
          },
          { label: 'Rol', cell: (i) => ROLE_LABEL[i.role] },
          { label: 'Aanwezig', cell: (i) => <PresenceCell invitee={i} editable={editable} act={act} /> },
        ]}
      />
      {editable && open > 0 && (
        <button type="button" className={NLDS.secondaryButton} onClick={() => void act('attendance/rest', { presence: 'aanwezig' }).catch(() => {})}>
          {open === 1 ? 'Zet de laatste op aanwezig' : open === meeting.invitees.length ? `Zet alle ${open} op aanwezig` : `Zet de andere ${open} op aanwezig`}
        </button>
      )}
    </section>
  );
}

type Invitee = MeetingView['invitees'][number];

/** Whether one invitee is there: a choice for the chair while it can change, else the word. */
function PresenceCell({ invitee: i, editable, act }: { invitee: Invitee; editable: boolean; act: MeetingAction }) {
  if (!editable) return <>{i.presence ? PRESENCE_LABEL[i.presence] : 'Nog niet ingevuld'}</>;
  return (
    <select
      className={NLDS.select}
      aria-label={`Aanwezigheid van ${i.name}`}
      value={i.presence ?? ''}
      onChange={(e) => {
        const presence = Presence.safeParse(e.target.value);
        if (presence.success) void act('attendance', { userId: i.userId, presence: presence.data }).catch(() => {});
      }}
    >
      <option value="" disabled>
        Nog niet ingevuld
      </option>
      {Presence.options.map((p) => (
        <option key={p} value={p}>
          {PRESENCE_LABEL[p]}
        </option>
      ))}
    </select>
  );
}

/**
 * Closing the Tafel: the chair marks the approved sections that go to the family for their reaction;
 * the minutes are made from agenda, notes and decision.
 */
export function MeetingClose({ meeting, sections, act }: { meeting: MeetingView; sections: readonly SectionView[]; act: MeetingAction }) {
  const approved = sections.filter((s) => s.status === 'goedgekeurd');
  const [share, setShare] = useState<string[]>([]);
  return (
    <form
      aria-labelledby="close-title"
      className="meeting-close"
      onSubmit={(e) => {
        e.preventDefault();
        if (confirm(closeQuestion(meeting))) void act('close', { share }).catch(() => {});
      }}
    >
      <h3 id="close-title" className={NLDS.heading3}>
        Tafel afronden
      </h3>
      <fieldset className={NLDS.fieldset}>
        <legend className={NLDS.legend}>Welke onderdelen gaan naar het gezin om te reageren? Het gezin heeft minstens {REACTION_WERKDAGEN} werkdagen.</legend>
        {approved.length === 0 ? (
          <p className={NLDS.paragraph}>Er is geen goedgekeurd onderdeel. Alleen een goedgekeurd onderdeel kan naar het gezin.</p>
        ) : (
          <ul className="choice-list">
            {approved.map((s) => (
              <li key={s.id}>
                <label className={NLDS.checkboxLabel}>
                  <input
                    type="checkbox"
                    className={NLDS.checkbox}
                    name="share"
                    value={s.id}
                    checked={share.includes(s.id)}
                    onChange={(e) => setShare((x) => (e.target.checked ? [...x, s.id] : x.filter((y) => y !== s.id)))}
                  />{' '}
                  {s.title}
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <button type="submit" className={NLDS.primaryButton}>
        Tafel afronden en verslag maken
      </button>
    </form>
  );
}

/**
 * What the chair is asked before closing: what is still missing (no decision, attendance not
 * filled in), so she does not close by mistake. It does not block: a Tafel can end without a decision.
 */
export function closeQuestion(meeting: MeetingView): string {
  const missing: string[] = [];
  if (!meeting.decision) missing.push('Er is nog geen besluit vastgelegd.');
  const open = meeting.invitees.filter((i) => !i.presence).length;
  if (open > 0) missing.push(open === 1 ? 'Bij 1 persoon is niet ingevuld of die er was.' : `Bij ${open} mensen is niet ingevuld of ze er waren.`);
  const question = 'De tafel afronden? Het verslag wordt gemaakt en de gekozen onderdelen gaan naar het gezin.';
  return missing.length > 0 ? `${missing.join(' ')}\n\n${question}` : question;
}
