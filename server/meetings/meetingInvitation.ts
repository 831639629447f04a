import { createEvent } from 'ics';
import { netherlandsOffsetMs } from '../../shared/calendar/isoDate.ts';
import { formatDate } from '../../shared/format.ts';
import { letter } from '../mail/letter.ts';
import type { MailMessage } from '../mail/mailer.ts';

export interface MeetingInvitationInput {
  to: string;
  /** The invitee's own name: the only name the mail carries besides the chair's. */
  inviteeName: string;
  chairName: string;
  meetingId: string;
  date: string;
  time: string;
  durationMinutes: number;
  place: string;
  videoLink: string;
  /** Where the Tafel is in the app (its agenda); checks access when opened. */
  link: string;
}

/** The instant (ms) of a Dutch wall-clock date and time, in winter or summer time. */
export function dutchInstant(date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  // The offset at the instant itself; one step corrects the guess across a change of clocks.
  const guess = asUtc - netherlandsOffsetMs(asUtc);
  return asUtc - netherlandsOffsetMs(guess);
}

/**
 * The calendar file of a Tafel (RFC 5545, made by `ics`): start in UTC so every calendar shows the
 * Dutch time right, the place or video link, and the link to the agenda. Nothing of the case is in
 * it: no family name, no section.
 */
export function meetingCalendar(i: MeetingInvitationInput): string {
  const { error, value } = createEvent({
    uid: `${i.meetingId}@tafel`,
    // PUBLISH: a calendar adds the Tafel; a REQUEST would need an organiser's address to answer to.
    method: 'PUBLISH',
    productId: 'tafel/jeugdbeschermingstafel',
    start: dutchInstant(i.date, i.time),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: i.durationMinutes },
    title: 'Jeugdbeschermingstafel',
    description: `Gesprek met het gezin en de professionals, voorzitter ${i.chairName}. De agenda staat in Tafel: ${i.link}`,
    location: i.place || i.videoLink,
    url: i.videoLink || i.link,
    status: 'CONFIRMED',
  });
  if (error || !value) throw new Error(`calendar file not made: ${error?.message ?? 'empty'}`);
  return value;
}

/**
 * The invitation mail, in plain words (B1), with the calendar file. Date, time and place of the
 * Tafel and a link; no case title (it names the family), no other family member, no section text.
 */
export function meetingInvitationMail(i: MeetingInvitationInput): MailMessage {
  const where = [i.place && `Waar: ${i.place}`, i.videoLink && `Meedoen via video: ${i.videoLink}`].filter(Boolean) as string[];
  const text = letter(i.inviteeName, [
    `${i.chairName} nodigt je uit voor de Jeugdbeschermingstafel. Dat is een gesprek van ongeveer ${i.durationMinutes} minuten met het gezin en de professionals die meedoen.`,
    '',
    `Wanneer: ${formatDate(i.date)} om ${i.time} uur`,
    ...where,
    '',
    'Wat we bespreken, lees je in Tafel:',
    i.link,
    '',
    'In de bijlage zit een afspraak voor je agenda.',
  ]);
  return {
    to: i.to,
    subject: `Uitnodiging: Jeugdbeschermingstafel op ${formatDate(i.date)}`,
    text,
    attachments: [{ filename: 'tafel.ics', content: meetingCalendar(i), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }],
  };
}
