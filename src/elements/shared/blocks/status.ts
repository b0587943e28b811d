import { html, nothing, type TemplateResult } from 'lit';
import { sharedStrings } from '../strings.js';

/** A loading placeholder of `rows` bars (`part="skeleton"`), announced as busy. */
export function renderSkeleton(rows = 3, label: string = sharedStrings.loading): TemplateResult {
  return html`<div class="skeleton" part="skeleton" role="status" aria-busy="true">
    <span class="visually-hidden">${label}</span>
    ${Array.from({ length: rows }, () => html`<div class="bar"></div>`)}
  </div>`;
}

/** Nothing to list (`part="empty"`). */
export function renderEmpty(text: unknown = sharedStrings.empty): TemplateResult {
  return html`<p class="empty" part="empty">${text}</p>`;
}

/** An error the reader should act on (`part="error"`), with a Retry button (`part="retry"`) when `retry` is given. */
export function renderError(message: unknown, retry?: () => void): TemplateResult {
  return html`<div class="error" part="error" role="alert">
    <span>${message}</span>
    ${retry ? html`<button type="button" part="retry" class="retry" @click=${retry}>${sharedStrings.retry}</button>` : nothing}
  </div>`;
}

/** The last values are shown but could not be refreshed (`part="stale-badge"`); nothing when fresh. */
export function renderStaleBadge(stale: boolean): TemplateResult | typeof nothing {
  return stale ? html`<span class="badge stale" part="stale-badge" title=${sharedStrings.staleTitle}>${sharedStrings.stale}</span>` : nothing;
}

export interface LoadView<T> {
  value: T | undefined;
  error: unknown;
  loading: boolean;
}

export interface LoadRender<T> {
  /** Shown once a value exists. */
  complete: (value: T) => unknown;
  retry?: () => void;
  /** Skeleton bars while nothing has loaded yet. */
  rows?: number;
  /** Words for an empty value (`isEmpty` says when). */
  empty?: unknown;
  isEmpty?: (value: T) => boolean;
  describe: (error: unknown) => string;
}

/**
 * The usual ladder of a loaded resource: the value once there is one (a failed refresh keeps it:
 * the stale badge says so), else the error with Retry, else the skeleton.
 */
export function renderLoad<T>(state: LoadView<T>, view: LoadRender<T>): unknown {
  if (state.value !== undefined) {
    return view.isEmpty?.(state.value) ? renderEmpty(view.empty) : view.complete(state.value);
  }
  if (state.error !== undefined && !state.loading) return renderError(view.describe(state.error), view.retry);
  return renderSkeleton(view.rows);
}
