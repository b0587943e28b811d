/**
 * The element side of "never sent twice": one `Submitter` per element, its phase rendered by the
 * host. While the host is off the page the look-ups stop; back on it, they go on.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Submitter, type SubmitPhase, type SubmitterPorts } from './submitter.js';

export type { SubmitPhase } from './submitter.js';

export class SubmissionController<I, A, R> implements ReactiveController {
  readonly submitter: Submitter<I, A, R>;

  constructor(
    private readonly host: ReactiveControllerHost,
    ports: SubmitterPorts<I, A, R>,
  ) {
    this.submitter = new Submitter({
      ...ports,
      onChange: (phase) => {
        ports.onChange?.(phase);
        host.requestUpdate();
      },
    });
    host.addController(this);
  }

  get phase(): SubmitPhase<I, A, R> {
    return this.submitter.phase;
  }

  /** Sending or checking: the form offers no second send. */
  get busy(): boolean {
    return this.submitter.busy;
  }

  submit(intent: I, options?: { draftKey?: string; confirm?: () => boolean }): Promise<boolean> {
    return this.submitter.submit(intent, options);
  }

  recheck(): Promise<void> {
    return this.submitter.recheck();
  }

  remember(ids: Iterable<string>): void {
    this.submitter.remember(ids);
  }

  identityFor(draftKey: string): string {
    return this.submitter.identityFor(draftKey);
  }

  checkNow(): void {
    this.submitter.checkNow();
  }

  reset(): void {
    this.submitter.reset();
  }

  hostConnected(): void {
    this.submitter.resume();
  }

  hostDisconnected(): void {
    this.submitter.dispose();
  }
}
