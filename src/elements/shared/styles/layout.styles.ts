import { css } from 'lit';

/** An element's outer box (`class="box"` on its `base` part) and the header row in it. */
export const layoutStyles = css`
  :host {
    display: block;
  }
  .box {
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
