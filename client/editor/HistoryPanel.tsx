import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import type { AccessLevel } from '../../shared/caseModel.ts';
import { type VersionDetail as Detail, VersionDetail, VersionView } from '../../shared/history.ts';
import { colorFor } from '../../shared/identity.ts';
import { ApprovalMark, type DiffSummary, summaryLine, VersionSummary } from '../../shared/sinceApproval.ts';
import { api } from '../api/http.ts';
import { useCaseVersion } from '../state/caseLive.ts';
import { formatFullDateTime } from '../../shared/format.ts';
import { HistoryDiff } from './HistoryPanelDiff.tsx';
import { editorExtensions } from './editorExtensions.ts';
import { NLDS } from '../ui/theme.ts';

const Versions = z.array(VersionView);
const Approvals = z.array(ApprovalMark);
const Summaries = z.array(VersionSummary);

/**
 * Who wrote what, as of when: the versions of a section (runs of edits), any of them readable,
 * its differences with now coloured per author, and restoring it as a new change.
 */
export function HistoryPanel({ caseId, sectionId, access }: { caseId: string; sectionId: string; access: AccessLevel }) {
  const [versions, setVersions] = useState<VersionView[] | null>(null);
  const [approvals, setApprovals] = useState<ApprovalMark[]>([]);
  const [summaries, setSummaries] = useState<Map<number, DiffSummary>>(new Map());
  const [open, setOpen] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useCaseVersion(caseId, ['sections', 'status']);
  const url = `/api/cases/${encodeURIComponent(caseId)}/sections/${encodeURIComponent(sectionId)}/versions`;
  const show = (id: number) => api('GET', `${url}/${id}`, VersionDetail).then(setOpen, (e: Error) => setError(e.message));
  const openId = open?.version.id ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the live-update trigger
  useEffect(() => {
    api('GET', url, Versions).then(setVersions, (e: Error) => setError(e.message));
    api('GET', url.replace(/\/versions$/, '/approvals'), Approvals).then(setApprovals, () => setApprovals([]));
    api('GET', url.replace(/\/versions$/, '/version-summaries'), Summaries).then(
      (list) => setSummaries(new Map(list.map((v) => [v.versionId, v.summary]))),
      () => setSummaries(new Map()),
    );
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
        <p className={NLDS.paragraph}>Laden…</p>
      ) : (
        <ol className="versions" reversed>
          {versions.map((v, i) => (
            <li key={v.id} data-version={v.id}>
              <button
                type="button"
                className={`${NLDS.subtleButton}${open?.version.id === v.id ? ` ${NLDS.pressed}` : ''}`}
                aria-pressed={open?.version.id === v.id}
                onClick={() => void show(v.id)}>
                {formatFullDateTime(v.until)}
              </button>{' '}
              {v.authors.map((a) => (
                <span key={a.userId} className="author" style={{ borderColor: colorFor(a.userId) }}>
                  {a.name}
                </span>
              ))}
              {summaries.has(v.id) && <span className="muted version-summary"> · {summaryLine(summaries.get(v.id)!)}</span>}
              {approvalsIn(approvals, v.id, versions[i + 1]?.id ?? 0).map((a) => (
                <span key={a.at} className="approval-mark">
                  {' '}
                  ✓ Goedgekeurd door {a.by} op {formatFullDateTime(a.at)}
                  {a.withdrawnAt && ` (vervallen op ${formatFullDateTime(a.withdrawnAt)}${a.withdrawnBy ? ` door een wijziging van ${a.withdrawnBy}` : ''})`}
                </span>
              ))}
            </li>
          ))}
        </ol>
      )}
      {open && (
        <div className="version-detail">
          <h4 className={NLDS.heading4}>Versie van {formatFullDateTime(open.version.until)}: verschil met nu</h4>
          <HistoryDiff detail={open} />
          <details>
            <summary>Deze versie lezen</summary>
            <VersionContent content={open.content} sectionId={sectionId} />
          </details>
          {access === 'edit' && (
            <button
              type="button"
              className={NLDS.secondaryButton}
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

function VersionContent({ content, sectionId }: { content: unknown; sectionId: string }) {
  const editor = useEditor({ editable: false, injectCSS: false, extensions: editorExtensions(sectionId, false), content: content as object }, [content]);
  return <EditorContent editor={editor} className="version-content" />;
}

/** The approvals given to a version: their approved row lies in it (after the older version's last row, up to its own). */
function approvalsIn(approvals: readonly ApprovalMark[], versionId: number, olderId: number): ApprovalMark[] {
  return approvals.filter((a) => a.versionId !== null && a.versionId <= versionId && a.versionId > olderId);
}
