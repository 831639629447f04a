import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol.ts';
import { appendParagraph, connectSection, waitFor, within } from '../support/syncClient.ts';
import { demoEmail, freshSchema, type RunningTafel, signIn, startTafel, type StartOptions, storesToTry } from '../support/tafelServer.ts';

/** A Y.Doc that writes under a client id of the caller's choice. */
function docWithClientId(clientId: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  return doc;
}

/**
 * Connects as `cookie`, then writes a paragraph under someone else's client id, continuing at
 * that id's next clock, as a forger would (a stock client that sees its id in use picks another).
 */
async function writeUnder(ws: string, section: string, cookie: string, clientId: number, text: string) {
  const forger = connectSection(ws, 'demo', section, cookie);
  await forger.synced;
  const own = forger.doc.clientID;
  forger.doc.clientID = clientId;
  appendParagraph(forger.doc, text);
  // Its awareness state is kept under its own id; it must find it again to say goodbye.
  return {
    ...forger,
    destroy() {
      forger.doc.clientID = own;
      forger.destroy();
    },
  };
}

describe.each(storesToTry('authorship at the wire'))('authorship is bound at the wire ($store)', ({ options }) => {
  let server: RunningTafel;
  let opts: StartOptions;
  let regisseur: string;
  let moeder: string;

  beforeAll(async () => {
    // One data folder or schema for the whole suite, so a restart finds what was stored.
    opts = options.databaseUrl ? { ...options, schema: freshSchema() } : { ...options, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-authorship-')) };
    server = await startTafel(opts);
    regisseur = await signIn(server.http, demoEmail('regisseur'));
    moeder = await signIn(server.http, demoEmail('moeder'));
  });
  afterAll(async () => {
    await server?.close();
    if (opts?.dataDir) fs.rmSync(opts.dataDir, { recursive: true, force: true });
  });

  /** Eva writes a paragraph in "stem-ouders" and a second tab of hers sees it: stored and relayed. */
  const evaWrites = async (text: string) => {
    const eva = connectSection(server.ws, 'demo', 'stem-ouders', regisseur);
    await eva.synced;
    appendParagraph(eva.doc, text);
    const watcher = connectSection(server.ws, 'demo', 'stem-ouders', regisseur);
    await watcher.synced;
    await waitFor(() => watcher.text().includes(text), 5000, 'Eva’s paragraph to be stored and relayed');
    return { eva, watcher };
  };

  it('the mother cannot write under the client id of text the regisseur wrote', async () => {
    const { eva, watcher } = await evaWrites('Eva schreef dit zelf.');

    const forged = await writeUnder(server.ws, 'stem-ouders', moeder, eva.doc.clientID, 'Dit zou Eva gezegd hebben.');
    expect(await within(forged.closed, 5000, 'the forged socket to close')).toBe(CloseCode.invalidContent);
    // Nothing of it was relayed or stored: a fresh reader does not have it either.
    const fresh = connectSection(server.ws, 'demo', 'stem-ouders', regisseur);
    await fresh.synced;
    expect(fresh.text()).toContain('Eva schreef dit zelf.');
    expect(fresh.text()).not.toContain('Dit zou Eva gezegd hebben.');
    expect(watcher.text()).not.toContain('Dit zou Eva gezegd hebben.');
    for (const c of [eva, watcher, forged, fresh]) c.destroy();
  });

  it('the regisseur’s reloaded tab sends her offline edit under her own client id, and it is stored with her history', async () => {
    const { eva: first, watcher } = await evaWrites('Voor het herladen.');
    const clientId = first.doc.clientID;
    const kept = Y.encodeStateAsUpdate(first.doc);
    first.destroy();

    // The reloaded tab: the same client id and local state, one more edit made before it connects.
    const local = docWithClientId(clientId);
    Y.applyUpdate(local, kept);
    appendParagraph(local, 'Offline getypt na het herladen.');
    const reloaded = connectSection(server.ws, 'demo', 'stem-ouders', regisseur, local);
    await reloaded.synced;
    await waitFor(() => watcher.text().includes('Offline getypt na het herladen.'), 5000, 'the offline edit to arrive');

    const versions = (await (await fetch(`${server.http}/api/cases/demo/sections/stem-ouders/versions`, { headers: { cookie: regisseur } })).json()) as { authors: { name: string }[] }[];
    const authors = versions.flatMap((v) => v.authors.map((a) => a.name));
    expect(authors).toContain('Eva Jansen');
    expect(authors).not.toContain('Sanne de Groot');
    reloaded.destroy();
    watcher.destroy();
  });

  it('after a restart the owner of a client id is still known', async () => {
    const { eva, watcher } = await evaWrites('Vlak voor de herstart.');
    const clientId = eva.doc.clientID;
    eva.destroy();
    watcher.destroy();
    await server.close();

    server = await startTafel(opts);
    moeder = await signIn(server.http, demoEmail('moeder'));
    regisseur = await signIn(server.http, demoEmail('regisseur'));
    const forged = await writeUnder(server.ws, 'stem-ouders', moeder, clientId, 'Na de herstart als Eva.');
    expect(await within(forged.closed, 5000, 'the forged socket to close')).toBe(CloseCode.invalidContent);
    forged.destroy();
  });

  it('a client id of content stored before ownership was kept is nobody’s to take', async () => {
    // As in a database from before owners were kept: the plan's text has no recorded owner.
    await server.tafel.services.sql.db.deleteFrom('doc_clients').where('room', '=', 'demo/plan').execute();
    const gi = await signIn(server.http, demoEmail('gi'));
    const reader = connectSection(server.ws, 'demo', 'plan', gi);
    await reader.synced;
    const old = [...reader.doc.store.clients.keys()][0]!;
    reader.destroy();
    const forged = await writeUnder(server.ws, 'plan', gi, old, 'Onder de naam van een ander.');
    expect(await within(forged.closed, 5000, 'the forged socket to close')).toBe(CloseCode.invalidContent);
    forged.destroy();
  });
});
