import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOC_FIELD, messageSync, messageYjsUpdate } from '../../shared/protocol.ts';
import { hasChromium, openSection, signedInOnCase, tafelInChromium } from '../support/browser.ts';
import { RawYClient } from '../support/rawYClient.ts';
import { waitFor } from '../support/syncClient.ts';
import { signIn } from '../support/tafelServer.ts';

describe.skipIf(!hasChromium)('a reader while someone types, in Chromium', () => {
  const env = tafelInChromium();

  it('re-reads the case at most twice a second, not on every keystroke, and still shows the change', async () => {
    const { page } = await signedInOnCase(env.browser, env.server.http, 'moeder@demo.tafel');
    for (const id of ['aanleiding', 'veiligheidsplan', 'plan']) await openSection(page, id);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    const meta = page.locator('button[data-section="aanleiding"] .section-link-meta');
    const before = await meta.textContent();

    // The regisseur types 10 characters a second for 3 seconds, each one its own update.
    const eva = new RawYClient(`${env.server.ws}/sync/demo/aanleiding`, await signIn(env.server.http, 'regisseur@demo.tafel'));
    await eva.socket.opened;
    eva.requestState();
    await waitFor(() => eva.documentBytes > 0, 5000, 'synced');
    const text = (eva.doc.getXmlFragment(DOC_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const started = Date.now();
    for (let i = 0; i < 30; i++) {
      const sv = Y.encodeStateVector(eva.doc);
      text.insert(0, 'x');
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, messageSync);
      encoding.writeVarUint(e, messageYjsUpdate);
      encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(eva.doc, sv));
      eva.socket.ws.send(encoding.toUint8Array(e));
      await page.waitForTimeout(100);
    }
    await expect.poll(() => meta.textContent(), { timeout: 5000 }).not.toBe(before);
    eva.close();
    // About 3 seconds of typing; longer on a busy machine, and the rate is what counts.
    const seconds = (Date.now() - started) / 1000;

    // Before: every flush of an edit (about 7 a second) re-read the case, the consents of every
    // open section and the versions of every (closed) history panel: over 100 requests here.
    expect(requests.filter((p) => p === '/api/cases/demo').length).toBeLessThanOrEqual(Math.max(10, Math.ceil(2 * seconds) + 2));
    expect(requests.filter((p) => p.endsWith('/versions') || p.endsWith('/consents'))).toEqual([]);
  });
});
