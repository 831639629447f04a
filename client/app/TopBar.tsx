import { useEffect, useId, useRef, useState } from 'react';
import type { Me } from '../../shared/api.ts';
import { NoticesLink } from '../notices/NoticesLink.tsx';
import { BeheerLink } from '../pages/BeheerPage.tsx';
import { NLDS } from '../ui/theme.ts';
import { useEscape } from '../ui/useEscape.ts';
import { linkTo, useRouter } from './router.ts';
import './topbar.css';

/**
 * The bar at the top: "Tafel" (my start), Meldingen, and my account (name, Beheer, Uitloggen). On
 * a phone the account folds behind "Menu", a disclosure button, so the bar stays one line and the
 * page starts near the top; Escape closes it and returns to the button. A wide screen shows it all.
 */
export function TopBar({ me, onSignOut }: { me: Me; onSignOut(): void }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const route = useRouter((r) => r.route);
  // A new page closes the menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `route` is the trigger
  useEffect(() => setOpen(false), [route]);
  useEscape(open, () => {
    setOpen(false);
    button.current?.focus();
  });
  return (
    <header className="topbar">
      <a className="brand" {...linkTo(me.home)}>
        Tafel
      </a>
      <NoticesLink key={`meldingen-${me.id}`} />
      <button ref={button} type="button" className={`topbar-menu-button ${NLDS.secondaryButton}`} aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)}>
        Menu
      </button>
      <div id={menuId} className={open ? 'topbar-account is-open' : 'topbar-account'}>
        <BeheerLink key={me.id} />
        <span className="who">{me.name}</span>
        <button type="button" className={NLDS.secondaryButton} onClick={onSignOut}>
          Uitloggen
        </button>
      </div>
    </header>
  );
}
