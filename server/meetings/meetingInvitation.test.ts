import { describe, expect, it } from 'vitest';
import { dutchInstant, meetingCalendar, meetingInvitationMail } from './meetingInvitation.ts';

const input = {
  to: 'moeder@example.nl',
  inviteeName: 'Sanne de Groot',
  chairName: 'Eva Jansen',
  meetingId: 'tafel-abcd1234',
  date: '2027-07-01',
  time: '10:00',
  durationMinutes: 75,
  place: '',
  videoLink: 'https://meet.example/tafel',
  link: 'https://tafel.example/zaken/c1/tafel/tafel-abcd1234',
};

describe('the invitation to a Tafel', () => {
  it('puts the Dutch time in the calendar in UTC, in summer and in winter', () => {
    expect(new Date(dutchInstant('2027-07-01', '10:00')).toISOString()).toBe('2027-07-01T08:00:00.000Z');
    expect(new Date(dutchInstant('2027-01-14', '10:00')).toISOString()).toBe('2027-01-14T09:00:00.000Z');
    // The Sunday clocks go forward (28 March 2027): the afternoon is summer time.
    expect(new Date(dutchInstant('2027-03-28', '14:00')).toISOString()).toBe('2027-03-28T12:00:00.000Z');
    const ics = meetingCalendar(input);
    expect(ics).toContain('DTSTART:20270701T080000Z');
    expect(ics).toContain('DURATION:PT75M');
    expect(ics).toContain('LOCATION:https://meet.example/tafel');
    expect(ics).toContain('METHOD:PUBLISH');
  });

  it('says when and where, with a link and a calendar file', () => {
    const mail = meetingInvitationMail(input);
    expect(mail.subject).toBe('Uitnodiging: Jeugdbeschermingstafel op 1 juli 2027');
    expect(mail.text).toContain('Wanneer: 1 juli 2027 om 10:00 uur');
    expect(mail.text).toContain('Meedoen via video: https://meet.example/tafel');
    expect(mail.text).toContain(input.link);
    expect(mail.attachments?.[0]).toMatchObject({ filename: 'tafel.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH' });
  });
});
