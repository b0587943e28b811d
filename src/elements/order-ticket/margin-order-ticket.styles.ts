import { css } from 'lit';

/** The ticket's own layout; tokens, the outer box, fields, badges, skeletons, tabs and tables come from the shared element styles. */
export default css`
  /* The outer box and its header row come from the shared layout styles (class="box"). */
  :host {
    --_gap: var(--_space);
    --_field-bg: var(--_bg);
    max-width: 40rem;
  }

  header {
    justify-content: space-between;
  }

  /* The title takes the room; the symbol and the mark price sit at the end (below it when narrow). */
  h2 {
    flex: 1 1 auto;
    margin: 0;
    font-size: 1.1em;
  }

  h3 {
    margin: 0;
    font-size: 1em;
  }

  .mode {
    color: var(--_muted);
    font-weight: normal;
  }

  .mark {
    font-family: var(--_font-mono);
    font-variant-numeric: tabular-nums;
  }

  form {
    display: grid;
    gap: var(--_gap);
    margin: 0;
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  .fields {
    display: grid;
    gap: var(--_gap);
  }

  legend,
  label,
  .label {
    display: block;
    margin-block-end: calc(var(--_space) / 4);
    color: var(--_muted);
    font-size: 0.9em;
  }

  .segmented {
    display: inline-flex;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }

  .segmented label {
    position: relative;
    margin: 0;
    padding: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    color: var(--_fg);
    font-size: 1em;
    cursor: pointer;
  }

  .segmented input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    cursor: pointer;
  }

  .segmented label:has(input:checked) {
    background: var(--_surface);
    font-weight: 600;
  }

  .segmented label:has(input:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }

  input[type='text'],
  select {
    box-sizing: border-box;
    width: 100%;
    padding: calc(var(--_space) / 2) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_field-bg);
    color: var(--_fg);
    font: inherit;
  }

  input[type='text'] {
    font-family: var(--_font-mono);
  }

  .with-ticks {
    display: flex;
    gap: calc(var(--_space) / 2);
  }

  .with-ticks > button {
    flex: none;
    min-inline-size: 2.25em;
  }

  .check {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    margin: 0;
    color: var(--_fg);
    font-size: 1em;
  }

  .check input {
    margin: 0;
  }

  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: var(--_gap);
  }

  /* The shared form styles color them; here they sit close under their field. */
  .field-error,
  .hint {
    display: block;
    margin: calc(var(--_space) / 4) 0 0;
  }

  details {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2) var(--_space);
  }

  details[open] > summary {
    margin-block-end: var(--_space);
  }

  summary {
    cursor: pointer;
  }

  .estimate {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }

  .actions,
  .leverage {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
  }

  button[aria-disabled='true'] {
    cursor: not-allowed;
    outline: 1px dashed var(--_muted);
    outline-offset: 2px;
  }

  .place {
    border-color: transparent;
    color: var(--_bg);
    font-weight: 600;
  }

  .place.buy {
    background: var(--_buy);
  }

  .place.sell {
    background: var(--_sell);
  }

  .small {
    padding: 0 calc(var(--_space) / 2);
  }

  /* The every-symbol toggle sits under the open-orders table, not against its last row. */
  [part~='all-open'] {
    margin-top: var(--_space);
  }

  .notice,
  .disabled-reason,
  .empty {
    margin: 0;
  }

  /* Lit leaves comment markers behind, so :empty never matches: show the box only with a message. */
  .alert:has(> p) {
    padding: var(--_space);
    border: 1px solid var(--_error);
    border-radius: var(--_radius);
    color: var(--_error);
  }

  .alert p,
  .status p {
    margin: 0 0 calc(var(--_space) / 2);
  }

  .status:has(> p) {
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .review {
    padding: var(--_space);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
  }

  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--_space) / 4) var(--_space);
    margin: var(--_space) 0;
  }

  dt {
    color: var(--_muted);
  }

  dd {
    margin: 0;
    font-family: var(--_font-mono);
    word-break: break-all;
  }

  .orders-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_gap);
    margin-block: var(--_space);
  }

  /* A side reads in its color wherever it is named: the checked radio, a table's side cell. */
  .side-buy,
  .segmented .buy:has(input:checked) {
    color: var(--_buy);
  }

  .side-sell,
  .segmented .sell:has(input:checked) {
    color: var(--_sell);
  }

  /* The button level with the input, not with the hint under it: one label line and the gaps above. */
  .leverage {
    align-items: start;
  }

  .leverage label {
    line-height: 1.25;
  }

  .leverage > button {
    margin-block-start: calc(0.9em * 1.25 + var(--_space) * 0.75);
  }

  .leverage > .field {
    flex: 1 1 10rem;
  }

  .skeleton {
    min-height: 12rem;
  }

  [role='tabpanel'] .skeleton {
    min-height: 0;
  }

  .badge {
    margin-inline-start: calc(var(--_space) / 2);
  }

  /* The account: available, liability and the debt ratio meter, one line each. */
  .account dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--_space) / 4) var(--_space);
    margin: 0 0 var(--_space);
  }

  .account dl > div {
    display: contents;
  }

  .account dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }

  .account meter {
    inline-size: 8rem;
    vertical-align: middle;
  }

  .sizing .segmented {
    flex-wrap: wrap;
  }

  /* History tools: the filter row and an order's fields, name beside value. */
  .filters {
    flex-wrap: wrap;
  }

  .order-details dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--_space) / 4) var(--_space);
  }

  .order-details dl > div {
    display: contents;
  }

  .order-details dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }

  /* The sizing chips: one bordered strip, each chip with room around its words. */
  .segmented > button {
    padding: calc(var(--_space) / 4) var(--_space);
    border: 0;
    border-radius: 0;
  }

  .segmented > button + button {
    border-inline-start: 1px solid var(--_border);
  }
`;
