import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { FanoutStatus } from './fanout/fanout.ts';

/** What the gauges read when Prometheus scrapes: the process's state at that moment. */
export interface MetricsSource {
  openDocuments(): number;
  openSockets(): number;
  fanout(): FanoutStatus;
  /** Notice mails waiting in the outbox (queued, waiting to retry, or being sent). */
  noticesQueued?(): Promise<number>;
}

/** One server's metrics; `registry` renders them (and the process's own) in Prometheus text format. */
export interface TafelMetrics {
  registry(): Registry;
  /** Seconds from an accepted update to its being stored (the wait for the batch included). */
  storeLatency: Histogram;
  storeFailures: Counter;
}

const FANOUT_STATES: readonly FanoutStatus[] = ['local', 'connected', 'down'];

/**
 * Node's own metrics (memory, CPU, event-loop delay, GC) once per process: each collector keeps a
 * monitor running for good, and tests start many servers in one process.
 */
let processMetrics: Registry | null = null;
function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
  }
  return processMetrics;
}

/** The metrics of one server, in a registry of its own (never prom-client's global one). */
export function createMetrics(source: MetricsSource): TafelMetrics {
  const own = new Registry();
  new Gauge({
    name: 'tafel_open_documents',
    help: 'Section documents held in memory by this process.',
    registers: [own],
    collect() {
      this.set(source.openDocuments());
    },
  });
  new Gauge({
    name: 'tafel_open_sockets',
    help: 'Open sync sockets (WebSocket connections) of this process.',
    registers: [own],
    collect() {
      this.set(source.openSockets());
    },
  });
  new Gauge({
    name: 'tafel_fanout_state',
    help: 'Fan-out to the other processes: 1 for the current state (local: no Redis; connected; down: degraded).',
    labelNames: ['state'],
    registers: [own],
    collect() {
      const now = source.fanout();
      for (const state of FANOUT_STATES) this.set({ state }, state === now ? 1 : 0);
    },
  });
  new Gauge({
    name: 'tafel_notice_mails_queued',
    help: 'Notice mails in the outbox that are not sent yet (queued, waiting to retry, or being sent); shared by all processes.',
    registers: [own],
    async collect() {
      if (source.noticesQueued) this.set(await source.noticesQueued());
    },
  });
  const storeLatency = new Histogram({
    name: 'tafel_store_latency_seconds',
    help: 'Time from accepting a document update to its being stored; it is relayed only after that.',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [own],
  });
  const storeFailures = new Counter({
    name: 'tafel_store_failures_total',
    help: 'Document updates whose storing failed (the document is then reloaded from storage).',
    registers: [own],
  });
  return { registry: () => Registry.merge([own, processRegistry()]), storeLatency, storeFailures };
}

/** The queue every accepted update goes through to storage; its `enqueue` settles once stored. */
export interface StoreQueue<Row> {
  enqueue(row: Row): Promise<void>;
}

/** Times every update through `queue` from `enqueue` to stored, in place (the queue stays the same object). */
export function timeStores<Row>(queue: StoreQueue<Row>, metrics: TafelMetrics): void {
  const enqueue = queue.enqueue.bind(queue);
  queue.enqueue = (row) => {
    const stored = metrics.storeLatency.startTimer();
    const written = enqueue(row);
    written.then(
      () => void stored(),
      () => metrics.storeFailures.inc(),
    );
    return written;
  };
}
