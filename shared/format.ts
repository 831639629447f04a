import { NETHERLANDS_TIME_ZONE } from './calendar/isoDate.ts';

const DATE = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: NETHERLANDS_TIME_ZONE });

/** `2026-11-15` → `15 november 2026` (plan dates are calendar dates, not moments). */
export const formatDate = (iso: string) => DATE.format(new Date(`${iso}T00:00:00Z`));
export const formatDateTime = (iso: string) => DATE_TIME.format(new Date(iso));
