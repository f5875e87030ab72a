/**
 * A labelled text field with an optional hint and error, wired for assistive technology.
 */
import { useId, type ComponentProps } from 'react';

interface FieldProps extends Omit<ComponentProps<'input'>, 'id' | 'aria-invalid' | 'aria-describedby'> {
  label: string;
  hint?: string | undefined;
  error?: string | null | undefined;
}

export function Field({ label, hint, error, className, ...input }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  // The error replaces the hint while there is one.
  const shownHint = error ? undefined : hint;
  const describedBy = error ? errorId : shownHint === undefined ? undefined : hintId;
  return (
    <div className={className === undefined ? 'field' : `field ${className}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      {shownHint === undefined ? null : (
        <p id={hintId} className="field-hint">
          {shownHint}
        </p>
      )}
    </div>
  );
}
