import { type FormEvent, useId, useRef, useState } from 'react';
import { ATTESTED_NOTE } from '../../../shared/blocks/attestedFields.ts';
import { BLOCK_LABEL, type BlockType, parseBlock } from '../../../shared/blocks/index.ts';
import type { Party } from '../../../shared/blocks/common.ts';
import type { Ronde } from '../../../shared/blocks/schaalvraag.ts';
import { isFamilyRole } from '../../../shared/roles.ts';
import { useCase } from '../../state/caseContext.ts';
import { SaveOrCancel } from '../../ui/SaveOrCancel.tsx';
import { NLDS } from '../../ui/theme.ts';
import { usePartyRule } from './partyRule.ts';
import { type AnyBlockData, blockFields, type FieldSpec } from '../../../shared/blocks/fields.ts';

interface Props {
  type: BlockType;
  initial: Record<string, unknown>;
  /** The section the block is in, when known: an agreement names only who may read it. */
  sectionId?: string | undefined;
  /** Fields the server attested (a besluit's "aanwezig"): shown read-only; the server refuses a change. */
  locked?: readonly string[];
  onSave(data: AnyBlockData): void;
  onCancel(): void;
}

type Errors = Record<string, string>;

/**
 * Form for one safety-plan block, drawn from its fields (shared/blocks/<type>.ts). It checks the
 * block with the same zod schema the server uses, so what the form accepts is exactly what the
 * server stores; messages are shown per field.
 */
