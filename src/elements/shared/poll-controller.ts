import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Loader, PollState, PollSubscription } from '../../client/hub.js';
import type { MarginConnection } from '../../client/connection.js';
import { pollIntervalFor, read, type Resource } from './resource.js';

export interface PollTarget<T> {
  client: MarginConnection;
  /** Subscribers with the same key share one poll (one timer, one request in flight). */
  key: string;
  loader: Loader<T>;
  intervalMs: number;
}

/**
 * Subscribes its element to a polled resource of the shared hub while connected, and only while
 * the element is on screen (an off-screen element does not keep the poll running).
 */
export class PollController<T> implements ReactiveController {
  state: PollState<T> = { value: undefined, error: undefined, loading: false, stale: false, updatedAt: undefined };
  private subscription: PollSubscription | undefined;
  private observer: IntersectionObserver | undefined;
  private target: PollTarget<T> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onChange?: (state: PollState<T>) => void,
  ) {
    host.addController(this);
  }

  /** Points the controller at a resource (or none); re-subscribes only when the key or client changes. */
  set(target: PollTarget<T> | undefined): void {
    const same =
      target && this.target && target.key === this.target.key && target.client === this.target.client && target.intervalMs === this.target.intervalMs;
    if (same) return;
    this.target = target;
    this.unsubscribe();
    if (this.host.isConnected) this.subscribe();
  }

  /**
   * Polls a shared resource (or nothing): its key and loader, at `requestedMs` (the element's
   * `poll-interval`) but never faster than the resource allows.
   */
  watch(client: MarginConnection | undefined, resource: Resource<T> | undefined, requestedMs?: number | null): void {
    if (!client || !resource) return this.set(undefined);
    this.set({
      client,
      key: resource.key,
      loader: (signal) => (resource.reference ? read(client, resource, signal) : resource.load(client.transport, signal)),
      intervalMs: pollIntervalFor(resource, requestedMs),
    });
  }

  refresh(): void {
    this.subscription?.refresh();
  }

  hostConnected(): void {
    this.subscribe();
    if (typeof IntersectionObserver !== 'undefined') {
      this.observer = new IntersectionObserver((entries) => {
        const visible = entries.some((entry) => entry.isIntersecting);
        this.subscription?.setActive(visible);
      });
      this.observer.observe(this.host);
    }
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.unsubscribe();
  }

  private subscribe(): void {
    if (!this.target || this.subscription) return;
    const { client, key, loader, intervalMs } = this.target;
    this.subscription = client.hub.poll(key, loader, intervalMs, (state) => {
      this.state = state;
      this.onChange?.(state);
      this.host.requestUpdate();
    });
  }

  private unsubscribe(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }
}
