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
}

export function Switch({ label, hint, checked, onChange }: SwitchProps) {
  const labelId = useId();
  const hintId = useId();
  return (
    <label className="switch-row">
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
        aria-labelledby={labelId}
        aria-describedby={hint === undefined ? undefined : hintId}
        onChange={(event) => onChange(event.target.checked)}
      />
    </label>
  );
}
