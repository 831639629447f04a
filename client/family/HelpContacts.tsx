import type { HelpContact, Werkdag } from '../../shared/familyHome.ts';
import { roleInText } from '../../shared/roles.ts';
import { NLDS } from '../ui/theme.ts';
import { PlainText } from './PlainText.tsx';

/** "maandag, dinsdag en donderdag". */
function dayList(days: readonly Werkdag[]): string {
  if (days.length <= 1) return days.join('');
  return `${days.slice(0, -1).join(', ')} en ${days.at(-1)}`;
}

/** Who helps us: the fixed contact person of each organisation, with phone and working days; a word like "wijkteam" explained on tap. */
export function HelpContacts({ contacts }: { contacts: readonly HelpContact[] }) {
  if (contacts.length === 0) return <p className={NLDS.paragraph}>Er is nog geen vaste contactpersoon.</p>;
  return (
    <ul className="family-contacts">
      {contacts.map((c) => (
        <li key={c.organisation} data-contact={c.organisation}>
          <p className="contact-org">
            <PlainText text={c.organisation} />
          </p>
          <p>
            <strong>{c.name}</strong>, <span className="muted">{roleInText(c.role)}</span>
          </p>
          {c.phone && (
            <p>
              Bel: <a className={NLDS.link} href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a>
            </p>
          )}
          {c.workingDays.length > 0 && <p>Werkt op {dayList(c.workingDays)}.</p>}
        </li>
      ))}
    </ul>
  );
}
