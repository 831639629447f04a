import { createTafel } from './app.ts';
import { ensureClientBuilt } from './clientBuild.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './log.ts';
import { DEMO_ACCOUNTS, DEMO_BEHEERDER, DEMO_CRISIS_WORKER, DEMO_PASSWORD, seedDemo } from './seed/demoCase.ts';

/** `npm start`: build the client if needed, open storage, seed the demo case once, listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.TAFEL_LOG_LEVEL);
  await ensureClientBuilt(log);
  const tafel = await createTafel(config, log);
  if (config.TAFEL_NO_DEMO !== 'true' && (await seedDemo(tafel.services.sql))) {
    // Accounts by address and role only: the log holds no names, not even the demo family's.
    log.info(`Democasus aangemaakt. Accounts (wachtwoord: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) log.info(`  ${a.email} (${a.role})`);
    log.info(`  ${DEMO_CRISIS_WORKER.email} (crisisdienst, niet in de zaak: noodtoegang met zaaknummer demo)`);
    log.info(`  ${DEMO_BEHEERDER.email} (beheerder van het lokale team, niet in de zaak: pagina Beheer)`);
  }
  // A second factor required without a key to seal its secrets: stop here, with the reason.
  await tafel.services.secondFactor.assertKeyConfigured();
  const port = await tafel.listen();
  log.info(`Tafel draait op http://localhost:${port}`);
  // A deploy's SIGTERM: store what was accepted, close the sockets with 1012 (restart) so clients
  // reconnect to the next process, then let go of storage. A second signal does not start over.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`Tafel stopt (${signal}): opslaan wat binnen is, dan verbindingen sluiten.`);
    try {
      await tafel.close();
      process.exit(0);
    } catch (e) {
      log.error({ err: e }, 'netjes stoppen mislukt');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
  // Also when the settings themselves are wrong, so this logger does not read them.
  createLogger('info').fatal(`starten mislukt: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
