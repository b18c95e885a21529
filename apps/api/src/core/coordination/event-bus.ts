import { EventEmitter } from 'node:events';

export type EventHandler = (payload: unknown) => void;

/**
 * Messages every API process must see (a radar item, a notification, "content X changed"). The in-process
 * implementation reaches this process only; with REDIS_URL the Redis one (pub/sub) reaches every process.
 * Payloads are plain JSON values: they may cross a process boundary.
 */
export abstract class EventBus {
  /** Deliver `payload` to every subscriber of `topic` in every process (this one included). */
  abstract publish(topic: string, payload: unknown): Promise<void>;
  /** Call `handler` for each message on `topic`; the returned function unsubscribes. */
  abstract subscribe(topic: string, handler: EventHandler): () => void;
}

/** One process only: the default with no REDIS_URL (npm start, single-process deployments, tests). */
export class InProcessEventBus extends EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(topic: string, payload: unknown): Promise<void> {
    // Same contract as Redis: the subscriber gets a copy, never the publisher's object.
    this.emitter.emit(topic, JSON.parse(JSON.stringify(payload ?? null)));
  }

  subscribe(topic: string, handler: EventHandler): () => void {
    this.emitter.on(topic, handler);
    return () => this.emitter.off(topic, handler);
  }
}
