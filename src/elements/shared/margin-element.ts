import { updateWhenLocaleChanges } from '@lit/localize';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { CONFIGURED_EVENT, getConnection, pageConfig, type MarginConnection } from '../../client/connection.js';
import './localization.js';
import { describeError, errorKind } from './describe-error.js';
import { MarginErrorEvent } from './events.js';

/**
 * What every margin-kit element shares: how it finds its client (the page's shared one for its
 * `proxy-url`), its `locale`, and how it reports errors.
 */
export class MarginKitElement extends LitElement {
  /** The signing proxy's base URL; the page's `configure({ proxyUrl })` when empty. */
  @property({ attribute: 'proxy-url', reflect: true }) proxyUrl = '';

  /** BCP 47 locale for numbers and dates; the page's language when empty. */
  @property() locale = '';

  /** `configure()` may run after this element connected (a page that fetches its token first). */
  private readonly onConfigured = (): void => this.requestUpdate();

  constructor() {
    super();
    // Words follow the page's locale (`configure({ locale })` / `setLocale()`), all elements at once.
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener?.(CONFIGURED_EVENT, this.onConfigured);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener?.(CONFIGURED_EVENT, this.onConfigured);
  }

  /**
   * The page's shared connection for this element's proxy (transport + hub), or undefined when no
   * proxy URL is known yet. Elements pass `client.transport` to the endpoint functions they import.
   */
  protected get client(): MarginConnection | undefined {
    try {
      return getConnection(this.proxyUrl);
    } catch {
      return undefined;
    }
  }

  /** The locale to format with: the attribute, else the page's `configure({ locale })`, else the document's, else the browser's. */
  protected get effectiveLocale(): string | undefined {
    // No `document` when rendered on a server (@lit-labs/ssr).
    return this.locale || pageConfig().locale || (typeof document === 'undefined' ? '' : document.documentElement.lang) || undefined;
  }

  /** Fires `margin-error` and returns the words to show. */
  protected reportError(error: unknown, action: string): string {
    const message = describeError(error);
    this.dispatchEvent(new MarginErrorEvent({ error, kind: errorKind(error), message, action }));
    return message;
  }
}
