/** Messages between the bench orchestrator and a client worker process (Node IPC, JSON). */

/** One sync client: where it connects and with which session cookie (null for the reference). */
export interface ClientSpec {
  /** y-websocket serverUrl (`ws://host:port/sync/demo` for Tafel, `ws://host:port` for the reference). */
  serverUrl: string;
  room: string;
  cookie: string | null;
  /** A Hocuspocus server: its own provider (each message names the room), not y-websocket's. */
  hocuspocus?: boolean;
}

/**
 * - typist: stock WebsocketProvider that types stamps and measures the stamps of others;
 * - observer: stock WebsocketProvider that only measures;
 * - writer: bare socket with its own small Y.Doc that only sends (cheap, for throughput).
 */
export type ClientRole = 'typist' | 'observer' | 'writer';

export type OpenCaseRequest =
  | { kind: 'tafel'; http: string; ws: string; email: string; password: string; caseId: string; sections: number }
  | { kind: 'reference'; ws: string; rooms: string[] };

export type WorkerCommand =
  | { type: 'connect'; role: ClientRole; clients: ClientSpec[] }
  | {
      type: 'run';
      /** Monotonic ms at which typing starts; the same for every worker. */
      startAt: number;
      ratePerClient: number;
      warmupMs: number;
      durationMs: number;
      /** Time after the window for late updates to arrive. */
      graceMs: number;
      /** Also return every stamp an observer received, as `room stamp` (the kill -9 scenario). */
      collect?: boolean;
    }
  | { type: 'disconnect' }
  | { type: 'openCase'; request: OpenCaseRequest };

export interface RunResult {
  type: 'ran';
  /** Receipt latency (ms) of every stamp written inside the window and seen by a measuring client. */
  latencies: number[];
  /** Stamps written inside the window. */
  sent: number;
  /** Stamps written inside the window that an observer saw (one observer per room counts each once). */
  observed: number;
  /** Clients whose connection was down at the end of the window. */
  dropped: number;
  /** With `collect`: every stamp an observer received, `room stamp`, with when it arrived. */
  received?: { key: string; receivedAt: number }[];
}

export type WorkerReply =
  | { type: 'connected'; count: number; ms: number }
  | RunResult
  | { type: 'disconnected' }
  | { type: 'opened'; totalMs: number; signInMs: number; sections: string[] }
  | { type: 'error'; message: string };
