import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { installDutchValidation } from './ui/dutchValidation.ts';
import { THEME } from './ui/theme.ts';

// Every form's own browser checks speak Dutch, whatever the device's language.
installDutchValidation();
// The theme's tokens on the body: every page, and every dialog opened on it, reads them.
document.body.classList.add(THEME);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The service worker (made by the build, see vite.config.ts) keeps the app shell, so Tafel opens
// offline; it keeps no API answers and no case content. After the page is up, not before it.
if ('serviceWorker' in navigator) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Without it (a development server, an old browser) Tafel works, only not offline.
    });
  });
}
