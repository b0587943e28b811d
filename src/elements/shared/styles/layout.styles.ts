import { css } from 'lit';

/**
 * An element's outer box (`class="box"` on its `base` part) and the header row in it. The host is
 * an inline-size container: an element's layout follows the box the page gives it (`@container`),
 * never the viewport, and its content never widens it. Boxes in it may shrink below their
 * content (a grid or flex item's automatic minimum would let a wide table push the box past the
 * host); what cannot shrink scrolls in its own box (tables) or wraps.
 */
export const layoutStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    max-inline-size: 100%;
  }
  :where(.box, .box *, section, form, fieldset, header, details, [role='tabpanel']) {
    min-inline-size: 0;
  }
  /*
   * Values and sentences take their direction from their own words: an amount with its currency,
   * or English words, in a right-to-left page read in order (not "USDT 200" or "5% · safe").
   */
  :where(dd, p, .hint, .field-error, [part~='mark-price']) {
    unicode-bidi: plaintext;
  }
  .box {
    box-sizing: border-box;
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .box > header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space);
  }
`;
