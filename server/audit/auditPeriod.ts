import type { AuditPeriod } from '../../shared/api.ts';
import { addDays, netherlandsOffsetMs } from '../../shared/calendar/isoDate.ts';

/** A period as instants: `fromAt` inclusive, `untilAt` exclusive (ISO, UTC, as the log stores them). */
export interface AuditBounds {
  fromAt?: string;
  untilAt?: string;
}

/**
 * The instant a Dutch calendar day begins. Dutch clocks change at 01:00 UTC, never near local
 * midnight, so the offset at UTC midnight of the same date is the one in force at local midnight.
 */
export function startOfDutchDay(date: string): string {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  return new Date(utcMidnight - netherlandsOffsetMs(utcMidnight)).toISOString();
}

/** `from` to `to` inclusive, as Dutch days: "1 december" starts at 23:00 UTC on 30 November. */
export function auditBounds(period: AuditPeriod): AuditBounds {
  return {
    ...(period.from ? { fromAt: startOfDutchDay(period.from) } : {}),
    ...(period.to ? { untilAt: startOfDutchDay(addDays(period.to, 1)) } : {}),
  };
}
