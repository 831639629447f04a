import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClientRole, ClientSpec, OpenCaseRequest, RunResult, WorkerCommand, WorkerReply } from './workerProtocol.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

/** One client worker process, answering one command at a time. */
class Worker {
  private pending: { resolve: (r: WorkerReply) => void; reject: (e: Error) => void } | null = null;

  constructor(private readonly child: ChildProcess) {
    child.on('message', (m: WorkerReply) => {
      const p = this.pending;
      this.pending = null;
      if (!p) return;
      if (m.type === 'error') p.reject(new Error(`client worker: ${m.message}`));
      else p.resolve(m);
    });
    child.on('exit', (code) => {
      this.pending?.reject(new Error(`client worker exited with ${code}`));
      this.pending = null;
    });
  }

  ask(cmd: WorkerCommand): Promise<WorkerReply> {
    if (this.pending) throw new Error('client worker is busy');
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.child.send(cmd);
    });
  }

  stop(): void {
    if (this.child.connected) this.child.disconnect();
  }
}

/** A small set of client worker processes (this machine has 2 cores: keep it small). */
export class WorkerPool {
  private constructor(private readonly workers: Worker[]) {}

  static start(count: number): WorkerPool {
    const workers = Array.from({ length: count }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'clientWorker.ts')], {
        cwd: ROOT,
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      return new Worker(child);
    });
    return new WorkerPool(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Connects clients, spreading them round-robin over the workers. */
  async connect(role: ClientRole, clients: readonly ClientSpec[]): Promise<void> {
    await Promise.all(this.workers.map((w, i) => w.ask({ type: 'connect', role, clients: clients.filter((_, j) => j % this.workers.length === i) })));
  }

  /** Runs one typing window on every worker at once and merges what they measured. */
  async run(opts: Omit<Extract<WorkerCommand, { type: 'run' }>, 'type'>): Promise<Omit<RunResult, 'type'>> {
    const replies = (await Promise.all(this.workers.map((w) => w.ask({ type: 'run', ...opts })))) as RunResult[];
    return {
      latencies: replies.flatMap((r) => r.latencies),
      sent: replies.reduce((a, r) => a + r.sent, 0),
      observed: replies.reduce((a, r) => a + r.observed, 0),
      dropped: replies.reduce((a, r) => a + r.dropped, 0),
      ...(opts.collect ? { received: replies.flatMap((r) => r.received ?? []) } : {}),
    };
  }

  async disconnect(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.ask({ type: 'disconnect' })));
  }

  /** Opens a case on one worker (the others stay idle so they do not disturb the timing). */
  async openCase(request: OpenCaseRequest): Promise<Extract<WorkerReply, { type: 'opened' }>> {
    return (await this.workers[0]!.ask({ type: 'openCase', request })) as Extract<WorkerReply, { type: 'opened' }>;
  }

  stop(): void {
    for (const w of this.workers) w.stop();
  }
}
