import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** The tab a key moves to in a `role=tablist` (arrows wrap; Home, End), or undefined for other keys. */
export function tabAfterKey<T>(tabs: readonly T[], current: T, key: string): T | undefined {
  if (tabs.length === 0) return undefined;
  const i = Math.max(0, tabs.indexOf(current));
  switch (key) {
    case 'ArrowRight':
      return tabs[(i + 1) % tabs.length];
    case 'ArrowLeft':
      return tabs[(i - 1 + tabs.length) % tabs.length];
    case 'Home':
      return tabs[0];
    case 'End':
      return tabs[tabs.length - 1];
    default:
      return undefined;
  }
}

export interface TabsOptions<T extends string> {
  /** The tabs shown now (a venue may have fewer). */
  tabs: () => readonly T[];
  initial: T;
  /** Runs when the selection changes (reset a pager, start a load). */
  onSelect?: (tab: T) => void;
  /** Ids are `${idPrefix}tab-${tab}` and `${idPrefix}panel-${tab}`: one prefix per tab list in a shadow root. */
  idPrefix?: string;
}

/**
 * One tab list with a roving tabindex (WAI-ARIA Tabs pattern): the selected tab is the only one
 * in the tab order, arrows move between tabs (wrapping), Home and End go to the ends, and the
 * selection follows focus.
 */
export class TabsController<T extends string> implements ReactiveController {
  private current: T;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: TabsOptions<T>,
  ) {
    this.current = options.initial;
    host.addController(this);
  }

  /** Nothing to start: the selection lives as long as the host. */
  hostConnected(): void {}

  get tabs(): readonly T[] {
    return this.options.tabs();
  }

  /** The selected tab; the first one when the selected tab is no longer offered. */
  get selected(): T {
    const tabs = this.tabs;
    return tabs.includes(this.current) ? this.current : (tabs[0] ?? this.current);
  }

  tabId(tab: T): string {
    return `${this.options.idPrefix ?? ''}tab-${tab}`;
  }

  panelId(tab: T): string {
    return `${this.options.idPrefix ?? ''}panel-${tab}`;
  }

  select(tab: T, focus = false): void {
    if (tab !== this.current) {
      this.current = tab;
      this.options.onSelect?.(tab);
      this.host.requestUpdate();
    }
    if (focus) {
      void this.host.updateComplete.then(() => this.host.shadowRoot?.getElementById(this.tabId(tab))?.focus());
    }
  }

  readonly onKeydown = (event: KeyboardEvent): void => {
    const next = tabAfterKey(this.tabs, this.selected, event.key);
    if (next === undefined) return;
    event.preventDefault();
    this.select(next, true);
  };
}

export interface TabListOptions<T extends string> {
  /** What each tab says. */
  text: (tab: T) => unknown;
  /** Id of the heading that names the list; or `label` for its words. */
  labelledBy?: string;
  label?: string;
}

/** `part="tabs"` with a `part="tab"` button per tab. */
export function renderTabList<T extends string>(tabs: TabsController<T>, options: TabListOptions<T>): TemplateResult {
  const selected = tabs.selected;
  return html`<div
    part="tabs"
    class="tabs"
    role="tablist"
    aria-labelledby=${options.labelledBy ?? nothing}
    aria-label=${options.label ?? nothing}
    @keydown=${tabs.onKeydown}
  >
    ${tabs.tabs.map(
      (tab) => html`<button
        type="button"
        role="tab"
        part="tab"
        id=${tabs.tabId(tab)}
        aria-selected=${tab === selected ? 'true' : 'false'}
        aria-controls=${tab === selected ? tabs.panelId(tab) : nothing}
        tabindex=${tab === selected ? 0 : -1}
        @click=${() => tabs.select(tab)}
      >
        ${options.text(tab)}
      </button>`,
    )}
  </div>`;
}

/**
 * The selected tab's `part="panel"`: only the selected panel is rendered (the others' loads never
 * start), so only the selected tab names it in `aria-controls`. `focusable` puts the panel itself
 * in the tab order: for a panel without controls of its own (WAI-ARIA Tabs pattern).
 */
export function renderTabPanel<T extends string>(tabs: TabsController<T>, content: (tab: T) => unknown, options: { focusable?: boolean } = {}): TemplateResult {
  const selected = tabs.selected;
  return html`<div
    part="panel"
    class="tab-panel"
    role="tabpanel"
    id=${tabs.panelId(selected)}
    aria-labelledby=${tabs.tabId(selected)}
    tabindex=${options.focusable ? 0 : nothing}
  >
    ${content(selected)}
  </div>`;
}
