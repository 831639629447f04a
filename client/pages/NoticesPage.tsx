import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { CaseSummary } from '../../shared/api.ts';
import { DELIVERY_LABEL, NOTICE_KINDS, NoticeDelivery, type NoticeKind, NoticeList, NoticePreferences, noticeLink, noticeKindsFor, noticeMailLabel } from '../../shared/notices.ts';
import { isFamilyRole } from '../../shared/roles.ts';
import { formatDateTime } from '../../shared/format.ts';
import { api } from '../api/http.ts';
import { linkTo } from '../app/router.ts';
import { NLDS } from '../ui/theme.ts';
import { useNoticeCount } from '../notices/noticeCount.ts';

/**
 * "Meldingen": what Tafel wants to tell me, newest first, and how I want to get it by e-mail. A
 * notice says only what kind of thing happened; its link opens the place where I may read more.
 */
export function NoticesPage() {
  const [list, setList] = useState<NoticeList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const setCount = useNoticeCount((s) => s.set);
  // The cases I am in as a professional: only there a notice says how its e-mail went technically.
  const [professional, setProfessional] = useState<ReadonlySet<string>>(new Set());
  // Whose words the page speaks: the family's only for who is in cases as family alone; null until known.
  const [family, setFamily] = useState<boolean | null>(null);
  // The kinds my roles can be sent, by the rule the server sends by; null until known.
  const [kinds, setKinds] = useState<readonly NoticeKind[] | null>(null);
  useEffect(() => {
    api('GET', '/api/cases', z.array(CaseSummary)).then(
      (cases) => {
        const mine = new Set(cases.filter((c) => !isFamilyRole(c.myRole)).map((c) => c.id));
        setProfessional(mine);
        setFamily(cases.length > 0 && mine.size === 0);
        setKinds(noticeKindsFor(cases.map((c) => c.myRole)));
      },
      () => setKinds(noticeKindsFor([])),
    );
  }, []);
  const show = useCallback(
    (l: NoticeList) => {
      setList(l);
      setCount(l.unread);
    },
    [setCount],
  );
  useEffect(() => {
    api('GET', '/api/notices', NoticeList).then(show, (e: Error) => setError(e.message));
  }, [show]);
  const markRead = (ids?: number[]) => api('POST', '/api/notices/read', NoticeList, ids ? { ids } : {}).then(show, (e: Error) => setError(e.message));

  return (
    <section aria-labelledby="notices-title" className="notices-page">
      <h1 id="notices-title" className={NLDS.heading1}>
        Meldingen
      </h1>
      {error && <p role="alert">{error}</p>}
      {list === null && !error && <p className={NLDS.paragraph}>Laden…</p>}
      {list && (
        <>
          <p role="status" className={NLDS.paragraph}>{list.unread === 0 ? 'Je hebt geen nieuwe meldingen.' : `Je hebt ${list.unread} ${list.unread === 1 ? 'nieuwe melding' : 'nieuwe meldingen'}.`}</p>
          {list.unread > 0 && (
            <button type="button" className={NLDS.secondaryButton} onClick={() => void markRead()}>
              Alles gelezen
            </button>
          )}
          {list.notices.length > 0 && (
            <ul className="notice-list">
              {list.notices.map((n) => (
                <li key={n.id} className={n.read ? 'notice read' : 'notice unread'}>
                  <p className={NLDS.paragraph}>
                    {!n.read && <strong>Nieuw: </strong>}
                    <a
                      className={NLDS.link}
                      href={noticeLink(n.link, n.caseId, n.section)}
                      onClick={(e) => {
                        // Opening a notice is reading it.
                        if (!n.read) void markRead([n.id]);
                        linkTo(noticeLink(n.link, n.caseId, n.section)).onClick(e);
                      }}
                    >
                      {n.text}
                    </a>
                  </p>
                  <p className="notice-meta">
                    <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                    <span>{noticeMailLabel(n.mail, !professional.has(n.caseId))}</span>
                    {!n.read && (
                      <button type="button" className={NLDS.linkButton} onClick={() => void markRead([n.id])} aria-label={`Gelezen: ${n.text}`}>
                        Gelezen
                      </button>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {kinds && <NoticeSettings family={family} kinds={kinds} />}
    </section>
  );
}

/**
 * Per kind: an e-mail at once, one e-mail a day, or no e-mail. Saved as soon as it is chosen. Only
 * the kinds this person can be sent are offered.
 */
function NoticeSettings({ family, kinds }: { family: boolean | null; kinds: readonly NoticeKind[] }) {
  const [prefs, setPrefs] = useState<NoticePreferences | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    api('GET', '/api/notices/preferences', NoticePreferences).then(setPrefs, () => setPrefs(null));
  }, []);
  if (!prefs) return null;
  const choose = (kind: NoticeKind, delivery: NoticeDelivery) =>
    api('PUT', '/api/notices/preferences', NoticePreferences, { delivery: { [kind]: delivery } }).then(
      (p) => {
        setPrefs(p);
        setSaved(`Opgeslagen. ${NOTICE_KINDS[kind].label}: ${DELIVERY_LABEL[delivery]}.`);
      },
      (e: Error) => setSaved(e.message),
    );
  return (
    <section aria-labelledby="notice-settings-title" className="notice-settings">
      <h2 id="notice-settings-title" className={NLDS.heading2}>
        Hoe wil je e-mail krijgen?
      </h2>
      {family !== null && (
        <p className={NLDS.paragraph}>
          {family ? 'In de e-mail staat alleen dát er iets is, nooit wat er over jullie geschreven is.' : 'In de e-mail staat alleen dát er iets is, nooit wat er in het dossier staat of over wie het gaat.'}
        </p>
      )}
      {kinds.map((kind) => (
        <fieldset key={kind} className={NLDS.fieldset}>
          <legend className={NLDS.legend}>{NOTICE_KINDS[kind].label}</legend>
          {NoticeDelivery.options.map((delivery) => (
            <label key={delivery} className={NLDS.radioLabel}>
              <input type="radio" className={NLDS.radio} name={`melding-${kind}`} value={delivery} checked={prefs.delivery[kind] === delivery} onChange={() => void choose(kind, delivery)} />
              {DELIVERY_LABEL[delivery]}
            </label>
          ))}
        </fieldset>
      ))}
      <p role="status" aria-live="polite">
        {saved}
      </p>
    </section>
  );
}
