import { describe, expect, it } from 'vitest';
import { childrenOnDataDir } from '../support/childSuite.ts';
import { appendParagraph, connectSection, fragmentText, waitFor } from '../support/syncClient.ts';
import { demoEmail, signIn } from '../support/tafelServer.ts';

describe('a server killed with SIGKILL while people type', () => {
  const children = childrenOnDataDir('tafel-crash-');

  it('keeps every update that another client had received', async () => {
    let server = await children.start();
    const writerCookie = await signIn(server.http, demoEmail('regisseur'));
    const readerCookie = await signIn(server.http, demoEmail('gi'));
    const writer = connectSection(server.ws, 'demo', 'plan', writerCookie);
    const reader = connectSection(server.ws, 'demo', 'plan', readerCookie);
    await Promise.all([writer.synced, reader.synced]);

    // Type for a while; kill the server in the middle of it.
    let typed = 0;
    const typing = setInterval(() => appendParagraph(writer.doc, `regel ${typed++}`), 5);
    await waitFor(() => reader.text().includes('regel 40'), 10_000, 'reader to receive 40 lines');
    await server.kill9();
    clearInterval(typing);
    const seen = reader.text();
    writer.destroy();
    reader.destroy();

    server = await children.restart();
    const cookie = await signIn(server.http, demoEmail('raad'));
    const after = connectSection(server.ws, 'demo', 'plan', cookie);
    await after.synced;
    const lines = seen.split('\n').filter((l) => l.startsWith('regel '));
    expect(lines.length).toBeGreaterThan(40);
    const restored = new Set(fragmentText(after.doc).split('\n'));
    const lost = lines.filter((line) => !restored.has(line));
    expect(lost).toEqual([]);
    after.destroy();
  }, 120_000);
});
