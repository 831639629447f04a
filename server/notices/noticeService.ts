import { NoticeOutbox, type OutboxOptions } from './outbox.ts';
import { NoticeScheduler, type SchedulerDeps } from './scheduler.ts';
import type { OutboxDeps } from './outbox.ts';

export interface NoticeLoopOptions extends OutboxOptions {
  /** How often the outbox is looked at; 0 starts no timers (tests drive `outbox` and `scheduler` themselves). */
  sendEveryMs?: number;
  /** How often the time-based notices are swept. */
  sweepEveryMs?: number;
}

/** The outbox and the sweeps of one process, on timers; `close` waits for the mail in hand. */
export interface NoticeLoops {
  outbox: NoticeOutbox;
  scheduler: NoticeScheduler;
  close(): Promise<void>;
}

/** Starts sending and sweeping in this process; every process may, the outbox and the keys see to "once". */
export function startNotices(s: OutboxDeps & SchedulerDeps, opts: NoticeLoopOptions = {}): NoticeLoops {
  const outbox = new NoticeOutbox(s, opts);
  const scheduler = new NoticeScheduler(s, opts.now);
  const timers: NodeJS.Timeout[] = [];
  let sweeping: Promise<void> | null = null;
  const sendEvery = opts.sendEveryMs ?? 5_000;
  const sweepEvery = opts.sweepEveryMs ?? 60_000;
  if (sendEvery > 0) timers.push(setInterval(() => void outbox.deliverDue().catch((e) => s.log('sending notice mail', e)), sendEvery).unref());
  if (sweepEvery > 0) {
    timers.push(
      setInterval(() => {
        sweeping ??= scheduler
          .sweep()
          .catch((e) => s.log('sweeping notices', e))
          .finally(() => {
            sweeping = null;
          });
      }, sweepEvery).unref(),
    );
  }
  return {
    outbox,
    scheduler,
    async close() {
      for (const t of timers) clearInterval(t);
      await outbox.close();
      await sweeping;
    },
  };
}
