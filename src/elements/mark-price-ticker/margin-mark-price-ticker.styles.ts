import { css } from 'lit';

/** Public tokens this element reads beyond the shared theme (documented as @cssprop). */
export const TICKER_TOKENS = ['--margin-kit-tape-item-duration'] as const;

/**
 * Motion is transform and opacity only: the tape slides with `transform`, a flash fades an
 * overlay's `opacity`. Neither lays out. In the list, the cells that change on a tick skip style,
 * layout and paint while off screen (`content-visibility`), and the table's columns do not depend
 * on their content (`table-layout: fixed`): a tick that moves 500 prices restyles and lays out
 * only the rows in view.
 */
export default css`
  :host {
    display: block;
    --_tape-item-duration: var(--margin-kit-tape-item-duration, 2.5s);
    /* the number of symbols on the tape, set per render on the track */
    --_tape-items: 20;
    --_flash-duration: 700ms;
  }

  button {
    font: inherit;
    color: inherit;
  }

  .bar {
    display: flex;
    align-items: center;
    gap: var(--_space);
  }

  .stale {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    padding: 0 calc(var(--_space) / 2);
    border: 1px solid var(--_warning);
    border-radius: var(--_radius);
    color: var(--_warning);
    font-size: 0.85em;
    white-space: nowrap;
  }

  .retry,
  .pause {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 2px var(--_space);
    cursor: pointer;
  }

  .pause[aria-pressed='true'] {
    border-color: var(--_accent);
  }

  /* ---- states ---- */

  .skeleton {
    display: flex;
    gap: var(--_space);
    padding: var(--_space);
  }

  /* size, corners and pulse from the kit's .bone (shared/styles/skeleton.styles.ts) */
  .bone {
    flex: 0 0 8em;
    background: var(--_surface);
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

  /* ---- an item: symbol, price, direction, change ---- */

  .item {
    position: relative;
    display: inline-flex;
    align-items: baseline;
    gap: calc(var(--_space) / 2);
    padding: 2px var(--_space);
    border: 0;
    border-radius: var(--_radius);
    background: none;
    white-space: nowrap;
    cursor: pointer;
    font-variant-numeric: tabular-nums;
  }

  .item[aria-current='true'] {
    box-shadow: inset 0 0 0 1px var(--_accent);
  }

  .symbol {
    font-weight: 600;
  }

  .price {
    font-family: var(--_font-mono);
  }

  /*
   * A move's class sits on the element around the price and its marks (the tape's item, the list's
   * and the card's price box) and says it all: colour, arrow, flash and the word a screen reader
   * hears. A move changes a class and no text.
   */
  .flash-up {
    --_move: var(--_up);
  }

  .flash-down {
    --_move: var(--_down);
  }

  /* The parity class switches between two identical animations: each move restarts the flash. */
  .flash-0 {
    --_flash: flash-a;
  }

  .flash-1 {
    --_flash: flash-b;
  }

  .change.up {
    color: var(--_up);
  }

  .change.down {
    color: var(--_down);
  }

  .flash-up > .direction::before {
    content: '▲';
  }

  .flash-down > .direction::before {
    content: '▼';
  }

  /* The arrow and both words are there; the move's class shows the arrow and one word (none when flat). */
  .direction,
  .word {
    display: none;
    color: var(--_move);
  }

  .flash-up > :is(.direction, .word.up),
  .flash-down > :is(.direction, .word.down) {
    display: inline;
  }

  .change {
    font-size: 0.9em;
    color: var(--_muted);
  }

  .off {
    font-size: 0.8em;
    color: var(--_muted);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0 4px;
  }

  /* A flash is an overlay fading out. */
  .flashable {
    position: relative;
  }

  .flashable::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: var(--_radius);
    opacity: 0;
    pointer-events: none;
    background: var(--_move);
    animation: var(--_flash) var(--_flash-duration) ease-out;
  }

  @keyframes flash-a {
    from {
      opacity: 0.35;
    }
    to {
      opacity: 0;
    }
  }

  @keyframes flash-b {
    from {
      opacity: 0.35;
    }
    to {
      opacity: 0;
    }
  }

  /* ---- tape ---- */

  .tape {
    display: flex;
    align-items: center;
    gap: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: 2px;
  }

  .viewport {
    flex: 1 1 auto;
    min-width: 0;
    overflow: hidden;
    contain: paint;
  }

  .track {
    display: flex;
    width: max-content;
    will-change: transform;
    animation: tape-scroll calc(var(--_tape-items) * var(--_tape-item-duration)) linear infinite;
  }

  .group {
    display: flex;
    gap: var(--_space);
    margin: 0;
    padding: 0 var(--_space) 0 0;
    list-style: none;
  }

  .viewport:hover .track,
  .viewport:focus-within .track,
  .track.paused {
    animation-play-state: paused;
  }

  @keyframes tape-scroll {
    from {
      transform: translateX(0);
    }
    to {
      transform: translateX(-50%);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    /* A static strip the trader scrolls: no copy, no pause button (nothing moves). */
    .viewport {
      overflow-x: auto;
    }
    .track {
      animation: none;
      transform: none;
    }
    .copy,
    .pause {
      display: none;
    }
  }

  /* ---- list ---- */

  /* Below the table's least width the list scrolls in its own box, never the page. */
  .list {
    overflow-x: auto;
  }

  table {
    width: 100%;
    /* what the columns' content needs at least, as the automatic layout would have made it */
    min-width: 16em;
    table-layout: fixed;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }

  thead th:nth-child(1) {
    width: 40%;
  }

  thead th:nth-child(2) {
    width: 35%;
  }

  th,
  td {
    padding: 2px var(--_space);
    text-align: end;
    border-bottom: 1px solid var(--_border);
  }

  th:first-child {
    text-align: start;
  }

  /* The symbol button lines up with the column's header. */
  tbody th .item {
    padding-inline: 0;
  }

  /* A narrow list: the price and the change get the room the symbol does not need. */
  @container (max-width: 30rem) {
    thead th:nth-child(1) {
      width: 34%;
    }

    thead th:nth-child(2) {
      width: 36%;
    }
  }

  /*
   * A price cell off screen is not restyled, laid out or painted, and its flash does not run:
   * starting 500 animations would cost more than the rest of a tick together. Until first shown
   * it counts as one line tall, then as tall as it was ('auto'); its width is its column's.
   */
  tbody td {
    content-visibility: auto;
    contain-intrinsic-size: auto 1.5em;
  }

  thead th {
    color: var(--_muted);
    font-weight: 500;
  }

  /* ---- single ---- */

  .card {
    display: grid;
    gap: calc(var(--_space) / 2);
    justify-items: start;
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }

  .card .item {
    font-size: 1.1em;
    padding: 0;
  }

  .big {
    font-family: var(--_font-mono);
    font-size: 2.2em;
    font-weight: 600;
    padding: 0 4px;
  }
`;
