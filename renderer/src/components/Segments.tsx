/**
 * A segmented control: a few mutually exclusive choices side by side, as a radio group (arrow keys move between
 * them, the group is one Tab stop). Styled by `.segmented` and `.segment`.
 */
import { useId, type ReactNode } from 'react';

interface SegmentsProps<T extends string | number> {
  label: string;
  value: T;
  choices: readonly { value: T; label: ReactNode }[];
  onChange: (value: T) => void;
}

export function Segments<T extends string | number>({ label, value, choices, onChange }: SegmentsProps<T>) {
  const name = useId();
  return (
    <div className="segmented" role="radiogroup" aria-label={label}>
      {choices.map((choice) => (
        <label key={choice.value} className="segment">
          <input type="radio" name={name} value={choice.value} checked={choice.value === value} onChange={() => onChange(choice.value)} />
          <span>{choice.label}</span>
        </label>
      ))}
    </div>
  );
}
