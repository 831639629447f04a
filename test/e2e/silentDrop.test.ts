import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openSection, signedInOnCase, tafelInChromium } from '../support/browser.ts';
import { pageWatch, storedText, typeParagraph, waitForSave, watchPage } from '../support/localCopies.ts';
import { type StallRelay, startStallRelay } from '../support/stallRelay.ts';
import { demoEmail, signIn } from '../support/tafelServer.ts';

describe.skipIf(!hasChromium)('a connection that goes silent, without the browser noticing, in Chromium', () => {
  const env = tafelInChromium();
  let relay: StallRelay;
  beforeAll(async () => {
    relay = await startStallRelay(env.server.port);
  });
  afterAll(async () => {
    await relay?.close();
  });

  it('stops saying "Opgeslagen" at once and says offline within seconds of typing, then stores the text', async () => {
    const { page, context } = await signedInOnCase(env.browser, relay.http, demoEmail('regisseur'));
    await openSection(page, 'onderwijs');
    await watchPage(page);
    await waitForSave(page, 'onderwijs', 'saved');

    relay.stall();
    await typeParagraph(page, 'onderwijs', 'Getypt in de tunnel.');
    // Not stored, so never "Opgeslagen": first "Bezig met opslaan…", then offline once no answer comes.
    await waitForSave(page, 'onderwijs', 'saving', 2000);
    const toOffline = await waitForSave(page, 'onderwijs', 'offline', 10_000);
    relay.resume();
    const toSaved = await waitForSave(page, 'onderwijs', 'saved', 15_000);
    console.log(`[figures] silent drop: offline shown ${toOffline} ms after "Bezig met opslaan…"; back to "Opgeslagen" ${toSaved} ms after the network returned`);

    expect(await storedText(env.server.ws, await signIn(env.server.http, demoEmail('gi')), 'onderwijs')).toContain('Getypt in de tunnel.');
    expect(await pageWatch(page)).toEqual({ rawErrors: [], sameLoad: true });
    await context.close();
  });
});
