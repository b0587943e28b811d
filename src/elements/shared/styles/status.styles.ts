import { css } from 'lit';

/** Badges, errors with Retry, empty states. */
export const statusStyles = css`
  .badge {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    padding: 0 calc(var(--_space) / 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
    font-size: 0.85em;
    white-space: nowrap;
  }
  .badge.stale {
    border-color: var(--_warning);
    color: var(--_warning);
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    color: var(--_error);
  }
  .empty {
    margin: 0;
    color: var(--_muted);
  }
`;
