/**
 * A client worker: a separate process that holds many sync clients, so the clients' CPU is not
 * spent in the server's process (nor in the orchestrator's). Driven over Node IPC, one command at a
 * time (see workerProtocol.ts).
 */
import { type BenchClient, createClient } from './benchClients.ts';
import { monoNow, sleep } from './clock.ts';
import { openCase } from './openCaseClient.ts';
import { stamp } from './stamps.ts';
import type { RunResult, WorkerCommand, WorkerReply } from './workerProtocol.ts';

// y-websocket adds a process 'exit' listener per provider; hundreds of them are expected here.
process.setMaxListeners(0);

const clients: BenchClient[] = [];
/** Where stamps of the current run go; between runs nothing is recorded. */
let recorder: ((writtenAt: number, receivedAt: number, client: BenchClient) => void) | null = null;

function reply(message: WorkerReply): void {
  process.send?.(message);
}

async function connect(cmd: Extract<WorkerCommand, { type: 'connect' }>): Promise<WorkerReply> {
  const started = monoNow();
  const fresh = cmd.clients.map((spec) => {
    const client: BenchClient = createClient(cmd.role, spec, (writtenAt, receivedAt) => recorder?.(writtenAt, receivedAt, client));
    return client;
  });
  clients.push(...fresh);
  // Connecting in small waves keeps hundreds of simultaneous handshakes from timing out.
  for (let i = 0; i < fresh.length; i += 25) await Promise.all(fresh.slice(i, i + 25).map((c) => c.ready));
  return { type: 'connected', count: fresh.length, ms: monoNow() - started };
}

/** Types stamps at the given rate on every typing client and records what arrives. */
async function run(cmd: Extract<WorkerCommand, { type: 'run' }>): Promise<RunResult> {
  const windowStart = cmd.startAt + cmd.warmupMs;
  const windowEnd = windowStart + cmd.durationMs;
  const latencies: number[] = [];
  let observed = 0;
  const received: { key: string; receivedAt: number }[] = [];
  recorder = (writtenAt, receivedAt, client) => {
    if (cmd.collect && client.role === 'observer') received.push({ key: `${client.room} ${stamp(writtenAt)}`, receivedAt });
    if (writtenAt < windowStart || writtenAt > windowEnd) return;
    latencies.push(receivedAt - writtenAt);
    if (client.role === 'observer') observed++;
  };
  const typing = clients.filter((c) => c.role !== 'observer');
  // Each client gets a random phase so the updates are spread over time, not sent in lockstep.
  const phase = typing.map(() => Math.random());
  const sentBy = typing.map(() => 0);
  let sent = 0;
  await sleep(Math.max(0, cmd.startAt - monoNow()));
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const now = monoNow();
      if (now >= windowEnd) {
        clearInterval(tick);
        resolve();
        return;
      }
      const elapsed = (now - cmd.startAt) / 1000;
      for (let i = 0; i < typing.length; i++) {
        const due = Math.floor(elapsed * cmd.ratePerClient + phase[i]!);
        while (sentBy[i]! < due) {
          typing[i]!.type();
          sentBy[i]!++;
          if (now >= windowStart) sent++;
        }
      }
    }, 2);
  });
  await sleep(cmd.graceMs);
  recorder = null;
  const dropped = clients.filter((c) => !c.isOpen()).length;
  return { type: 'ran', latencies, sent, observed, dropped, ...(cmd.collect ? { received } : {}) };
}

async function handle(cmd: WorkerCommand): Promise<WorkerReply> {
  switch (cmd.type) {
    case 'connect':
      return connect(cmd);
    case 'run':
      return run(cmd);
    case 'disconnect':
      for (const c of clients.splice(0)) c.destroy();
      return { type: 'disconnected' };
    case 'openCase':
      return { type: 'opened', ...(await openCase(cmd.request)) };
  }
}

process.on('message', (cmd: WorkerCommand) => {
  handle(cmd).then(reply, (e: unknown) => reply({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
});
process.on('disconnect', () => process.exit(0));
