import type { ControlMessage, Fanout } from '../fanout/fanout.ts';

/** Something that happened which open sockets, streams and pages must hear of, in every process. */
export type DomainEvent = ControlMessage;

/**
 * The domain's events: access changed, a session ended, a case or someone's notices changed, a
 * history was rewritten. Every process must hear them, so they travel over the fan-out (Redis
 * between processes; in memory with one). Modules publish and listen here; the fan-out itself is
 * the transport, which also carries the rooms' document updates between processes.
 */
export class DomainEvents {
  constructor(private readonly fanout: Pick<Fanout, 'control' | 'controlHere' | 'onControl'>) {}

  /** Tells every process, this one included. */
  publish(event: DomainEvent): void {
    this.fanout.control(event);
  }

  /** Tells this process only: for a change each process finds out about by itself (a sweep of the store). */
  publishHere(event: DomainEvent): void {
    this.fanout.controlHere(event);
  }

  on(listener: (event: DomainEvent) => void): void {
    this.fanout.onControl(listener);
  }
}
