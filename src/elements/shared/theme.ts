import { css } from 'lit';

/**
 * The public design tokens every element reads. Colors follow the page's `color-scheme` (set
 * `color-scheme: light dark` on the page to follow the reader's preference). Each `--margin-kit-*` token maps to a private
 * `--_*` variable; element styles use only the private names.
 */
export const themeTokens = css`
  :host {
    --_font: var(--margin-kit-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-mono: var(--margin-kit-font-mono, ui-monospace, 'SFMono-Regular', Menlo, monospace);
    --_font-size: var(--margin-kit-font-size, 14px);
    --_radius: var(--margin-kit-radius, 6px);
    --_space: var(--margin-kit-space, 8px);
    --_fg: var(--margin-kit-fg, light-dark(#1b1f24, #e6e8eb));
    --_muted: var(--margin-kit-muted, light-dark(#5b6470, #9aa4b1));
    --_bg: var(--margin-kit-bg, light-dark(#ffffff, #14171b));
    --_surface: var(--margin-kit-surface, light-dark(#f4f6f8, #1e2228));
    --_border: var(--margin-kit-border, light-dark(#d5dae0, #343a42));
    --_accent: var(--margin-kit-accent, light-dark(#0b63ce, #4c9aff));
    --_buy: var(--margin-kit-buy, light-dark(#067a4e, #2ebd85));
    --_sell: var(--margin-kit-sell, light-dark(#c0262d, #f6465d));
    --_up: var(--margin-kit-up, var(--_buy));
    --_down: var(--margin-kit-down, var(--_sell));
    --_warning: var(--margin-kit-warning, light-dark(#8a5a00, #f0b90b));
    --_error: var(--margin-kit-error, light-dark(#b3261e, #ff8a80));
    --_focus: var(--margin-kit-focus, var(--_accent));
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_fg);
  }
  :host([hidden]) {
    display: none;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    /* The pseudo-elements too: the ticker's flash is an ::after overlay. */
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;

/** The public tokens, for the theming docs and the token test. */
export const THEME_TOKENS = [
  '--margin-kit-font',
  '--margin-kit-font-mono',
  '--margin-kit-font-size',
  '--margin-kit-radius',
  '--margin-kit-space',
  '--margin-kit-fg',
  '--margin-kit-muted',
  '--margin-kit-bg',
  '--margin-kit-surface',
  '--margin-kit-border',
  '--margin-kit-accent',
  '--margin-kit-buy',
  '--margin-kit-sell',
  '--margin-kit-up',
  '--margin-kit-down',
  '--margin-kit-warning',
  '--margin-kit-error',
  '--margin-kit-focus',
] as const;
