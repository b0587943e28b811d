import { css } from 'lit';

/** The tab list of the tabs block. */
export const tabsStyles = css`
  [role='tablist'] {
    display: flex;
    gap: calc(var(--_space) / 2);
    border-bottom: 1px solid var(--_border);
  }
  [role='tab'] {
    padding: calc(var(--_space) / 2) var(--_space);
    border: none;
    border-bottom: 2px solid transparent;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--_accent);
    font-weight: 600;
  }
`;
