import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import type { AccessLevel } from '../../shared/caseModel.ts';
import { type VersionDetail as Detail, HistoryMark, historyMarkLine, VersionDetail, VersionView } from '../../shared/history.ts';
import { colorFor } from '../../shared/identity.ts';
import type { Role } from '../../shared/roles.ts';
import { ApprovalMark, type DiffSummary, summaryLine, VersionSummary } from '../../shared/sinceApproval.ts';
import { api } from '../api/http.ts';
import { useCase } from '../state/caseContext.ts';
import { useCaseVersion } from '../state/caseLive.ts';
import { formatFullDateTime } from '../../shared/format.ts';
import { HistoryDiff } from './HistoryPanelDiff.tsx';
import { editorExtensions } from './editorExtensions.ts';
import { NLDS } from '../ui/theme.ts';

const Versions = z.array(VersionView);
const Approvals = z.array(ApprovalMark);
const Summaries = z.array(VersionSummary);
const Marks = z.array(HistoryMark);

/**
 * Who wrote what, as of when: the versions of a section (runs of edits), any of them readable,
 * its differences with now coloured per author, and restoring it as a new change. Approvals,
 * status changes and shares are marked at the version they were given to.
 */
export function HistoryPanel({ caseId, sectionId, access }: { caseId: string; sectionId: string; access: AccessLevel }) {
  const [versions, setVersions] = useState<VersionView[] | null>(null);
  const [approvals, setApprovals] = useState<ApprovalMark[]>([]);
  const [marks, setMarks] = useState<HistoryMark[]>([]);
  const { role } = useCase().detail.me;
  const [summaries, setSummaries] = useState<Map<number, DiffSummary>>(new Map());
  const [open, setOpen] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useCaseVersion(caseId, ['sections', 'status', 'access']);
  const url = `/api/cases/${encodeURIComponent(caseId)}/sections/${encodeURIComponent(sectionId)}/versions`;
  const show = (id: number) => api('GET', `${url}/${id}`, VersionDetail).then(setOpen, (e: Error) => setError(e.message));
  const openId = open?.version.id ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the live-update trigger
  useEffect(() => {
    api('GET', url, Versions).then(setVersions, (e: Error) => setError(e.message));
    api('GET', url.replace(/\/versions$/, '/approvals'), Approvals).then(setApprovals, () => setApprovals([]));
    api('GET', url.replace(/\/versions$/, '/history-marks'), Marks).then(setMarks, () => setMarks([]));
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
              {marksIn(approvals, v.id, versions[i + 1]?.id ?? 0).map((a) => (
                <span key={a.at} className="approval-mark">
                  {' '}
                  ✓ Goedgekeurd door {a.by} op {formatFullDateTime(a.at)}
                  {a.withdrawnAt && ` (vervallen op ${formatFullDateTime(a.withdrawnAt)}${a.withdrawnBy ? ` door een wijziging van ${a.withdrawnBy}` : ''})`}
                </span>
              ))}
              <MarkList marks={marksIn(marks, v.id, versions[i + 1]?.id ?? 0)} role={role} />
            </li>
          ))}
        </ol>
      )}
      {versions && <MarkList marks={marksBefore(marks, versions.at(-1)?.id ?? null)} role={role} label="Voor de eerste versie" />}
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

/** Status changes and shares, each on its own line, newest first as the versions are. */
function MarkList({ marks, role, label }: { marks: readonly HistoryMark[]; role: Role; label?: string }) {
  if (marks.length === 0) return null;
  return (
    <ul className={`history-marks ${NLDS.unorderedList}`} aria-label={label}>
      {[...marks].reverse().map((m) => (
        <li key={`${m.kind}-${m.at}-${m.by}-${m.kind === 'share' ? m.with : m.to}`} className={`${m.kind}-mark`}>
          {historyMarkLine(m, role)}
        </li>
      ))}
    </ul>
  );
}

function VersionContent({ content, sectionId }: { content: unknown; sectionId: string }) {
  const editor = useEditor({ editable: false, injectCSS: false, extensions: editorExtensions(sectionId, false), content: content as object }, [content]);
  return <EditorContent editor={editor} className="version-content" />;
}

/** The marks given to a version: the last row before them lies in it (after the older version's last row, up to its own). */
function marksIn<M extends { versionId: number | null }>(marks: readonly M[], versionId: number, olderId: number): M[] {
  return marks.filter((m) => m.versionId !== null && m.versionId <= versionId && m.versionId > olderId);
}

/** The marks from before the section held any text, or all of them while it has no version. */
function marksBefore(marks: readonly HistoryMark[], oldestId: number | null): HistoryMark[] {
  return oldestId === null ? [...marks] : marks.filter((m) => m.versionId === null);
}
