import { type ReactNode, type SelectHTMLAttributes, useId } from 'react';
import type { CaseSummary } from '../../shared/api.ts';
import { CASELOAD_SORT_LABEL, CaseloadSort, type CaseloadQuery, CaseStatusFilter } from '../../shared/caseload.ts';
import { regionName } from '../../shared/regions.ts';
import { ROLE_LABEL, Role } from '../../shared/roles.ts';
import { NLDS } from '../ui/theme.ts';

/** The choices of the list: what `arrangeCaseload` takes, always with a sort. */
export type CaseloadChoice = CaseloadQuery & { sort: CaseloadSort };

export const FIRST_CHOICE: CaseloadChoice = { sort: 'te-laat', alleenTeLaat: false, rol: '', regio: '', status: 'open' };

const STATUS_LABEL: Record<CaseStatusFilter, string> = { open: 'Open zaken', gesloten: 'Gesloten zaken', alle: 'Open en gesloten zaken' };

/** A region by its name where Tafel knows it, else as stored. */

/** A select with its own label beside it (a label around a select would read its options as its name). */
function Choice({ label, children, ...select }: { label: string; children: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className="caseload-choice">
      <label htmlFor={id} className={NLDS.label}>
        {label}
      </label>
      <select id={id} className={NLDS.select} {...select}>
        {children}
      </select>
    </div>
  );
}

/**
 * Sort and filter controls of "Mijn zaken", each with its label; the choices for role and
 * region are those that occur in my cases.
 */
export function CaseloadControls({ cases, choice, onChange }: { cases: readonly CaseSummary[]; choice: CaseloadChoice; onChange(next: CaseloadChoice): void }) {
  const roles = Role.options.filter((r) => cases.some((c) => c.myRole === r));
  const regions = [...new Set(cases.map((c) => c.region))].sort();
  const set = (part: Partial<CaseloadChoice>) => onChange({ ...choice, ...part });
  return (
    <fieldset className={`caseload-controls ${NLDS.fieldset}`}>
      <legend className={NLDS.legend}>Sorteren en filteren</legend>
      <Choice label="Sorteren op" value={choice.sort} onChange={(e) => set({ sort: CaseloadSort.parse(e.target.value) })}>
        {CaseloadSort.options.map((s) => (
          <option key={s} value={s}>
            {CASELOAD_SORT_LABEL[s]}
          </option>
        ))}
      </Choice>
      <Choice label="Welke zaken" value={choice.status} onChange={(e) => set({ status: CaseStatusFilter.parse(e.target.value) })}>
        {(Object.keys(STATUS_LABEL) as CaseStatusFilter[]).map((s) => (
          <option key={s} value={s}>
            {STATUS_LABEL[s]}
          </option>
        ))}
      </Choice>
      <Choice label="Mijn rol" value={choice.rol} onChange={(e) => set({ rol: e.target.value === '' ? '' : Role.parse(e.target.value) })}>
        <option value="">Alle rollen</option>
        {roles.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABEL[r]}
          </option>
        ))}
      </Choice>
      <Choice label="Regio" value={choice.regio} onChange={(e) => set({ regio: e.target.value })}>
        <option value="">Alle regio’s</option>
        {regions.map((r) => (
          <option key={r} value={r}>
            {regionName(r)}
          </option>
        ))}
      </Choice>
      <label className={`caseload-check ${NLDS.checkboxLabel}`}>
        <input type="checkbox" className={NLDS.checkbox} checked={choice.alleenTeLaat} onChange={(e) => set({ alleenTeLaat: e.target.checked })} />
        Alleen zaken met iets dat te laat is
      </label>
    </fieldset>
  );
}
