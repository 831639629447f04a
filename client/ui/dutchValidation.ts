/**
 * The browser checks a form's fields itself (`required`, `type="email"`, `minLength`, `min`, …)
 * and says what is wrong in the browser's own language, which is English on many devices ("Please
 * fill out this field."). This puts a Dutch message in its place, for every form of the app at
 * once: when a field is found invalid, its message becomes ours (`setCustomValidity`), and as soon
 * as the person changes the field the browser checks it afresh.
 */

type FormField = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const isField = (el: EventTarget | null): el is FormField => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;

/** What is wrong with the field, in plain Dutch; empty when the browser finds nothing wrong. */
export function dutchMessage(el: FormField): string {
  const v = el.validity;
  const type = el instanceof HTMLInputElement ? el.type : el instanceof HTMLSelectElement ? 'select' : 'textarea';
  if (v.valueMissing) {
    if (type === 'checkbox') return 'Vink dit aan om verder te gaan.';
    if (type === 'radio' || type === 'select') return 'Kies een van de mogelijkheden.';
    if (type === 'date') return 'Vul een datum in.';
    if (type === 'time') return 'Vul een tijd in.';
    return 'Vul dit veld in.';
  }
  if (v.badInput) {
    if (type === 'number') return 'Vul een getal in.';
    if (type === 'date') return 'Vul een bestaande datum in.';
    return 'Dit kan niet kloppen. Kijk het nog eens na.';
  }
  if (v.typeMismatch) {
    if (type === 'email') return 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.';
    if (type === 'url') return 'Vul een geldig webadres in, bijvoorbeeld https://www.voorbeeld.nl.';
    return 'Dit kan niet kloppen. Kijk het nog eens na.';
  }
  if (el instanceof HTMLSelectElement) return v.valid ? '' : 'Kies een van de mogelijkheden.';
  if (v.tooShort) return `Gebruik minstens ${el.minLength} tekens (nu ${el.value.length}).`;
  if (v.tooLong) return `Gebruik hoogstens ${el.maxLength} tekens (nu ${el.value.length}).`;
  const { min, max } = el instanceof HTMLInputElement ? el : { min: '', max: '' };
  if (v.rangeUnderflow) return type === 'date' ? `Kies ${min} of later.` : `Vul ${min} of meer in.`;
  if (v.rangeOverflow) return type === 'date' ? `Kies ${max} of eerder.` : `Vul ${max} of minder in.`;
  if (v.stepMismatch) return type === 'number' ? 'Vul een heel getal in.' : 'Kies een waarde uit de lijst.';
  if (v.patternMismatch) return el.title || 'Vul dit in zoals gevraagd.';
  return '';
}

/** Clears the message of a field and, for a radio button, of its group: choosing one answers for all. */
function clear(el: FormField): void {
  el.setCustomValidity('');
  if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
    const group = (el.form ?? document).querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(el.name)}"]`);
    for (const radio of group) radio.setCustomValidity('');
  }
}

/** Installs the Dutch messages on the whole document; once, at start. Returns how to take them off. */
export function installDutchValidation(doc: Document = document): () => void {
  const onInvalid = (e: Event) => {
    if (!isField(e.target)) return;
    // What the browser found, without a message of ours from an earlier try.
    e.target.setCustomValidity('');
    e.target.setCustomValidity(dutchMessage(e.target));
  };
  const onChange = (e: Event) => {
    if (isField(e.target)) clear(e.target);
  };
  doc.addEventListener('invalid', onInvalid, true);
  doc.addEventListener('input', onChange, true);
  doc.addEventListener('change', onChange, true);
  return () => {
    doc.removeEventListener('invalid', onInvalid, true);
    doc.removeEventListener('input', onChange, true);
    doc.removeEventListener('change', onChange, true);
  };
}
