import { css } from 'lit';

/** Fields (label, control, hint, error), inputs, selects and buttons. */
export const formStyles = css`
  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  input,
  select,
  button {
    font: inherit;
    color: inherit;
    border-radius: var(--_radius);
  }
  /* A control narrows with its box (an input's default 20 characters would not). */
  input,
  select {
    box-sizing: border-box;
    min-inline-size: 0;
    max-inline-size: 100%;
    padding: calc(var(--_space) / 2) var(--_space);
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--_error);
  }
  button {
    padding: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    background: var(--_surface);
    border: 1px solid var(--_border);
    cursor: pointer;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .field-error {
    color: var(--_error);
  }
`;
