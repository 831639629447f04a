import type { MyTask } from '../../shared/familyHome.ts';
import { formatShortDate } from '../../shared/format.ts';
import { ConfirmAgreement } from '../editor/blocks/ConfirmAgreement.tsx';
import { PlainText } from './PlainText.tsx';
import { NLDS } from '../ui/theme.ts';

/** When a task must be done, in plain words: late ones say so first. */
function when(t: MyTask): string {
  if (t.deadline === null) return 'Geen einddatum';
  return t.overdue ? `Te laat: dit moest klaar zijn op ${formatShortDate(t.deadline)}` : `Klaar op ${formatShortDate(t.deadline)}`;
}

/** "Wat moet ik doen": my actions and agreements, overdue first (the server sorts them). */
export function MyTasks({ tasks, onOpen }: { tasks: readonly MyTask[]; onOpen(sectionId: string): void }) {
  if (tasks.length === 0) return <p className={NLDS.paragraph}>Je hoeft nu niets te doen.</p>;
  return (
    <ol className="family-tasks">
      {tasks.map((t) => (
        <li key={`${t.sectionId}/${t.id}`} className={t.overdue ? 'is-overdue' : undefined} data-task={t.id}>
          <p className="task-what">
            <span className="task-kind">{t.kind === 'afspraak' ? 'Afspraak' : 'Taak'}: </span>
            <PlainText text={t.wat} />
          </p>
          <p className={t.overdue ? 'overdue' : 'muted'}>{when(t)}</p>
          <p>
            <button type="button" className={NLDS.linkButton} onClick={() => onOpen(t.sectionId)}>
              Lees meer in {t.sectionTitle}
            </button>
          </p>
          {t.toConfirm && <ConfirmAgreement sectionId={t.sectionId} blockId={t.id} />}
        </li>
      ))}
    </ol>
  );
}
