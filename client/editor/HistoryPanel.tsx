import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import type { AccessLevel } from '../../shared/caseModel.ts';
import { type VersionDetail as Detail, VersionDetail, VersionView } from '../../shared/history.ts';
import { colorFor, UNKNOWN_USER } from '../../shared/identity.ts';
import { api } from '../api/http.ts';
import { useCaseVersion } from '../state/caseLive.ts';
import { formatDateTime } from '../../shared/format.ts';
import { editorExtensions } from './editorExtensions.ts';

const Versions = z.array(VersionView);

/**
 * Who wrote what, as of when: the versions of a section (runs of edits), any of them readable,
 * its differences with now coloured per author, and restoring it as a new change.
 */
export function HistoryPanel({ caseId, sectionId, access }: { caseId: string; sectionId: string; access: AccessLevel }) {
  const [versions, setVersions] = useState<VersionView[] | null>(null);
  const [open, setOpen] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useCaseVersion(caseId, ['sections']);
  const url = `/api/cases/${encodeURIComponent(caseId)}/sections/${encodeURIComponent(sectionId)}/versions`;
  const show = (id: number) => api('GET', `${url}/${id}`, VersionDetail).then(setOpen, (e: Error) => setError(e.message));
  const openId = open?.version.id ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the live-update trigger
  useEffect(() => {
    api('GET', url, Versions).then(setVersions, (e: Error) => setError(e.message));
    // An open version's "verschil met nu" follows what others write meanwhile.
    if (openId !== null && version > 0) void show(openId);
  }, [url, version]);

  return (
    <section className="history" aria-label="Geschiedenis">
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!versions ? (
        <p>Laden…</p>
      ) : (
        <ol className="versions" reversed>
          {versions.map((v) => (
            <li key={v.id}>
              <button type="button" aria-pressed={open?.version.id === v.id} onClick={() => void show(v.id)}>
                {formatDateTime(v.until)}
              </button>{' '}
              {v.authors.map((a) => (
                <span key={a.userId} className="author" style={{ borderColor: colorFor(a.userId) }}>
                  {a.name}
                </span>
              ))}
            </li>
          ))}
        </ol>
      )}
      {open && (
        <div className="version-detail">
          <h4>Versie van {formatDateTime(open.version.until)}: verschil met nu</h4>
          <Diff detail={open} />
          <details>
            <summary>Deze versie lezen</summary>
            <VersionContent content={open.content} sectionId={sectionId} />
          </details>
          {access === 'edit' && (
            <button
              type="button"
              onClick={() =>
                api('POST', `${url}/${open.version.id}/restore`, z.unknown()).then(
                  () => setOpen(null),
                  (e: Error) => setError(e.message),
                )
              }
            >
              Deze versie terugzetten
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function Diff({ detail }: { detail: Detail }) {
  const changed = detail.diff.filter((b) => b.runs.some((r) => r.kind !== 'same'));
  if (changed.length === 0) return <p>Geen verschil met nu.</p>;
  return (
    <div className="diff">
      {changed.map((block, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: diff blocks are positional
        <p key={i}>
          {block.runs.map((r, j) => {
            const style = r.by ? { color: colorFor(r.by.userId), borderColor: colorFor(r.by.userId) } : undefined;
            // biome-ignore-start lint/suspicious/noArrayIndexKey: runs are positional
            if (r.kind === 'added')
              return (
                <ins key={j} style={style} title={`toegevoegd door ${r.by?.name ?? UNKNOWN_USER}`}>
                  {r.text}
                </ins>
              );
            if (r.kind === 'removed')
              return (
                <del key={j} style={style} title={`verwijderd door ${r.by?.name ?? UNKNOWN_USER}`}>
                  {r.text}
                </del>
              );
            return <span key={j}>{r.text}</span>;
            // biome-ignore-end lint/suspicious/noArrayIndexKey: runs are positional
          })}
        </p>
      ))}
      <p className="muted hint">Onderstreept is toegevoegd, doorgestreept is verwijderd; de kleur is van de schrijver (wijs aan voor de naam).</p>
    </div>
  );
}

function VersionContent({ content, sectionId }: { content: unknown; sectionId: string }) {
  const editor = useEditor({ editable: false, injectCSS: false, extensions: editorExtensions(sectionId, false), content: content as object }, [content]);
  return <EditorContent editor={editor} className="version-content" />;
}
