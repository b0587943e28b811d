import { css } from 'lit';

/** Tables scroll inside their own box (`renderTableScroll`); amounts end-aligned and monospaced. */
export const tableStyles = css`
  .table-scroll {
    max-inline-size: 100%;
    overflow-x: auto;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: calc(var(--_space) / 2) var(--_space);
    text-align: start;
    border-bottom: 1px solid var(--_border);
    white-space: nowrap;
  }
  th {
    color: var(--_muted);
    font-weight: normal;
  }
  .num {
    text-align: end;
    font-family: var(--_font-mono);
    font-variant-numeric: tabular-nums;
  }
  tr.clickable {
    cursor: pointer;
  }
  tr[aria-current='true'] > * {
    background: var(--_surface);
  }
  @container (max-width: 30rem) {
    .secondary {
      display: none;
    }
  }
`;
