import { css } from 'lit';

export default css`
  :host {
    display: block;
  }

  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-block: var(--_space);
  }

  .field {
    display: grid;
    gap: 2px;
  }

  label {
    color: var(--_muted);
    font-size: 0.9em;
  }

  input,
  select {
    padding: 4px var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }

  input[aria-invalid='true'] {
    border-color: var(--_error);
  }

  .button {
    padding: 4px var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
    white-space: nowrap;
  }

  .button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_bg);
  }

  .button[aria-disabled='true'],
  .button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }

  /* ---- tabs ---- */

  [role='tablist'] {
    display: flex;
    gap: 2px;
    border-bottom: 1px solid var(--_border);
  }

  [role='tab'] {
    padding: 4px calc(var(--_space) * 1.5);
    border: 0;
    border-bottom: 2px solid transparent;
    background: none;
    cursor: pointer;
  }

  [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--_accent);
    font-weight: 600;
  }

  /* ---- tables ---- */

  .scroll {
    overflow-x: auto;
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }

  caption {
    text-align: start;
    color: var(--_muted);
    padding-block: 4px;
  }

  th,
  td {
    padding: 4px var(--_space);
    border-bottom: 1px solid var(--_border);
    text-align: end;
    white-space: nowrap;
  }

  th:first-child,
  td:first-child {
    text-align: start;
  }

  thead th {
    color: var(--_muted);
    font-weight: 500;
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
    cursor: pointer;
  }

  .sort-mark {
    inline-size: 1em;
  }

  tr[data-symbol] {
    cursor: pointer;
  }

  tr[aria-current='true'] > * {
    background: var(--_surface);
  }

  .off {
    color: var(--_muted);
  }

  .badge {
    display: inline-block;
    padding: 0 4px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
    font-size: 0.85em;
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

  /* ---- states ---- */

  .skeleton {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
  }

  .bone {
    block-size: 1.2em;
    border-radius: var(--_radius);
    background: var(--_surface);
    animation: pulse 1.2s ease-in-out infinite alternate;
  }

  @keyframes pulse {
    from {
      opacity: 1;
    }
    to {
      opacity: 0.4;
    }
  }

  .message {
    margin: 0;
    padding: var(--_space);
    color: var(--_muted);
  }

  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space);
    color: var(--_error);
  }

  .stale {
    padding: 0 calc(var(--_space) / 2);
    border: 1px solid var(--_warning);
    border-radius: var(--_radius);
    color: var(--_warning);
    font-size: 0.85em;
  }

  .notice {
    margin: 0;
    min-block-size: 1.2em;
    color: var(--_fg);
  }

  /* ---- action panel ---- */

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

  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.85em;
  }

  .field-error,
  .action-error {
    margin: 0;
    color: var(--_error);
  }

  .buttons {
    display: flex;
    gap: var(--_space);
  }

  .pager {
    display: flex;
    align-items: center;
    gap: var(--_space);
    margin-block: var(--_space);
  }
`;
