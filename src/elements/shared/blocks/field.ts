import { html, nothing, type TemplateResult } from 'lit';

/** What a field's control must carry so the label, hint and error reach assistive technology. */
export interface FieldControl {
  id: string;
  /** The hint's and the error's ids, for `aria-describedby` (`nothing` when there are none). */
  describedBy: string | typeof nothing;
  /** For `aria-invalid`. */
  invalid: 'true' | 'false';
}

export interface FieldOptions {
  /** The control's id; the hint and error get `${id}-hint` and `${id}-error`. */
  id: string;
  label: unknown;
  /** Shown under the control, always (the rules of the field). */
  hint?: unknown;
  /** Shown when the value breaks a rule; marks the control invalid. */
  error?: string;
  /** The input or select, with the ids and aria state wired in. */
  control: (wiring: FieldControl) => TemplateResult;
  /** Extra classes on the field's box. */
  className?: string;
}

/**
 * Label, control, hint and error (`part="field"`, `label`, `hint`, `error`; the control should
 * carry `part="input"`), with `for`, `aria-describedby` and `aria-invalid` wired.
 */
export function renderField(options: FieldOptions): TemplateResult {
  const { id, hint, error } = options;
  const hasHint = hint !== undefined && hint !== nothing;
  const describedBy = [hasHint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const control = options.control({ id, describedBy: describedBy || nothing, invalid: error ? 'true' : 'false' });
  return html`<div part="field" class="field ${options.className ?? ''}">
    <label part="label" for=${id}>${options.label}</label>
    ${control}
    ${hasHint ? html`<span part="hint" class="hint" id="${id}-hint">${hint}</span>` : nothing}
    ${error ? html`<span part="error" class="field-error" id="${id}-error">${error}</span>` : nothing}
  </div>`;
}
