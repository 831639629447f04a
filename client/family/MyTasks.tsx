import { confirmedLine, type MyTask, taskWhen } from '../../shared/familyHome.ts';
import { ConfirmAgreement } from '../editor/blocks/ConfirmAgreement.tsx';
import { PlainText } from './PlainText.tsx';
import { NLDS } from '../ui/theme.ts';

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
          <p className={t.overdue ? 'overdue' : 'muted'}>{taskWhen(t)}</p>
          <p>
            <button type="button" className={NLDS.linkButton} onClick={() => onOpen(t.sectionId)}>
              Lees meer in {t.sectionTitle}
            </button>
          </p>
          {/* Once she agreed, the button gives way to when she did, in the same place. */}
          {t.toConfirm ? (
            <ConfirmAgreement sectionId={t.sectionId} blockId={t.id} />
          ) : (
            t.confirmedAt && (
              <p className="task-confirmed" data-confirmed-at={t.confirmedAt}>
                {confirmedLine(t.confirmedAt)}
              </p>
            )
          )}
        </li>
      ))}
    </ol>
  );
}
