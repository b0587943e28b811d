import { css } from 'lit';

/** The panel's own layout; fields, buttons, tabs, tables, badges and skeletons come from the shared styles. */
export default css`
  :host {
    --_gap: var(--_space);
  }
  .panel {
    gap: calc(var(--_gap) * 2);
    padding: calc(var(--_gap) * 2);
  }
  h2,
  h3 {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  h2 {
    font-size: 1.15em;
  }
  .subtitle,
  .note {
    color: var(--_muted);
  }
  section,
  form {
    display: grid;
    gap: var(--_gap);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--_gap) / 2) calc(var(--_gap) * 2);
    margin: 0;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    font-family: var(--_font-mono);
    overflow-wrap: anywhere;
  }
  /* Buttons keep their own width; the lookup's empty answer takes no room. */
  form > button,
  form > div > button {
    justify-self: start;
  }
  [part='lookup-result'] {
    margin: 0;
  }
  [part='lookup-result']:empty {
    display: none;
  }
  /* A wide box: limits, account and risk side by side; the forms no wider than a form reads. */
  @container (min-width: 48rem) {
    .panel {
      grid-template-columns: repeat(3, minmax(0, 1fr));
      align-items: start;
    }
    .panel > :not([part='limits'], [part='account'], [part='risk']) {
      grid-column: 1 / -1;
    }
    .panel > form {
      max-inline-size: 40rem;
    }
  }
  /* A narrow box: the padding halved; narrower still, each term above its value. */
  @container (max-width: 26rem) {
    .panel {
      padding: var(--_gap);
    }
  }
  @container (max-width: 20rem) {
    dl {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
    dd {
      margin-block-end: calc(var(--_gap) / 2);
    }
    fieldset {
      flex-wrap: wrap;
      gap: var(--_gap);
    }
  }
  fieldset {
    display: flex;
    gap: calc(var(--_gap) * 2);
    margin: 0;
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  fieldset label {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_gap) / 2);
  }
  button[type='submit'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_bg);
    font-weight: 600;
  }
  button[type='submit'].repay {
    background: var(--_buy);
    border-color: var(--_buy);
  }
  .disabled-reason {
    color: var(--_warning);
  }
  .outcome:empty {
    display: none;
  }
  .outcome {
    padding: var(--_gap);
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .outcome.bad {
    color: var(--_error);
  }
  .outcome.good {
    color: var(--_up);
  }
  .preview ul {
    margin: 0;
    padding-inline-start: calc(var(--_gap) * 2);
    font-family: var(--_font-mono);
  }
  .tab-panel {
    display: grid;
    gap: var(--_gap);
  }
  .range,
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_gap);
  }
`;
