import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { useState } from 'react';
import { may } from '../../shared/access/may.ts';
import type { Me } from '../../shared/api.ts';
import type { AccessLevel } from '../../shared/caseModel.ts';
import { colorFor } from '../../shared/identity.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { useCase } from '../state/caseContext.ts';
import { CommentHighlights } from './comments/commentHighlights.ts';
import { CommentsPanel } from './comments/CommentsPanel.tsx';
import { editorExtensions } from './editorExtensions.ts';
import { HistoryPanel } from './HistoryPanel.tsx';
import { PlainToolbar } from '../family/PlainToolbar.tsx';
import { plainPaste } from '../family/plainPaste.ts';
import { isOwnVoiceSection } from '../../shared/ownVoice.ts';
import { ReviewBar } from './ReviewBar.tsx';
import { SlashMenu, slashOpensMenu } from './SlashMenu.tsx';
import { Toolbar } from './Toolbar.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import type { SectionSession, SessionView } from './sectionSession.ts';
import { useSectionSync } from './useSectionSync.ts';
import { NLDS } from '../ui/theme.ts';

interface Props {
  caseId: string;
  sectionId: string;
  title: string;
  access: AccessLevel;
  me: Me;
  /** For the family: the day the decision in this besluit section that applies was taken (SectionView). */
  decidedOn?: string | null;
}

/** Offline with nothing of this section on this device yet. */
const NOT_HERE = 'Geen verbinding. Dit onderdeel staat nog niet op dit apparaat: het opent zodra er weer verbinding is.';

/** A live section: Tiptap bound to the section's Y.Doc, read-only unless the server allows edits. */
export function SectionEditor(props: Props) {
  const { session, view } = useSectionSync({ userId: props.me.id, caseId: props.caseId, sectionId: props.sectionId, title: props.title }, props.access);
  if (!session) return null;
  if (view.closedMessage) {
    return (
      <p role="alert" className="closed-message">
        {view.closedMessage}
      </p>
    );
  }
  // Bind the editor only to a document with the server's state (synced now, or kept on this device
  // from an earlier sync): an editor on an empty document writes its own empty paragraph into it,
  // which would be an edit (refused for readers, an extra line for writers).
  if (!view.ready) return <p className={NLDS.paragraph}>{view.save.kind === 'offline' && !navigator.onLine ? NOT_HERE : 'Verbinden…'}</p>;
  return <BoundEditor key={session.provider.roomname} session={session} view={view} {...props} />;
}

function BoundEditor({ session, view, access, me, title, sectionId, caseId, decidedOn }: Props & { session: SectionSession; view: SessionView }) {
  const editable = access === 'edit';
  // A person's own voice is plain text: no blocks, tables, headings or markdown shortcuts to them.
  const plain = isOwnVoiceSection(sectionId);
  const viewer = useCase().detail.me;
  const { role } = viewer;
  const [slashOpen, setSlashOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const editor = useEditor(
    {
      editable,
      enableInputRules: !plain,
      enablePasteRules: !plain,
      // Its base CSS is in styles.css: the CSP allows no inline <style> element.
      injectCSS: false,
      extensions: [
        ...editorExtensions(sectionId, access === 'comment' || access === 'edit'),
        CommentHighlights,
        Collaboration.configure({ document: session.doc, field: DOC_FIELD }),
        CollaborationCaret.configure({ provider: session.provider, user: { name: me.name, color: colorFor(me.id) } }),
      ],
      editorProps: {
        attributes: { 'aria-label': `${title}${editable ? '' : ' (alleen lezen)'}`, role: 'textbox', 'aria-multiline': 'true', 'aria-readonly': String(!editable) },
        ...(plain ? { transformPasted: plainPaste } : {}),
        handleKeyDown: (_view, event) => {
          if (plain || event.key !== '/' || !editor || !slashOpensMenu(editor)) return false;
          setSlashOpen(true);
          return true;
        },
      },
    },
    [session.provider],
  );
  return (
    <div className="section-editor" data-synced={view.synced ? 'true' : 'false'}>
      <ReviewBar caseId={caseId} sectionId={sectionId} access={access} me={viewer} decidedOn={decidedOn ?? null} />
      {editable ? editor && (plain ? <PlainToolbar editor={editor} label={title} sectionId={sectionId} /> : <Toolbar editor={editor} label={title} />) : (
        <p className={NLDS.paragraph}>
          <span className={NLDS.neutralBadge}>Alleen lezen</span>
        </p>
      )}
      <SaveStatus state={view.save} access={access} title={title} />
      <div className="editor-host">
        <EditorContent editor={editor} />
        {slashOpen && editor && <SlashMenu editor={editor} onClose={() => setSlashOpen(false)} />}
      </div>
      {editable && !plain && <p className={NLDS.smallParagraph}>Tip: typ / op een lege regel om een blok in te voegen.</p>}
      {editor && <CommentsPanel editor={editor} caseId={caseId} sectionId={sectionId} access={access} role={role} />}
      {/* Under emergency access the server gives no history: a crisis needs the text as it is now. */}
      {may(viewer, 'read-history', null).ok && (
        <details className="history-toggle" onToggle={(e) => setHistoryOpen(e.currentTarget.open)}>
          <summary>Geschiedenis: wie schreef wat</summary>
          {/* Only while open: a closed panel would re-read the versions on every edit. */}
          {historyOpen && <HistoryPanel caseId={caseId} sectionId={sectionId} access={access} />}
        </details>
      )}
    </div>
  );
}
