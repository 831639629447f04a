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
  const stop = async () => {
    await tafel.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e) => {
  console.error(`[tafel] starten mislukt: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
