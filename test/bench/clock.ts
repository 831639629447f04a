/**
 * Milliseconds on the machine's monotonic clock (CLOCK_MONOTONIC via process.hrtime). Every
 * process on this machine reads the same clock, so a stamp written by a client in one worker can
 * be compared with the time of receipt in another, without wall-clock slewing in between.
 */
export function monoNow(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
