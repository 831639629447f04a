/** How big each scenario is: the full run, or `--quick` (every scenario, small, well under a minute). */
export interface BenchOptions {
  quick: boolean;
  /** Where the JSON results go. */
  out: string;
  /** With `--profile <dir>`: the SQLite Tafel server writes a V8 CPU profile there (`node --cpu-prof`). */
  profileDir: string | null;
  /** Client worker processes (this machine has 2 cores). */
  workers: number;
  latency: {
    /** Client counts spread over `rooms` rooms (fewer clients than rooms: one room). */
    configs: { clients: number; rooms: number; label: string }[];
    ratePerClient: number;
    /**
     * Rounds of the largest many-room configuration (the target), Tafel and reference taking
     * turns; the target is judged on the median of the rounds' ratios, and each side's median
     * round is reported. One round of a noisy neighbour's work then cannot decide the ratio.
     */
    rounds: number;
    warmupMs: number;
    durationMs: number;
    /** Time after the window for late updates to arrive, and pause between runs. */
    graceMs: number;
  };
  throughput: {
    writers: number;
    rooms: number;
    /** Offered updates/s (all writers together), tried in order until p99 passes the ceiling. */
    offered: number[];
    p99CeilingMs: number;
    warmupMs: number;
    durationMs: number;
  };
  /**
   * Edits lost on kill -9 (scenario 7): `writers` typists in `rooms` rooms for `typeMs`, killed at a
   * random moment between `killFromMs` and `killToMs`, once per repetition and durable server.
   */
  killNine: { writers: number; rooms: number; ratePerClient: number; repetitions: number; typeMs: number; killFromMs: number; killToMs: number };
  /** Clients per process (scenario 9): client counts tried in order until p99 passes the ceiling. */
  capacity: { clients: number[]; rooms: number; ratePerClient: number; p99CeilingMs: number; warmupMs: number; durationMs: number };
  openCase: { sections: number; repeats: number; browserRepeats: number };
  coldLoad: { updates: number; repeats: number };
  memory: { docs: number };
  /** Section sizes (paragraphs) for the content check, and rounds of typing plus a new paragraph. */
  contentCheck: { paragraphs: number[]; rounds: number };
  /** Updates stored one at a time (scenario 10). */
  storeCost: { updates: number };
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const outAt = argv.indexOf('--out');
  const out = outAt >= 0 && argv[outAt + 1] ? argv[outAt + 1]! : 'bench-results.json';
  const profileAt = argv.indexOf('--profile');
  const profileDir = profileAt >= 0 ? (argv[profileAt + 1] ?? 'bench-profiles') : null;
  const base = { quick, out, profileDir, workers: 2 };
  if (quick) {
    return {
      ...base,
      latency: {
        configs: [
          { clients: 2, rooms: 1, label: '2 clients' },
          { clients: 20, rooms: 5, label: '20 clients / 5 rooms' },
          { clients: 10, rooms: 1, label: '10 writers in 1 room' },
        ],
        ratePerClient: 5,
        rounds: 1,
        warmupMs: 300,
        durationMs: 800,
        // Long enough for the last stamps to arrive on a busy machine: the quick run checks that
        // every update is delivered, not how fast.
        graceMs: 1000,
      },
      throughput: { writers: 20, rooms: 5, offered: [200], p99CeilingMs: 50, warmupMs: 300, durationMs: 600 },
      killNine: { writers: 4, rooms: 2, ratePerClient: 5, repetitions: 1, typeMs: 2000, killFromMs: 700, killToMs: 1900 },
      capacity: { clients: [20], rooms: 5, ratePerClient: 5, p99CeilingMs: 50, warmupMs: 300, durationMs: 600 },
      openCase: { sections: 20, repeats: 2, browserRepeats: 1 },
      coldLoad: { updates: 1000, repeats: 2 },
      memory: { docs: 100 },
      contentCheck: { paragraphs: [100], rounds: 20 },
      storeCost: { updates: 200 },
    };
  }
  return {
    ...base,
    latency: {
      configs: [
        { clients: 2, rooms: 1, label: '2 clients' },
        { clients: 50, rooms: 20, label: '50 clients / 20 rooms' },
        { clients: 200, rooms: 20, label: '200 clients / 20 rooms' },
        { clients: 50, rooms: 1, label: '50 writers in 1 room' },
      ],
      ratePerClient: 5,
      rounds: 5,
      warmupMs: 2000,
      durationMs: 15_000,
      graceMs: 1000,
    },
    throughput: { writers: 200, rooms: 20, offered: [250, 500, 1000, 2000, 3000, 4000, 5000, 5500, 6000, 7000, 8000, 10_000, 12_000], p99CeilingMs: 50, warmupMs: 1000, durationMs: 4000 },
    // Hocuspocus stores 2 s after the last edit, at the latest 10 s after the first: the kills fall
    // anywhere from 3 to 12.5 s into the typing, so they can land before and after its first store.
    killNine: { writers: 10, rooms: 5, ratePerClient: 5, repetitions: 4, typeMs: 12_700, killFromMs: 3000, killToMs: 12_500 },
    capacity: { clients: [100, 200, 300, 400, 500, 600, 800, 1000, 1200], rooms: 20, ratePerClient: 5, p99CeilingMs: 50, warmupMs: 1000, durationMs: 4000 },
    openCase: { sections: 20, repeats: 10, browserRepeats: 3 },
    coldLoad: { updates: 10_000, repeats: 5 },
    memory: { docs: 1000 },
    contentCheck: { paragraphs: [50, 500, 2000], rounds: 200 },
    storeCost: { updates: 5000 },
  };
}
