import { describe, expect, it } from 'vitest';
import { agendaBudget, MeetingPlan, meetingTime, presentNames, spentOn, timeTaken } from './meetings.ts';

const plan = { date: '2027-01-14', time: '10:00', durationMinutes: 90, place: 'Wijkcentrum', participants: ['moeder'] };

describe('a Tafel', () => {
  it('takes 60 to 90 minutes, somewhere or by video, with someone invited', () => {
    expect(MeetingPlan.safeParse(plan).success).toBe(true);
    expect(MeetingPlan.safeParse({ ...plan, durationMinutes: 45 }).error?.issues[0]?.path).toEqual(['durationMinutes']);
    expect(MeetingPlan.safeParse({ ...plan, place: '', videoLink: '' }).error?.issues[0]?.path).toEqual(['place']);
    expect(MeetingPlan.safeParse({ ...plan, place: '', videoLink: 'https://meet.example/tafel' }).success).toBe(true);
    expect(MeetingPlan.safeParse({ ...plan, videoLink: 'javascript:alert(1)' }).success).toBe(false);
    expect(MeetingPlan.safeParse({ ...plan, participants: [] }).error?.issues[0]?.path).toEqual(['participants']);
    expect(MeetingPlan.safeParse({ ...plan, date: '2027-02-30' }).success).toBe(false);
  });

  it('"aanwezig" names who was there and who joined by phone, not who was away or not filled in', () => {
    const names = presentNames([
      { name: 'Sanne', presence: 'aanwezig' },
      { name: 'Murat', presence: 'telefonisch' },
      { name: 'Karim', presence: 'afwezig' },
      { name: 'Tom', presence: null },
    ]);
    expect(names).toEqual(['Sanne', 'Murat (telefonisch)']);
  });

  it('says how long it runs in minutes beside the planned minutes, and once closed how long it took', () => {
    const startedAt = '2027-01-14T09:00:00.000Z';
    const at = (iso: string) => Date.parse(iso);
    expect(meetingTime({ startedAt: null, endedAt: null, durationMinutes: 90 }, at(startedAt))).toBeNull();
    // 1 hour 42 minutes in: never "1:42" next to "minuten".
    expect(meetingTime({ startedAt, endedAt: null, durationMinutes: 90 }, at('2027-01-14T10:42:30.000Z'))).toBe('102 min bezig (gepland 90 min)');
    expect(meetingTime({ startedAt, endedAt: null, durationMinutes: 90 }, at('2027-01-14T09:12:59.000Z'))).toBe('12 min bezig (gepland 90 min)');
    // Closed: its own length, not the clock still running.
    const closed = { startedAt, endedAt: '2027-01-14T09:47:10.000Z', durationMinutes: 90 };
    expect(meetingTime(closed, at('2027-01-15T12:00:00.000Z'))).toBe('Duurde 47 minuten');
    expect(meetingTime({ ...closed, endedAt: '2027-01-14T09:01:00.000Z' }, at('2027-01-15T12:00:00.000Z'))).toBe('Duurde 1 minuut');
  });

  it('shows the agenda over budget, and counts the running item up to now', () => {
    expect(agendaBudget([{ minutes: 50 }, { minutes: 45 }], 90)).toEqual({ planned: 95, over: true });
    expect(agendaBudget([{ minutes: 50 }, { minutes: 40 }], 90)).toEqual({ planned: 90, over: false });
    const since = '2027-01-14T09:10:00.000Z';
    expect(spentOn({ id: 'item-a', spentSeconds: 30 }, { itemId: 'item-a', since }, Date.parse(since) + 90_000)).toBe(120);
    expect(spentOn({ id: 'item-b', spentSeconds: 30 }, { itemId: 'item-a', since }, Date.parse(since) + 90_000)).toBe(30);
  });

  it('says how long an agenda item runs or ran the way it says it of the whole Tafel', () => {
    // 2 minutes 5 seconds on a 5-minute item: never "2:05".
    expect(timeTaken(125, 5, true)).toBe('2 min bezig (gepland 5 min)');
    expect(timeTaken(0, 5, true)).toBe('0 min bezig (gepland 5 min)');
    expect(timeTaken(125, 5, false)).toBe('Duurde 2 minuten');
    expect(timeTaken(65, 5, false)).toBe('Duurde 1 minuut');
  });
});
