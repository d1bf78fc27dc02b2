/**
 * An input that shows a value until the user types, as Excel's Name Box and formula bar do: Enter
 * hands the typed text to `onCommit`, Escape or leaving the box drops it.
 */
import { useState, type InputHTMLAttributes } from 'react';

export interface DraftInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onKeyDown' | 'onBlur'> {
  value: string;
  onCommit(text: string): void;
}

export function DraftInput({ value, onCommit, ...rest }: DraftInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      {...rest}
      value={draft ?? value}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => setDraft(null)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          setDraft(null);
          e.currentTarget.blur();
        } else if (e.key === 'Enter' && draft !== null) {
          setDraft(null);
          e.currentTarget.blur();
          onCommit(draft);
        }
      }}
    />
  );
}
