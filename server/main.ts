import { createTafel } from './app.ts';
import { ensureClientBuilt } from './clientBuild.ts';
import { loadConfig } from './config.ts';
import { DEMO_ACCOUNTS, DEMO_CRISIS_WORKER, DEMO_PASSWORD, seedDemo } from './seed/demoCase.ts';

/** `npm start`: build the client if needed, open storage, seed the demo case once, listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  await ensureClientBuilt();
  const tafel = await createTafel(config);
  if (config.TAFEL_NO_DEMO !== 'true' && (await seedDemo(tafel.services.sql))) {
    console.log('Democasus aangemaakt. Accounts (wachtwoord: %s):', DEMO_PASSWORD);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(24)} ${a.name} (${a.role})`);
    console.log(`  ${DEMO_CRISIS_WORKER.email.padEnd(24)} ${DEMO_CRISIS_WORKER.name} (crisisdienst, niet in de zaak: noodtoegang met zaaknummer demo)`);
  }
  const port = await tafel.listen();
  console.log(`Tafel draait op http://localhost:${port}`);
  // A deploy's SIGTERM: store what was accepted, close the sockets with 1012 (restart) so clients
  // reconnect to the next process, then let go of storage. A second signal does not start over.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Tafel stopt (${signal}): opslaan wat binnen is, dan verbindingen sluiten.`);
    try {
      await tafel.close();
      process.exit(0);
    } catch (e) {
      console.error(`[tafel] netjes stoppen mislukt: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
  console.error(`[tafel] starten mislukt: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
