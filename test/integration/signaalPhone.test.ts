import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol.ts';
import { connectSection, insertBlock, within } from '../support/syncClient.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { requestAs, type RunningTafel } from '../support/tafelServer.ts';

const signaal = (id: string, telefoon: string) => ({ id, signaal: 'Murat belt vaker dan twee keer per dag.', actie: 'Sanne belt de regisseur.', wieBellen: 'Eva Jansen', telefoon });

/** The copy of the file for the regisseur: what is stored, as a reader gets it. */
async function storedPhones(server: RunningTafel, cookie: string): Promise<string> {
  const res = await requestAs(server.http, cookie, 'GET', '/api/cases/demo/export');
  return res.text();
}

describe('a phone number in a signalling line is a Dutch phone number, at the wire too', () => {
  const { server, cookie } = signedInTafel(['regisseur']);
  const eva = () => cookie.regisseur!;

  it('any other text is refused (4422) and never stored', async () => {
    const client = connectSection(server.ws, 'demo', 'veiligheidsplan', eva());
    await client.synced;
    insertBlock(client, 'signaal', signaal('signaal-tekst-als-nummer', 'bel oma maar'));
    expect(await within(client.closed, 5000, 'the socket to close')).toBe(CloseCode.invalidContent);
    client.destroy();
    expect(await storedPhones(server, eva())).not.toContain('bel oma maar');
  });

  it('a number as people write it, or none, is stored', async () => {
    const client = connectSection(server.ws, 'demo', 'veiligheidsplan', eva());
    await client.synced;
    insertBlock(client, 'signaal', signaal('signaal-met-nummer', '+31 6 1234 5678'));
    insertBlock(client, 'signaal', signaal('signaal-zonder-nummer', ''));
    let copy = '';
    for (let i = 0; i < 50 && !copy.includes('+31 6 1234 5678'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      copy = await storedPhones(server, eva());
    }
    expect(copy).toContain('+31 6 1234 5678');
    client.destroy();
  });
});
