/**
 * The end of a dialog form: the failure main answered with (if any), and the footer with a secondary action and
 * the submit button, disabled while the command is under way.
 */
export function FormFailure({ failure }: { failure: string | null }) {
  if (failure === null) return null;
  return (
    <p className="form-error" role="alert">
      {failure}
    </p>
  );
}

interface FormFooterProps {
  secondaryLabel: string;
  onSecondary: () => void;
  submitLabel: string;
  pending: boolean;
}

export function FormFooter({ secondaryLabel, onSecondary, submitLabel, pending }: FormFooterProps) {
  return (
    <footer className="dialog-footer">
      <button type="button" className="button" onClick={onSecondary}>
        {secondaryLabel}
      </button>
      <button type="submit" className="button button-primary" disabled={pending}>
        {submitLabel}
      </button>
    </footer>
  );
}
