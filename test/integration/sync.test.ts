import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendParagraph, connectSection, type SectionClient, waitFor } from '../support/syncClient.ts';
import { demoEmail, type RunningTafel, signIn, startTafel } from '../support/tafelServer.ts';

describe('sync with stock y-websocket clients', () => {
  let server: RunningTafel;
  let regisseur: string;
  let gi: string;
  const clients: SectionClient[] = [];
  const open = (cookie: string, section = 'plan') => {
    const c = connectSection(server.ws, 'demo', section, cookie);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    server = await startTafel();
    regisseur = await signIn(server.http, demoEmail('regisseur'));
    gi = await signIn(server.http, demoEmail('gi'));
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
  });

  it('two editors converge on concurrent edits', async () => {
    const a = open(regisseur);
    const b = open(gi);
    await Promise.all([a.synced, b.synced]);
    const before = a.text();
    expect(before.length).toBeGreaterThan(0);
    appendParagraph(a.doc, 'Eva schrijft dit tegelijk');
    appendParagraph(b.doc, 'Tom schrijft dit tegelijk');
    await waitFor(() => a.text() === b.text() && a.text().includes('Eva schrijft') && a.text().includes('Tom schrijft'), 5000, 'convergence');
    expect(a.text()).toBe(b.text());
  });

  it('a burst of updates from several editors reaches every reader complete and in order', async () => {
    // Bursts are stored in one batch and relayed in one turn, gathered into one write per socket.
    const writers = [open(regisseur, 'opvoeding'), open(gi, 'opvoeding'), open(regisseur, 'opvoeding')];
    const reader = open(gi, 'opvoeding');
    await Promise.all([...writers, reader].map((c) => c.synced));
    writers.forEach((w, i) => {
      for (let n = 0; n < 30; n++) appendParagraph(w.doc, `stoot ${i}-${n}`);
    });
    await waitFor(() => writers.every((w) => w.text() === reader.text()) && (reader.text().match(/stoot \d-\d+/g) ?? []).length === 90, 5000, 'every burst at the reader');
    // Each writer's own paragraphs stay in the order it wrote them.
    for (let i = 0; i < writers.length; i++) {
      const own = (reader.text().match(new RegExp(`stoot ${i}-\\d+`, 'g')) ?? []).map((m) => Number(m.split('-')[1]));
      expect(own).toEqual([...own].sort((a, b) => a - b));
      expect(own).toHaveLength(30);
    }
  });

  it('a client joining later receives the full state', async () => {
    const a = open(regisseur, 'onderwijs');
    await a.synced;
    appendParagraph(a.doc, 'Afspraak met mentor op maandag');
    const late = open(gi, 'onderwijs');
    await waitFor(() => late.text().includes('Afspraak met mentor op maandag'), 5000, 'late joiner state');
    expect(late.text()).toBe(a.text());
  });

  it('presence carries the name the server knows, not what the client claims', async () => {
    const a = open(regisseur, 'gezin');
    const b = open(gi, 'gezin');
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('user', { name: 'Iemand anders', color: '#000' });
    await waitFor(
      () => [...b.provider.awareness.getStates().values()].some((s) => (s.user as { name?: string } | undefined)?.name === 'Eva Jansen'),
      5000,
      'presence of Eva at Tom',
    );
    const names = [...b.provider.awareness.getStates().values()].map((s) => (s.user as { name?: string } | undefined)?.name);
    expect(names).not.toContain('Iemand anders');
  });
});
