import { useCallback, useEffect, useRef, useState } from 'react';
import { formatDate } from '../../shared/format.ts';
import { type AgendaKind, agendaBudget, agendaKindLabel, heldOn, MEETING_STATUS_LABEL, MeetingView, meetingTime } from '../../shared/meetings.ts';
import { isFamilyRole } from '../../shared/roles.ts';
import { api } from '../api/http.ts';
import { linkTo, useRouter } from '../app/router.ts';
import { SectionEditor } from '../editor/SectionEditor.tsx';
import { useCase } from '../state/caseContext.ts';
import { useCaseVersion } from '../state/caseLive.ts';
import { useSession } from '../state/session.ts';
import { meetingBadge, NLDS } from '../ui/theme.ts';
import { useFollowCaret } from './followCaret.ts';
import { MeetingAgenda } from './MeetingAgenda.tsx';
import { MeetingAgendaEditor } from './MeetingAgendaEditor.tsx';
import { MeetingAttendance, MeetingClose } from './MeetingChairPanel.tsx';
import { MeetingDecisionPanel } from './MeetingDecision.tsx';
import { MeetingListPage } from './MeetingListPage.tsx';
import { MeetingMinutes } from './MeetingMinutes.tsx';
import { ActionError, failureAt, type MeetingAction, type MeetingFailure } from './meetingAction.ts';
import './meeting.css';

/** `/zaken/:caseId/tafel` lists the Tafels; `/zaken/:caseId/tafel/:meetingId` is one of them. */
export function MeetingsView({ caseId }: { caseId: string }) {
  const route = useRouter((s) => s.route);
  const meetingId = route.page === 'case' ? route.meetingId : undefined;
  return meetingId ? <MeetingPage key={meetingId} caseId={caseId} meetingId={meetingId} /> : <MeetingListPage caseId={caseId} />;
}

/** The clock of the page, once a second, for the time budgets. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return now;
}

/**
 * One Tafel: before, its agenda (the regisseur edits it); during, "nu aan de orde" for everyone, who
 * may follow the chair (the section of the item opens below and scrolls into view) or look
 * elsewhere; the chair's controls, attendance and notes; the Raad's decision; after, the minutes.
 * The page re-reads on every `meeting` live event; the event says nothing, the server decides what
 * this reader sees.
 */
