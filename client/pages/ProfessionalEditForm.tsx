import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { z } from 'zod';
import { type DirectoryEntry, ProfessionalChange } from '../../shared/directoryApi.ts';
import { Werkdag } from '../../shared/familyHome.ts';
import { api } from '../api/http.ts';
import { Field } from '../ui/Field.tsx';
import { SaveOrCancel } from '../ui/SaveOrCancel.tsx';
import { NLDS } from '../ui/theme.ts';

/**
 * Corrects one professional's name, e-mail address and how the family reaches them (phone and
 * working days, shown under "wie helpt ons"). Only what changed is sent; the server checks all
 * of it again, and a new address signs the professional out everywhere.
 */
export function ProfessionalEditForm({ professional: p, url, onDone, onCancel }: { professional: DirectoryEntry; url: string; onDone(message: string): void; onCancel(): void }) {
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  // Opened from the table's button: the keyboard goes on in the form.
  useEffect(() => form.current?.querySelector('input')?.focus(), []);

  const save = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const text = (key: string) => String(data.get(key) ?? '').trim();
    const phone = text('phone');
    const workingDays = Werkdag.options.filter((d) => data.get(`day-${d}`) === 'on');
    const contact = phone === '' && workingDays.length === 0 ? null : { phone, workingDays };
    const change = {
      ...(text('name') !== p.name ? { name: text('name') } : {}),
      ...(text('email').toLowerCase() !== p.email ? { email: text('email') } : {}),
      ...(JSON.stringify(contact) !== JSON.stringify(p.contact) ? { contact } : {}),
    };
    if (Object.keys(change).length === 0) return onCancel();
    if (contact && phone === '') return setError('Vul ook een telefoonnummer in, of vink de werkdagen uit.');
    const parsed = ProfessionalChange.safeParse(change);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Controleer wat je invulde.');
    api('PATCH', url, z.unknown(), parsed.data).then(
      () => onDone(parsed.data.email ? `${text('name')} is bijgewerkt en logt voortaan in met ${parsed.data.email}.` : `${text('name')} is bijgewerkt.`),
      (err: Error) => setError(err.message),
    );
  };

  return (
    <form ref={form} className="invite-form" onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={NLDS.heading3}>
        {p.name} wijzigen
      </h3>
      <Field label="Naam" name="name" defaultValue={p.name} autoComplete="off" />
      <Field label="E-mailadres" name="email" type="email" defaultValue={p.email} autoComplete="off" />
      <Field label="Telefoonnummer voor het gezin" name="phone" type="tel" defaultValue={p.contact?.phone ?? ''} autoComplete="off" />
      <fieldset className={NLDS.fieldset}>
        <legend className={NLDS.legend}>Werkdagen</legend>
        {Werkdag.options.map((d) => (
          <label key={d} className={`inline ${NLDS.checkboxLabel}`}>
            <input type="checkbox" className={NLDS.checkbox} name={`day-${d}`} defaultChecked={p.contact?.workingDays.includes(d) ?? false} /> {d}
          </label>
        ))}
      </fieldset>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <SaveOrCancel onCancel={onCancel} />
    </form>
  );
}
