import type { InputHTMLAttributes, ReactNode } from 'react';
import { NLDS } from './theme.ts';

/** One labelled input: the label wraps the input, so clicking the words focuses it and a screen reader reads them. */
export function Field({ label, ...input }: { label: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className={NLDS.label}>
      {label}
      <input className={NLDS.textbox} {...input} />
    </label>
  );
}
