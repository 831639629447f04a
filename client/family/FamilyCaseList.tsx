import type { CaseSummary } from '../../shared/api.ts';
import { isClosedCase } from '../../shared/caseload.ts';
import { thuisPath } from '../../shared/familyHome.ts';
import { roleInText } from '../../shared/roles.ts';
import { linkTo } from '../app/router.ts';
import { NLDS } from '../ui/theme.ts';
import './familyHome.css';

/** How many things there are for me in a case, in plain words. */
const toDo = (n: number): string => (n === 0 ? 'Er is nu niets dat je moet doen.' : n === 1 ? 'Er is 1 ding dat je moet doen.' : `Er zijn ${n} dingen die je moet doen.`);

/**
 * The family's own list, for a parent, young person or network member in more than one case
 * (`familyList`): each case by name, leading to its "Thuis". No sorting or terms of the work:
 * that is the professionals' list.
 */
export function FamilyCaseList({ cases }: { cases: readonly CaseSummary[] }) {
  return (
    <section className="family-home">
      <h1 className={NLDS.heading1}>Jouw gezinnen</h1>
      <p className={NLDS.paragraph}>Je doet mee bij {cases.length} gezinnen. Kies welk gezin je wilt bekijken.</p>
      <ul className="family-list" aria-label="Jouw gezinnen">
        {cases.map((c) => (
          <li key={c.id} className="family-card">
            <p className={NLDS.paragraph}>
              <a className={`${NLDS.link} family-case-link`} {...linkTo(thuisPath(c.id))}>
                {c.title}
              </a>
            </p>
            <p className={NLDS.paragraph}>Je doet mee als {roleInText(c.myRole)}.</p>
            <p className={NLDS.paragraph}>{isClosedCase(c.status) ? 'Dit dossier is gesloten.' : toDo(c.items.length)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
