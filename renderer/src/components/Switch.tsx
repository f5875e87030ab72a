/**
 * An on/off switch with its label (and an optional hint) beside it: a checkbox with the switch role, so it is
 * read as "on"/"off" and toggled with Space. Styled by `.switch-row` and `.switch` (styles/tray.css).
 */
import { useId } from 'react';

interface SwitchProps {
  label: string;
  hint?: string | undefined;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Shown but not available (the hint should say why). */
  disabled?: boolean;
}

export function Switch({ label, hint, checked, onChange, disabled = false }: SwitchProps) {
  const labelId = useId();
  const hintId = useId();
  return (
    <label className={disabled ? 'switch-row is-disabled' : 'switch-row'}>
      <span className="switch-text">
        <span id={labelId} className="switch-label">
          {label}
        </span>
        {hint === undefined ? null : (
          <span id={hintId} className="switch-hint">
            {hint}
          </span>
        )}
      </span>
      <input
        type="checkbox"
        role="switch"
        className="switch"
        checked={checked}
        disabled={disabled}
        aria-labelledby={labelId}
        aria-describedby={hint === undefined ? undefined : hintId}
        onChange={(event) => onChange(event.target.checked)}
      />
    </label>
  );
}
