import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { type AccessLevel, atLeast } from '../../../shared/caseModel.ts';
import { type CommentVisibility, DESTROYING_OUTCOME, isRequest, REQUESTS, requestState, type ThreadKind, ThreadView } from '../../../shared/comments.ts';
import { may } from '../../../shared/access/may.ts';
import { isFamilyRole, type Role } from '../../../shared/roles.ts';
import { api, messageKeepingText } from '../../api/http.ts';
import { useCase } from '../../state/caseContext.ts';
import { useCaseVersion } from '../../state/caseLive.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { readableMentions } from '../../../shared/notices.ts';
import { MentionPicker } from '../../notices/MentionPicker.tsx';
import { anchorForSelection, resolveAnchor } from './anchors.ts';
import { SET_THREADS } from './commentHighlights.ts';
import { DecisionForm, ReplyForm } from './ThreadForms.tsx';
import { commentFieldId, useCommentTarget } from './commentTarget.ts';
import { type BadgeTone, badge, NLDS } from '../../ui/theme.ts';

const Threads = z.array(ThreadView);
/** What a family member can choose to write, in B1 words: the choice, the field's label, what happens next, a request's button. */
const KIND_CHOICE: Record<ThreadKind, { choice: string; field(about: string): string; hint: string; submit?: string }> = {
  reactie: { choice: 'Reageren', field: (about) => `Reactie op ${about}`, hint: 'Iedereen die dit onderdeel kan lezen, ziet je reactie.' },
  correctieverzoek: {
    choice: 'Dit klopt niet: vraag om verbetering',
    field: (about) => `Wat klopt er niet in ${about}, en hoe moet het wel?`,
    hint: 'Wie dit onderdeel schrijft, past het aan of legt uit waarom niet. Je ziet het antwoord hier.',
    submit: 'Vraag om verbetering',
  },
  verwijderverzoek: {
    choice: 'Dit moet weg: vraag om verwijdering',
    field: (about) => `Waarom moet ${about} uit het dossier?`,
    hint: 'Wie dit onderdeel schrijft, haalt het weg of legt uit waarom niet. Je ziet het antwoord hier. Wordt het weggehaald, dan verdwijnt het ook uit de geschiedenis van het onderdeel.',
    submit: 'Vraag om verwijdering',
  },
};
const VISIBILITY_LABEL: Record<CommentVisibility, string> = { professionals: 'Alleen professionals', iedereen: 'Iedereen (ook het gezin)' };
/** What the family can read stands out from what only professionals read. */
const VISIBILITY_TONE: Record<CommentVisibility, BadgeTone> = { professionals: 'neutral', iedereen: 'warning' };

interface Props {
  editor: Editor;
  caseId: string;
  sectionId: string;
  access: AccessLevel;
  role: Role;
}

/**
 * Comment threads of one section, anchored to text; live, with replies and resolve/reopen. A
 * family member can also ask for a correction or a removal; whoever may edit the section answers it.
 */
