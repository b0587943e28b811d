import { css } from 'lit';

/** The market's own look; tabs, fields, tables, badges, errors and the skeleton come from the shared styles. */
export default css`
  /* The kit's outer box, on the host (the market has no base part around its tabs). */
  :host {
    display: block;
    box-sizing: border-box;
    padding: calc(var(--_space) * 1.5);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  /* A row's action (Lend, Change rate, Redeem, or why not) stays in view while the table scrolls. */
  td:last-child:has([part~='action-button'], [part~='disabled-reason']),
  table:has(td:last-child [part~='action-button']) thead th:last-child {
    position: sticky;
    inset-inline-end: 0;
    background: var(--_bg);
  }

  /*
   * The market's columns as room allows (the lend form states every limit again): step, lending
   * and redeeming go first (a closed market says so in its action cell), then the amounts, then the
   * rate bounds; currency, rate, its week and the action always stay.
   */
  @container (max-width: 64rem) {
    table:has(td[data-history]) :is(th, td):nth-child(n + 8):nth-child(-n + 10) {
      display: none;
    }
  }
  @container (max-width: 48rem) {
    table:has(td[data-history]) :is(th, td):nth-child(n + 6):nth-child(-n + 7) {
      display: none;
    }
  }
  @container (max-width: 30rem) {
    table:has(td[data-history]) :is(th, td):nth-child(n + 4):nth-child(-n + 5) {
      display: none;
    }
    thead th {
      white-space: normal;
    }
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space);
    margin-block: var(--_space);
  }

  label {
    color: var(--_muted);
    font-size: 0.9em;
  }

  input,
  select {
    background: var(--_bg);
  }

  .button {
    padding: 4px var(--_space);
    white-space: nowrap;
  }

  .button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_bg);
  }

  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }

  table {
    font-variant-numeric: tabular-nums;
  }

  caption {
    text-align: start;
    color: var(--_muted);
    padding-block: 4px;
  }

  th,
  td {
    text-align: end;
  }

  th:first-child,
  td:first-child {
    text-align: start;
  }

  .sort {
    display: inline-flex;
    gap: 4px;
    align-items: center;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font-weight: inherit;
  }

  .sort-mark {
    inline-size: 1em;
  }

  tr[data-symbol] {
    cursor: pointer;
  }

  .off {
    color: var(--_muted);
  }

  .spark {
    display: block;
    inline-size: 80px;
    block-size: 20px;
  }

  .spark polyline {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 1.5;
  }

  .spark-empty {
    display: inline-block;
    inline-size: 80px;
    block-size: 20px;
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .notice {
    margin: 0;
    min-block-size: 1.2em;
    color: var(--_fg);
  }

  .panel {
    margin-block: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }

  .panel h3 {
    margin: 0 0 var(--_space);
    font-size: 1em;
  }

  .panel form {
    display: grid;
    gap: var(--_space);
    max-inline-size: 28rem;
  }

  .action-error {
    margin: 0;
    color: var(--_error);
  }

  .buttons,
  .pager {
    display: flex;
    align-items: center;
    gap: var(--_space);
  }

  .pager {
    margin-block: var(--_space);
  }
`;
