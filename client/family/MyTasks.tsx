import { useEffect, useRef, useState } from 'react';
import { confirmedLine, type MyTask, taskWhen } from '../../shared/familyHome.ts';
import { ConfirmAgreement } from '../editor/blocks/ConfirmAgreement.tsx';
import { PlainText } from './PlainText.tsx';
import { NLDS } from '../ui/theme.ts';

/** "Wat moet ik doen": my actions and agreements, overdue first (the server sorts them). */
export function MyTasks({ tasks, onOpen }: { tasks: readonly MyTask[]; onOpen(sectionId: string): void }) {
  // The agreement she just agreed to: focus goes to the line that replaces its button.
  const [justConfirmed, setJustConfirmed] = useState<string | null>(null);
  if (tasks.length === 0) return <p className={NLDS.paragraph}>Je hoeft nu niets te doen.</p>;
  return (
    <ol className="family-tasks">
      {tasks.map((t) => (
        <li key={taskKey(t)} className={t.overdue ? 'is-overdue' : undefined} data-task={t.id}>
          <p className="task-what">
            <span className="task-kind">{t.kind === 'afspraak' ? 'Afspraak' : 'Taak'}: </span>
            <PlainText text={t.wat} />
          </p>
          {t.wie && <p className={NLDS.paragraph}>Wie doet dit: {t.wie}</p>}
          <p className={t.overdue ? 'overdue' : 'muted'}>{taskWhen(t)}</p>
          <p>
            <button type="button" className={NLDS.linkButton} onClick={() => onOpen(t.sectionId)}>
              Lees meer in {t.sectionTitle}
            </button>
          </p>
          {/* Once she agreed, the button gives way to when she did, in the same place. */}
          {t.toConfirm ? (
            <ConfirmAgreement sectionId={t.sectionId} blockId={t.id} onConfirmed={() => setJustConfirmed(taskKey(t))} />
          ) : (
            t.confirmedAt && <Confirmed at={t.confirmedAt} focus={justConfirmed === taskKey(t)} />
          )}
        </li>
      ))}
    </ol>
  );
}

const taskKey = (t: MyTask) => `${t.sectionId}/${t.id}`;

/**
 * "Je bent akkoord gegaan op …". Right after she agreed it takes the focus the button had, and is
 * read out, so a keyboard or screen-reader user is not left on nothing.
 */
function Confirmed({ at, focus }: { at: string; focus: boolean }) {
  const line = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (focus) line.current?.focus();
  }, [focus]);
  return (
    <p ref={line} tabIndex={-1} role="status" className="task-confirmed" data-confirmed-at={at}>
      {confirmedLine(at)}
    </p>
  );
}
