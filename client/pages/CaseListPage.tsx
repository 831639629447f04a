import { useEffect, useState } from 'react';
import { z } from 'zod';
import { CaseSummary } from '../../shared/api.ts';
import { arrangeCaseload } from '../../shared/caseload.ts';
import { familyList } from '../../shared/familyHome.ts';
import { apiOrKept } from '../api/http.ts';
import { landAfterSignIn } from '../app/familyLanding.ts';
import { CaseloadControls, type CaseloadChoice, FIRST_CHOICE } from '../caseload/CaseloadControls.tsx';
import { CaseloadTable } from '../caseload/CaseloadTable.tsx';
import { EmergencyForm } from '../case/EmergencyForm.tsx';
import { FamilyCaseList } from '../family/FamilyCaseList.tsx';
import { NewCaseLink } from './NewCasePage.tsx';
import { useConnection } from '../state/connection.ts';
import { useSession } from '../state/session.ts';
import { NLDS } from '../ui/theme.ts';
import '../caseload/caseload.css';

/**
 * "Mijn zaken": every case of mine with what the server found for me in it (my role, what is
 * overdue, the next date), sorted and filtered here by the rules of `shared/caseload.ts`. A family
 * member in several cases gets the family's own list instead (`familyList`).
 */
export function CaseListPage() {
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choice, setChoice] = useState<CaseloadChoice>(FIRST_CHOICE);
  const emergencyStaff = useSession((st) => st.me?.emergencyStaff ?? false);

  // Read again when the server is back; offline, the list last read on this device.
  const returns = useConnection((s) => s.returns);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `returns` is the trigger
  useEffect(() => {
    apiOrKept('/api/cases', z.array(CaseSummary)).then(
      ({ data }) => {
        setCases(data);
        setError(null);
        landAfterSignIn(data);
      },
      (e: Error) => setError(e.message),
    );
  }, [returns]);

  // One case (a family's own) needs no sorting; a closed one is then shown too.
  const several = (cases?.length ?? 0) > 1;
  const shown = cases ? arrangeCaseload(cases, several ? choice : { ...FIRST_CHOICE, status: 'alle' }) : [];

  if (cases && familyList(cases)) return <FamilyCaseList cases={cases} />;
  return (
    <section>
      <h1 className={NLDS.heading1}>Mijn zaken</h1>
      <NewCaseLink />
      {error && <p role="alert">{error}</p>}
      {cases === null && !error && <p className={NLDS.paragraph}>Laden…</p>}
      {cases?.length === 0 && <p className={NLDS.paragraph}>{emergencyStaff ? 'Je hebt nu geen noodtoegang tot een zaak.' : 'Je bent nog bij geen enkele zaak betrokken.'}</p>}
      {cases && several && <CaseloadControls cases={cases} choice={choice} onChange={setChoice} />}
      {cases && several && (
        <p className={`caseload-count ${NLDS.paragraph}`} aria-live="polite">
          {shown.length === cases.length ? `${cases.length} zaken` : `${shown.length} van de ${cases.length} zaken`}
        </p>
      )}
      {cases && cases.length > 0 && shown.length === 0 && <p className={NLDS.paragraph}>Geen zaken die hierbij passen.</p>}
      {shown.length > 0 && <CaseloadTable cases={shown} sort={several ? choice.sort : FIRST_CHOICE.sort} />}
      {emergencyStaff && <EmergencyForm />}
    </section>
  );
}
