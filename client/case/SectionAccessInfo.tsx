import type { SectionView } from '../../shared/api.ts';
import { LEVEL_LABEL } from '../../shared/caseModel.ts';
import { nameWithRole } from '../../shared/roles.ts';
import { NLDS } from '../ui/theme.ts';

/** Above an open section: what the reader may do in it and why, any restriction, and who else can see it. */
export function SectionAccessInfo({ section }: { section: SectionView }) {
  return (
    <>
      <p className={NLDS.paragraph}>
        Jij mag: {LEVEL_LABEL[section.access]} ({section.because})
      </p>
      {section.restriction && <p className={NLDS.alertWarning}>Afgeschermd: {section.restriction}</p>}
      <details className="visible-to">
        <summary>Wie kan dit zien?</summary>
        <ul className={NLDS.unorderedList}>
          {section.visibleTo.map((v) => (
            <li key={v.name + v.role} className={NLDS.listItem}>
              {nameWithRole(v.name, v.role)}: {LEVEL_LABEL[v.level]} — {v.because}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
