import { useEffect } from 'react';
import { linkTo } from '../app/router.ts';
import { useNoticeCount, watchNoticeCount } from './noticeCount.ts';
import { NLDS } from '../ui/theme.ts';

/** "Meldingen" in the header, with the number of unread notices; a screen reader hears "Meldingen, 3 nieuw". */
export function NoticesLink() {
  const unread = useNoticeCount((s) => s.unread);
  useEffect(watchNoticeCount, []);
  return (
    <a className={`notices-link ${NLDS.link}`} {...linkTo('/meldingen')}>
      Meldingen
      {unread ? (
        <>
          <span className={`notice-count ${NLDS.numberBadge}`} aria-hidden="true">
            {unread}
          </span>
          <span className="sr-only">, {unread} nieuw</span>
        </>
      ) : null}
    </a>
  );
}