export function BlockForm({ type, initial, sectionId, locked = [], onSave, onCancel }: Props) {
  const [data, setData] = useState<Record<string, unknown>>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const partyProblem = usePartyRule(sectionId, initial);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (key: string, value: unknown) => setData((d) => ({ ...d, [key]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = parseBlock(type, data);
    const found: Errors = {};
    if (result.success) {
      const parties = partyProblem(type, result.data);
      if (!parties) {
        onSave(result.data);
        return;
      }
      found.partijen = parties;
    } else {
      for (const issue of result.error.issues) {
        const key = issue.path.map(String).join('.') || 'id';
        found[key] ??= issue.message;
      }
    }
    setErrors(found);
    // Move focus to the first field that needs attention, so keyboard and screen-reader users land on it.
    queueMicrotask(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  return (
    <form ref={formRef} className="block-form" onSubmit={submit} noValidate aria-label={`${BLOCK_LABEL[type]} bewerken`}>
      {Object.keys(errors).length > 0 && (
        <p role="alert" className={`error ${NLDS.paragraph}`}>
          Nog niet alles is goed ingevuld. Kijk bij de velden met een melding.
        </p>
      )}
      {blockFields(type).map((field) =>
        locked.includes(field.key) ? (
          <AttestedField key={field.key} label={field.label} value={data[field.key]} />
        ) : (
          <Field key={field.key} field={field} value={data[field.key]} errors={errors} onChange={(v) => set(field.key, v)} />
        ),
      )}
      <SaveOrCancel onCancel={onCancel} />
    </form>
  );
}

function errorFor(errors: Errors, key: string): string | undefined {
  return errors[key] ?? Object.entries(errors).find(([k]) => k.startsWith(`${key}.`))?.[1];
}

function Field({ field, value, errors, onChange }: { field: FieldSpec; value: unknown; errors: Errors; onChange(v: unknown): void }) {
  const id = useId();
  // Rounds of scores show their messages beside their own fields; here only what concerns all of them.
  const error = field.kind === 'rondes' ? errors[field.key] : errorFor(errors, field.key);
  const describedBy = [field.help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy } as const;
  const label = field.optional ? `${field.label} (mag leeg)` : field.label;
  const help = field.help && (
    <span id={`${id}-help`} className={`hint ${NLDS.fieldDescription}`}>
      {field.help}
    </span>
  );
  const text = String(value ?? '');
  let control: React.ReactNode;
  switch (field.kind) {
    case 'text':
      control = <input {...common} className={NLDS.textbox} type="text" value={text} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'phone':
      control = <input {...common} className={NLDS.textbox} type="tel" autoComplete="tel" value={text} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'textarea':
      control = <textarea {...common} className={NLDS.textarea} rows={3} value={text} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'date':
      // An optional date left empty is stored as null, as the schema wants.
      control = <input {...common} className={NLDS.textbox} type="date" value={text} onChange={(e) => onChange(e.target.value || (field.optional ? null : ''))} />;
      break;
    case 'select':
      control = (
        <select {...common} className={NLDS.select} value={text} onChange={(e) => onChange(field.none !== undefined && !e.target.value ? null : e.target.value)}>
          {field.none !== undefined && <option value="">{field.none}</option>}
          {Object.entries(field.options).map(([k, optionLabel]) => (
            <option key={k} value={k}>
              {optionLabel}
            </option>
          ))}
        </select>
      );
      break;
    case 'names':
      control = (
        <textarea
          {...common}
          className={NLDS.textarea}
          rows={4}
          value={(value as string[]).join('\n')}
          onChange={(e) => onChange(e.target.value.split('\n').map((n) => n.trim()).filter((n, i, all) => n || i === all.length - 1))}
        />
      );
      break;
    case 'parties':
    case 'rondes':
      return (
        <fieldset className={`field ${NLDS.fieldset}`} aria-describedby={describedBy}>
          <legend className={NLDS.legend}>{label}</legend>
          {help}
          {field.kind === 'parties' ? <PartyPicker value={value as Party[]} onChange={onChange} /> : <RondesEditor value={value as Ronde[]} errors={errors} onChange={onChange} />}
          {error && <FieldError id={`${id}-error`} message={error} />}
        </fieldset>
      );
  }
  return (
    <div className="field">
      <label htmlFor={id} className={NLDS.label}>
        {label}
      </label>
      {help}
      {control}
      {error && <FieldError id={`${id}-error`} message={error} />}
    </div>
  );
}

/** A field the server filled: its value as text, and who fixed it. */
function AttestedField({ label, value }: { label: string; value: unknown }) {
  const id = useId();
  const text = Array.isArray(value) ? value.join(', ') : String(value ?? '');
  return (
    <fieldset className={`field field-attested ${NLDS.fieldset}`} aria-describedby={`${id}-note`}>
      <legend className={NLDS.legend}>{label}</legend>
      <output>{text}</output>
      <span id={`${id}-note`} className={`hint ${NLDS.fieldDescription}`}>
        {ATTESTED_NOTE}
      </span>
    </fieldset>
  );
}

function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <span id={id} className="field-error">
      {message}
    </span>
  );
}

/** Parties of an agreement: the family members and professionals of the case, ticked. */
function PartyPicker({ value, onChange }: { value: Party[]; onChange(v: Party[]): void }) {
  const { detail } = useCase();
  const options: Party[] = [
    ...detail.persons.map((p) => ({ naam: p.name, personId: p.id, userId: detail.participants.find((u) => u.personId === p.id)?.userId ?? null })),
    ...detail.participants.filter((u) => !isFamilyRole(u.role)).map((u) => ({ naam: u.name, personId: null, userId: u.userId })),
  ];
  const key = (p: Party) => p.personId ?? p.userId ?? p.naam;
  const chosen = new Set(value.map(key));
  return (
    <ul className="party-picker">
      {options.map((p) => (
        <li key={key(p)}>
          <label className={NLDS.checkboxLabel}>
            <input
              type="checkbox"
              className={NLDS.checkbox}
              checked={chosen.has(key(p))}
              onChange={(e) => onChange(e.target.checked ? [...value, p] : value.filter((v) => key(v) !== key(p)))}
            />{' '}
            {p.naam}
          </label>
        </li>
      ))}
    </ul>
  );
}

/** Rounds of a scaling question; a new round starts with the parties of the last one. */
function RondesEditor({ value, errors, onChange }: { value: Ronde[]; errors: Errors; onChange(v: Ronde[]): void }) {
  const update = (i: number, ronde: Ronde) => onChange(value.map((r, j) => (j === i ? ronde : r)));
  const addRound = () => {
    const last = value.at(-1);
    onChange([...value, { datum: new Date().toISOString().slice(0, 10), scores: (last?.scores ?? [{ partij: '', score: 5, reden: '' }]).map((s) => ({ ...s, reden: '' })) }]);
  };
  return (
    <div className="rondes">
      {value.map((ronde, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rounds have no id; their position is their identity
        <fieldset key={i} className={`ronde ${NLDS.fieldset}`}>
          <legend className={NLDS.legend}>Ronde {i + 1}</legend>
          <label className={NLDS.label}>
            Datum
            <input type="date" className={NLDS.textbox} value={ronde.datum} aria-invalid={errors[`rondes.${i}.datum`] ? true : undefined} onChange={(e) => update(i, { ...ronde, datum: e.target.value })} />
          </label>
          {errors[`rondes.${i}.datum`] && <FieldError id={`rondes.${i}.datum`} message={errors[`rondes.${i}.datum`]!} />}
          {ronde.scores.map((score, j) => {
            const at = `rondes.${i}.scores.${j}`;
            const setScore = (patch: Partial<typeof score>) => update(i, { ...ronde, scores: ronde.scores.map((s, k) => (k === j ? { ...s, ...patch } : s)) });
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: scores have no id; their position is their identity while editing
              <div key={j} className="score-row">
                <label className={NLDS.label}>
                  Wie
                  <input className={NLDS.textbox} value={score.partij} aria-invalid={errors[`${at}.partij`] ? true : undefined} onChange={(e) => setScore({ partij: e.target.value })} />
                </label>
                <label className={NLDS.label}>
                  Cijfer (0–10)
                  <input
                    className={NLDS.textbox}
                    type="number"
                    min={0}
                    max={10}
                    value={Number.isFinite(score.score) ? score.score : ''}
                    aria-invalid={errors[`${at}.score`] ? true : undefined}
                    onChange={(e) => setScore({ score: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
                  />
                </label>
                <label className={NLDS.label}>
                  Waarom
                  <input className={NLDS.textbox} value={score.reden} aria-invalid={errors[`${at}.reden`] ? true : undefined} onChange={(e) => setScore({ reden: e.target.value })} />
                </label>
                {[`${at}.partij`, `${at}.score`, `${at}.reden`].map((k) => errors[k] && <FieldError key={k} id={k} message={errors[k]} />)}
                <button type="button" className={NLDS.secondaryButton} onClick={() => update(i, { ...ronde, scores: ronde.scores.filter((_, k) => k !== j) })}>
                  Score verwijderen
                </button>
              </div>
            );
          })}
          {errors[`rondes.${i}.scores`] && <FieldError id={`rondes.${i}.scores`} message={errors[`rondes.${i}.scores`]!} />}
          <button type="button" className={NLDS.secondaryButton} onClick={() => update(i, { ...ronde, scores: [...ronde.scores, { partij: '', score: 5, reden: '' }] })}>
            Score toevoegen
          </button>
        </fieldset>
      ))}
      <button type="button" className={NLDS.secondaryButton} onClick={addRound}>
        Nieuwe ronde
      </button>
    </div>
  );
}
