import { css } from 'lit';

export default css`
  :host {
    display: block;
    --_gap: var(--_space);
    --_skeleton: color-mix(in srgb, var(--_muted) 25%, transparent);
  }
  .panel {
    display: grid;
    gap: calc(var(--_gap) * 2);
    padding: calc(var(--_gap) * 2);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_gap);
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
  .hint,
  .note {
    color: var(--_muted);
  }
  .badge {
    padding: 0 calc(var(--_gap) / 2);
    border: 1px solid var(--_warning);
    border-radius: var(--_radius);
    color: var(--_warning);
    font-size: 0.85em;
  }
  section {
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
  }
  form {
    display: grid;
    gap: var(--_gap);
  }
  fieldset {
    display: flex;
    gap: calc(var(--_gap) * 2);
    margin: 0;
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  label {
    display: grid;
    gap: calc(var(--_gap) / 2);
  }
  fieldset label {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_gap) / 2);
  }
  input,
  select,
  button {
    font: inherit;
    color: inherit;
    border-radius: var(--_radius);
  }
  input,
  select {
    padding: calc(var(--_gap) / 2) var(--_gap);
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
  }
  button {
    padding: calc(var(--_gap) / 2) calc(var(--_gap) * 1.5);
    background: var(--_surface);
    border: 1px solid var(--_border);
    cursor: pointer;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
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
  .field-error,
  .error {
    color: var(--_error);
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
  [role='tablist'] {
    display: flex;
    gap: calc(var(--_gap) / 2);
    border-bottom: 1px solid var(--_border);
  }
  [role='tab'] {
    border: none;
    border-bottom: 2px solid transparent;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: none;
  }
  [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--_accent);
    font-weight: 600;
  }
  .range {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: calc(var(--_gap) / 2) var(--_gap);
    text-align: start;
    border-bottom: 1px solid var(--_border);
  }
  td.num {
    text-align: end;
    font-family: var(--_font-mono);
  }
  th.num {
    text-align: end;
  }
  .pager {
    display: flex;
    align-items: center;
    gap: var(--_gap);
  }
  .skeleton {
    display: grid;
    gap: var(--_gap);
  }
  .skeleton .bar {
    height: 1em;
    border-radius: var(--_radius);
    background: var(--_skeleton);
    animation: pulse 1.2s ease-in-out infinite;
  }
  .skeleton .bar:nth-child(2n) {
    width: 70%;
  }
  @keyframes pulse {
    50% {
      opacity: 0.4;
    }
  }
`;
