import { describe, expect, it } from 'vitest';
import { NoticeList } from '../../shared/notices.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { storesToTry } from '../support/tafelServer.ts';

const PLAN = { date: '2027-01-14', durationMinutes: 60, place: 'Wijkcentrum De Schoof', participants: ['moeder', 'vt'] };

describe.each(storesToTry('meeting notice time'))('an invitation to a conversation says when it begins ($store)', ({ options }) => {
  const { api } = signedInTafel(['regisseur', 'moeder', 'vt'], options);

  it('two conversations on one day read apart by their time', async () => {
    const ids: string[] = [];
    for (const time of ['16:00', '17:00']) {
      const res = await api('regisseur', 'POST', '/api/cases/demo/meetings', { ...PLAN, time });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    for (const who of ['moeder', 'vt']) {
      const invited = NoticeList.parse(await (await api(who, 'GET', '/api/notices')).json()).notices.filter((n) => n.kind === 'tafel-uitgenodigd');
      const byLink = new Map(invited.map((n) => [n.link, n.text]));
      expect(byLink.get(`/zaken/demo/tafel/${ids[0]}`), who).toBe('Je bent uitgenodigd voor een gesprek op 14 januari 2027. Het begint om 16:00 uur.');
      expect(byLink.get(`/zaken/demo/tafel/${ids[1]}`), who).toBe('Je bent uitgenodigd voor een gesprek op 14 januari 2027. Het begint om 17:00 uur.');
    }
  });
});
