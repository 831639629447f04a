import { pageHeading } from './pageFocus.ts';

/** "Naar de inhoud": the first thing a keyboard user reaches; it skips the bar at the top to the page's heading. */
export function SkipLink() {
  return (
    // biome-ignore lint/a11y/useValidAnchor: a real link to #main, which works without script too; the script lands on the heading in it
    <a
      className="skip-link"
      href="#main"
      onClick={(e) => {
        const target = pageHeading() ?? document.getElementById('main');
        if (!target) return;
        e.preventDefault();
        target.focus();
      }}
    >
      Naar de inhoud
    </a>
  );
}