export function CommentsPanel({ editor, caseId, sectionId, access, role }: Props) {
  const [threads, setThreads] = useState<ThreadView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const version = useCaseVersion(caseId, ['comments', 'access']);
  const base = `/api/cases/${encodeURIComponent(caseId)}`;
  const family = isFamilyRole(role);
  const { me } = useCase().detail;
  const mayComment = atLeast(access, 'comment');
  const target = useCommentTarget((s) => s.target);
  const clearTarget = useCommentTarget((s) => s.clear);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the live-update trigger
  useEffect(() => {
    api('GET', `${base}/sections/${encodeURIComponent(sectionId)}/threads`, Threads).then(setThreads, (e: Error) => setError(e.message));
  }, [base, sectionId, version]);
  useEffect(() => {
    if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(SET_THREADS, threads));
  }, [editor, threads]);
  // Re-render on every editor change, so "tekst verwijderd" shows as soon as the text is gone.
  const { hasSelection } = useEditorState({ editor, selector: ({ editor: e }) => ({ hasSelection: !e.state.selection.empty, doc: e.state.doc }) });

  const replace = (t: ThreadView) => setThreads((all) => (all.some((x) => x.id === t.id) ? all.map((x) => (x.id === t.id ? t : x)) : [...all, t]));
  /**
   * Resolves true once the server took it; on a refusal the message shows and the form keeps what
   * was typed (`typed` false: a button without a form, nothing to keep).
   */
  const call = (p: Promise<ThreadView>, typed = true): Promise<boolean> =>
    p.then(
      (t) => {
        replace(t);
        setError(null);
        return true;
      },
      (e: Error) => {
        setError(typed ? messageKeepingText(e) : e.message);
        return false;
      },
    );
  // An answered request stays in view: the answer is what the family asked for.
  const shown = threads.filter((t) => showResolved || !t.resolvedAt || isRequest(t.kind));

  return (
    <section className="comments" aria-label="Reacties">
      <h3 className={NLDS.heading4}>Reacties</h3>
      {mayComment && (
        <NewThreadForm
          family={family}
          fieldId={commentFieldId(sectionId)}
          sectionUrl={`${base}/sections/${encodeURIComponent(sectionId)}`}
          target={target?.sectionId === sectionId ? target.label : null}
          onClearTarget={clearTarget}
          disabled={!hasSelection && target?.sectionId !== sectionId}
          onSubmit={(body, visibility, kind) => {
            const anchor = target?.sectionId === sectionId ? target.anchor : anchorForSelection(editor.state);
            if (!anchor) {
              setError('Selecteer eerst de tekst waar je op wilt reageren, of kies "Reageren" bij een blok.');
              return Promise.resolve(false);
            }
            return call(api('POST', `${base}/sections/${encodeURIComponent(sectionId)}/threads`, ThreadView, { anchor, visibility, kind, body })).then((ok) => {
              if (ok && anchor.kind === 'block') clearTarget();
              return ok;
            });
          }}
        />
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {threads.some((t) => t.resolvedAt && !isRequest(t.kind)) && (
        <label className={`inline ${NLDS.checkboxLabel}`}>
          <input type="checkbox" className={NLDS.checkbox} checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> Toon afgehandelde reacties
        </label>
      )}
      {shown.length === 0 && <p className={NLDS.paragraph}>Nog geen reacties.</p>}
      <ul className="threads">
        {shown.map((t) => {
          const at = resolveAnchor(editor.state, t.anchor);
          return (
            <li key={t.id} className={`thread${t.resolvedAt && !isRequest(t.kind) ? ' resolved' : ''}`} data-thread={t.id}>
              <p className={`thread-meta ${NLDS.badgeList}`}>
                <span className={badge(VISIBILITY_TONE[t.visibility])}>{VISIBILITY_LABEL[t.visibility]}</span>
                {isRequest(t.kind) ? (
                  <span className={badge(t.decision ? 'neutral' : 'warning')}>{requestState(t)}</span>
                ) : (
                  t.resolvedAt && <span className={badge('inactive')}>Afgehandeld</span>
                )}
              </p>
              {t.anchor.quote === '' && t.decision?.outcome === DESTROYING_OUTCOME ? (
                <blockquote className="deleted-anchor">
                  <strong>Tekst weggehaald, ook uit de geschiedenis.</strong>
                </blockquote>
              ) : (
                <blockquote className={at ? undefined : 'deleted-anchor'}>
                  {at ? null : <strong>tekst verwijderd: </strong>}“{t.anchor.quote}”
                </blockquote>
              )}
              {t.comments.map((c) => (
                <div key={c.id} className="comment">
                  <p className={`comment-author ${NLDS.paragraph}`}>
                    {c.author.name} <span className="muted">{formatDateTime(c.at)}</span>
                  </p>
                  <p className={NLDS.paragraph}>{readableMentions(c.body)}</p>
                </div>
              ))}
              {mayComment && !t.resolvedAt && (
                <ReplyForm onSubmit={(body) => call(api('POST', `${base}/threads/${encodeURIComponent(t.id)}/comments`, ThreadView, { body }))} />
              )}
              {isRequest(t.kind)
                ? !t.decision &&
                  may(me, 'answer-request', { kind: t.kind, level: access }).ok && (
                    <DecisionForm
                      outcomes={REQUESTS[t.kind].outcomes}
                      onSubmit={(outcome, body) => call(api('POST', `${base}/threads/${encodeURIComponent(t.id)}/decision`, ThreadView, { outcome, body }))}
                    />
                  )
                : may(me, 'resolve-thread', { startedBy: t.comments[0]!.author.userId, level: access }).ok && (
                    <button
                      type="button"
                      className={NLDS.secondaryButton}
                      onClick={() => void call(api('POST', `${base}/threads/${encodeURIComponent(t.id)}/resolve`, ThreadView, { resolved: !t.resolvedAt }), false)}>
                      {t.resolvedAt ? 'Heropenen' : 'Afhandelen'}
                    </button>
                  )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

interface NewThreadProps {
  family: boolean;
  fieldId: string;
  /** The block chosen with "Reageren", or null: then the reaction is on the selected text. */
  target: string | null;
  onClearTarget(): void;
  disabled: boolean;
  onSubmit(body: string, v: CommentVisibility, kind: ThreadKind): Promise<boolean>;
  sectionUrl: string;
}

function NewThreadForm({ family, fieldId, target, onClearTarget, disabled, onSubmit, sectionUrl }: NewThreadProps) {
  const [body, setBody] = useState('');
  // A professional's comment is for professionals unless she chooses otherwise, each time anew.
  const startVisibility: CommentVisibility = family ? 'iedereen' : 'professionals';
  const [visibility, setVisibility] = useState<CommentVisibility>(startVisibility);
  const [kind, setKind] = useState<ThreadKind>('reactie');
  const about = target ?? 'de geselecteerde tekst';
  return (
    <form
      className="new-thread"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit(body, visibility, kind).then((ok) => {
          if (!ok) return;
          setBody('');
          setKind('reactie');
          setVisibility(startVisibility);
          // The button goes disabled with the field emptied: the field keeps the focus, for the next one.
          document.getElementById(fieldId)?.focus();
        });
      }}
    >
      {family && (
        <fieldset className={`thread-kind ${NLDS.fieldset}`}>
          <legend className={NLDS.legend}>Wat wil je doen?</legend>
          {(Object.keys(KIND_CHOICE) as ThreadKind[]).map((k) => (
            <label key={k} className={`inline ${NLDS.radioLabel}`}>
              <input type="radio" className={NLDS.radio} name={`${fieldId}-kind`} checked={kind === k} onChange={() => setKind(k)} /> {KIND_CHOICE[k].choice}
            </label>
          ))}
        </fieldset>
      )}
      <label htmlFor={fieldId} className={NLDS.label}>
        {KIND_CHOICE[kind].field(about)}
      </label>
      {target && (
        <button type="button" className={NLDS.linkButton} onClick={onClearTarget}>
          Toch op geselecteerde tekst reageren
        </button>
      )}
      <textarea id={fieldId} className={NLDS.textarea} rows={2} value={body} onChange={(e) => setBody(e.target.value)} />
      <MentionPicker sectionUrl={sectionUrl} visibility={visibility} onPick={(m) => setBody((b) => `${b}${b && !b.endsWith(' ') ? ' ' : ''}${m} `)} />
      {family ? (
        <p className={NLDS.smallParagraph}>{KIND_CHOICE[kind].hint}</p>
      ) : (
        <label className={NLDS.label}>
          Wie mag dit lezen?
          <select className={NLDS.select} value={visibility} onChange={(e) => setVisibility(e.target.value as CommentVisibility)}>
            <option value="professionals">{VISIBILITY_LABEL.professionals}</option>
            <option value="iedereen">{VISIBILITY_LABEL.iedereen}</option>
          </select>
        </label>
      )}
      <button type="submit" className={NLDS.secondaryButton} disabled={disabled || !body.trim()} title={disabled ? 'Selecteer eerst tekst in het onderdeel, of kies "Reageren" bij een blok' : undefined}>
        {KIND_CHOICE[kind].submit ?? (target ? 'Reageer op blok' : 'Reageer op selectie')}
        {!family && ` (${VISIBILITY_LABEL[visibility].toLowerCase()})`}
      </button>
    </form>
  );
}
