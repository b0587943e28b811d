import { css } from 'lit';

/** The loading placeholder's pulse, declared once for the kit (`.skeleton .bar` from the status block; `.bone` for custom shapes). */
export const skeletonStyles = css`
  :host {
    --_skeleton: color-mix(in srgb, var(--_muted) 25%, transparent);
  }
  .skeleton {
    display: grid;
    gap: var(--_space);
  }
  .skeleton .bar,
  .bone {
    block-size: 1.2em;
    border-radius: var(--_radius);
    background: var(--_skeleton);
    animation: pulse 1.2s ease-in-out infinite alternate;
  }
  .skeleton .bar:nth-child(2n + 1) {
    inline-size: 70%;
  }
  @keyframes pulse {
    from {
      opacity: 1;
    }
    to {
      opacity: 0.4;
    }
  }
`;
