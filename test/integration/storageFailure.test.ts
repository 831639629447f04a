import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendParagraph, connectSection, type SectionClient, waitFor, within } from '../support/syncClient.ts';
import { demoEmail, type RunningTafel, signIn, startTafel } from '../support/tafelServer.ts';

const TEXT = 'Afspraak die de schijf niet haalde';

describe('when storing an edit fails', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-storage-failure-'));
  let server: RunningTafel;
  let file: SQLite.Database;
  const clients: SectionClient[] = [];

  beforeAll(async () => {
    server = await startTafel({ dataDir });
    file = new SQLite(path.join(dataDir, 'tafel.sqlite'));
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    file.close();
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('nobody receives it, the sockets close, and it is stored and delivered once storage works again', async () => {
    const writer = connectSection(server.ws, 'demo', 'plan', await signIn(server.http, demoEmail('regisseur')));
    const reader = connectSection(server.ws, 'demo', 'plan', await signIn(server.http, demoEmail('gi')));
    clients.push(writer, reader);
    await Promise.all([writer.synced, reader.synced]);
    let readerSawIt = false;
    reader.doc.on('update', () => {
      if (reader.text().includes(TEXT)) readerSawIt = true;
    });

    // The update log disappears from under the server: every write to it now fails.
    file.exec('alter table doc_updates rename to doc_updates_weg');
    const closed = new Promise<number>((resolve) => writer.provider.once('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? 0)));
    appendParagraph(writer.doc, TEXT);
    expect(await within(closed, 5000, "the writer's socket closing")).toBe(1011);
    // Meanwhile both clients keep trying to reconnect, and the server cannot even load the section.
    await new Promise((r) => setTimeout(r, 600));
    expect(readerSawIt).toBe(false);

    file.exec('alter table doc_updates_weg rename to doc_updates');
    // The writer still has its edit and sends it when it is let in again; only then is it relayed.
    await waitFor(() => reader.text().includes(TEXT), 10_000, 'the edit reaching the reader after the repair');
    const logged = file.prepare("select data from doc_updates where room = 'demo/plan'").all() as { data: Buffer }[];
    expect(logged.some((r) => r.data.includes(Buffer.from(TEXT)))).toBe(true);
  });
});