export function MeetingPage({ caseId, meetingId }: { caseId: string; meetingId: string }) {
  const { detail } = useCase();
  const me = useSession((s) => s.me)!;
  const [meeting, setMeeting] = useState<MeetingView | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A failed action's message shows beside the control that failed, not only at the top of the page.
  const [failure, setFailure] = useState<MeetingFailure | null>(null);
  const [editing, setEditing] = useState(false);
  const family = isFamilyRole(detail.me.role);
  const [follow, setFollow] = useState(true);
  const version = useCaseVersion(caseId, ['meeting', 'access', 'status']);
  const now = useNow();
  const url = `/api/cases/${encodeURIComponent(caseId)}/meetings/${encodeURIComponent(meetingId)}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the live-update trigger
  useEffect(() => {
    api('GET', url, MeetingView).then(
      (m) => {
        setMeeting(m);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, [url, version]);

  const act = useCallback<MeetingAction>(
    async (path, body, at) => {
      try {
        setMeeting(await api('POST', `${url}/${path}`, MeetingView, body ?? {}));
        setFailure(null);
      } catch (e) {
        setFailure({ at: failureAt(path, body, at), message: (e as Error).message });
        throw e;
      }
    },
    [url],
  );

  const current = meeting?.agenda.find((i) => i.id === meeting.current?.itemId) ?? null;
  const followed = follow && current?.sectionId ? detail.sections.find((s) => s.id === current.sectionId) : undefined;
  const followRef = useRef<HTMLElement>(null);
  // The chair moved on: a follower's page brings the section of the new item into view.
  // The chair's own page stays where she is; a follower's page goes along.
  const followKey = followed && current && meeting?.mayChair === false ? `${followed.id}/${current.id}` : '';
  // Within the section, a follower's page scrolls with the chair's caret (not the chair's own page).
  useFollowCaret(followRef, meeting?.chair.name ?? '', Boolean(followed) && meeting?.mayChair === false);
  useEffect(() => {
    if (followKey) requestAnimationFrame(() => followRef.current?.scrollIntoView({ block: 'start' }));
  }, [followKey]);

  // After "Tafel beginnen" that button is gone: keyboard focus goes to what is on now, not to the top of the page.
  const nowOnRef = useRef<HTMLDivElement>(null);
  const [focusNowOn, setFocusNowOn] = useState(false);
  useEffect(() => {
    if (focusNowOn && meeting?.status === 'bezig') {
      nowOnRef.current?.focus();
      setFocusNowOn(false);
    }
  }, [focusNowOn, meeting]);

  if (!meeting) return error ? <PageError message={error} /> : <p className={NLDS.paragraph}>Laden…</p>;
  const budget = agendaBudget(meeting.agenda, meeting.durationMinutes);
  const time = meetingTime(meeting, now);
  const index = current ? meeting.agenda.indexOf(current) : -1;
  const heading = (kind: AgendaKind) => agendaKindLabel(kind, family);
  const held = heldOn(meeting);
  const nowOn = meeting.status === 'bezig';

  return (
    <section className="meeting" aria-labelledby="meeting-title" data-meeting-status={meeting.status}>
      <p className={NLDS.paragraph}>
        <a className={NLDS.link} {...linkTo(`/zaken/${caseId}/tafel`)}>
          {family ? 'Alle gesprekken' : 'Alle tafels'}
        </a>
      </p>
      {/* The page's own heading (an h1 after the case's), so a page change lands on it and the tab is named by it. */}
      <h1 id="meeting-title" className={NLDS.heading2}>
        {family ? 'Gesprek' : 'Jeugdbeschermingstafel'} op {formatDate(meeting.date)} om {meeting.time} <span className={meetingBadge(meeting.status)}>{MEETING_STATUS_LABEL[meeting.status]}</span>
      </h1>
      <p className={NLDS.paragraph}>
        {meeting.place && <>Waar: {meeting.place}. </>}
        {meeting.videoLink && (
          <>
            Meedoen via video:{' '}
            <a className={NLDS.link} href={meeting.videoLink}>
              {meeting.videoLink}
            </a>
            .{' '}
          </>
        )}
        {family ? 'Wie leidt het gesprek' : 'Voorzitter'}: {meeting.chair.name}.
        {held && held !== meeting.date && <> Gehouden op {formatDate(held)}.</>}
      </p>
      <p className={budget.over ? NLDS.errorMessage : NLDS.paragraph} data-budget>
        {time && <>{time}. </>}
        Op de agenda: {budget.planned} van {meeting.durationMinutes} minuten{budget.over ? ', dat is te veel' : ''}.
      </p>
      {error && <PageError message={error} />}
      {/* Always there, so a screen reader hears what comes on; the alert's box only while the Tafel is on. */}
      <div ref={nowOnRef} tabIndex={-1} role="status" aria-live="polite" className={nowOn ? `now-on ${NLDS.alertInfo}` : 'now-on'} data-now-on={current?.id ?? ''}>
        {nowOn && (
          <div className={NLDS.alertMessage}>
            <p className={NLDS.paragraph}>{current ? <>Nu aan de orde: {current.title}</> : 'De tafel is bezig.'}</p>
            {current && <p className={NLDS.smallParagraph}>{heading(current.kind)}</p>}
          </div>
        )}
      </div>
      {nowOn && !meeting.mayChair && (
        <label className={`inline ${NLDS.checkboxLabel}`}>
          <input type="checkbox" className={NLDS.checkbox} checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Volg de voorzitter (het onderdeel gaat mee open)
        </label>
      )}
      {meeting.mayChair && nowOn && (
        <fieldset className={NLDS.fieldset}>
          <legend className={NLDS.legend}>Door de agenda</legend>
          <div className={NLDS.buttonGroup}>
            <button type="button" className={NLDS.secondaryButton} disabled={index <= 0} onClick={() => void act('current', { itemId: meeting.agenda[index - 1]!.id }, 'nav').catch(() => {})}>
              Vorige punt
            </button>
            <button
              type="button"
              className={NLDS.primaryButton}
              disabled={index >= meeting.agenda.length - 1}
              onClick={() => void act('current', { itemId: meeting.agenda[index + 1]!.id }, 'nav').catch(() => {})}
            >
              Volgende punt
            </button>
          </div>
          <ActionError failure={failure} at={['nav']} />
        </fieldset>
      )}
      {meeting.mayChair && meeting.status === 'gepland' && !editing && (
        <div className="meeting-start">
          <div className={NLDS.buttonGroup}>
            <button type="button" className={NLDS.secondaryButton} onClick={() => setEditing(true)}>
              Agenda aanpassen
            </button>
            <button
              type="button"
              className={NLDS.primaryButton}
              disabled={meeting.startBlocked !== null}
              aria-describedby={meeting.startBlocked ? 'start-blocked' : undefined}
              onClick={() => void act('start').then(() => setFocusNowOn(true), () => {})}
            >
              Tafel beginnen
            </button>
          </div>
          {meeting.startBlocked && (
            <p id="start-blocked" className={NLDS.smallParagraph}>
              {meeting.startBlocked}
            </p>
          )}
          <ActionError failure={failure} at={['start']} />
        </div>
      )}
      {editing ? (
        <MeetingAgendaEditor
          meeting={meeting}
          sections={detail.sections}
          onSaved={(m) => {
            setMeeting(m);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
          url={url}
        />
      ) : (
        <MeetingAgenda meeting={meeting} family={family} now={now} act={act} failure={failure} />
      )}
      {followed && (
        <article ref={followRef} className="section-panel" aria-labelledby={`follow-title-${followed.id}`} data-follow-section={followed.id}>
          <header>
            <h3 id={`follow-title-${followed.id}`} className={NLDS.heading3}>
              {followed.title}
            </h3>
          </header>
          <SectionEditor caseId={caseId} sectionId={followed.id} title={followed.title} access={followed.access} me={me} />
        </article>
      )}
      <MeetingAttendance meeting={meeting} act={act} />
      <ActionError failure={failure} at={['attendance', 'attendance/rest']} />
      <MeetingDecisionPanel meeting={meeting} family={family} act={act} />
      <ActionError failure={failure} at={['decision']} />
      {meeting.mayChair && nowOn && <MeetingClose meeting={meeting} sections={detail.sections} act={act} />}
      <ActionError failure={failure} at={['close']} />
      {meeting.minutes && <MeetingMinutes meeting={meeting} family={family} />}
    </section>
  );
}

/** The Tafel could not be read or re-read: said for the whole page. */
function PageError({ message }: { message: string }) {
  return (
    <div role="alert" className={NLDS.alertError}>
      <div className={NLDS.alertMessage}>
        <p className={NLDS.paragraph}>{message}</p>
      </div>
    </div>
  );
}
