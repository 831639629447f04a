import { z } from 'zod';
import { formatDate } from '../format.ts';
import { BlockId, type Party } from './common.ts';

/**
 * What a block type is, in one object per file (`shared/blocks/<type>.ts`): its name, what it
 * means, its fields (each with its question, its form control and its zod rule, written once) and
 * how it reads. The form, the editor view, the HTML and PDF copies, search and the overview are
 * renderers of this, so they all show the same words.
 */
export interface BlockDefinition<T extends string = string, S extends z.ZodObject = z.ZodObject> {
  /** The Tiptap node name and the `BlockType`. */
  type: T;
  /** What the block is called everywhere ("Veiligheidsvoorwaarde"). */
  label: string;
  /** The block in plain Dutch (B1) for the family; the glossary and the "/" menu show it. */
  explanation: string;
  /** Words before the attested author: "Gesteld door" for a condition, "Ingevoegd door" for most. */
  attestedAs: string;
  /** The block's `data` attribute: `id` and the fields' rules; validated in the form, the content guard and every reader. */
  schema: S;
  /** The questions the form asks, in order; the default reading follows them too. */
  fields: readonly FieldSpec[];
  /** How valid data reads: labelled lines of plain text, with hints a rich renderer may use. */
  reads(data: z.output<S>): BlockLine[];
}

interface FieldBase {
  key: string;
  /** The question, the same in the form and wherever the block is read. */
  label: string;
  /** A line of help under the label in the form. */
  help?: string;
  /** May stay empty (its rule accepts an empty value): the form says so; set by `defineBlock`. */
  optional?: boolean;
  /** What readers see for an empty value; without it an empty field is left out. */
  ifEmpty?: string;
  /** The thing itself (the condition, the agreement), read with weight. */
  strong?: boolean;
}

/** One field of a block's form; `kind` is the control and how the value reads. */
export type FieldSpec =
  | (FieldBase & { kind: 'text' | 'textarea' | 'date' | 'phone' | 'names' | 'parties' | 'rondes' })
  | (FieldBase & {
      kind: 'select';
      options: Readonly<Record<string, string>>;
      /** The label of the empty choice, stored as `null` (only for an optional choice). */
      none?: string;
      /** Values that need attention when read (a high severity). */
      warn?: readonly string[];
      /** Values that are glossary words, by value (`drang` → the term `drang`). */
      terms?: Readonly<Record<string, string>>;
      /** The values are section ids; a reader who may read that section gets a way there. */
      opens?: string;
      /**
       * The family's words for values whose word is the professionals' ("Nagekomen" → "Gelukt");
       * `optionLabelFor` picks them. A value not named here reads the same for everyone.
       */
      family?: Readonly<Record<string, string>>;
    });

/** One labelled line of a block as it reads. `text` is plain (a list: one entry per line). */
export interface BlockLine {
  key: string;
  label: string;
  text: string;
  strong?: boolean;
  warn?: boolean;
  /** A glossary word the text stands for. */
  term?: string;
  /** Where the text leads (a `tel:` link). */
  href?: string;
  /** A section the line points to, with the words of the way there. */
  section?: { id: string; open: string };
  /** The parties, who confirm the block themselves. */
  parties?: readonly Party[];
  /** Score rounds side by side: one column per round, one row per party. */
  scores?: ScoreTable;
}

export interface ScoreTable {
  /** Round dates, oldest first as written. */
  rounds: string[];
  rows: { party: string; cells: ({ score: number; reden: string } | null)[] }[];
}

type Round = { datum: string; scores: { partij: string; score: number; reden: string }[] };

type FieldKind = FieldSpec['kind'];
type Presentation = Pick<FieldBase, 'help' | 'ifEmpty' | 'strong'>;
type Choices = Pick<Extract<FieldSpec, { kind: 'select' }>, 'none' | 'warn' | 'terms' | 'opens' | 'family'>;
/** A field as a block declares it: the spec without its key (the name it is declared under) and its rule. */
export type Field<S extends z.ZodType = z.ZodType> = DistributiveOmit<FieldSpec, 'key'> & { schema: S };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A field with a control of its own: `field('textarea', 'Wat gaat er al goed?', requiredText(…))`. */
export function field<S extends z.ZodType>(kind: Exclude<FieldKind, 'select'>, label: string, schema: S, presentation: Presentation = {}): Field<S> {
  return { kind, label, schema, ...presentation };
}

/** A choice from `options` (value → words) checked by `schema` (the catalogue, a section id). */
export function select<S extends z.ZodType>(label: string, schema: S, options: Record<string, string>, presentation: Presentation & Choices = {}): Field<S> {
  return { kind: 'select', label, schema, options, ...presentation };
}

/** A choice whose values are exactly the keys of `options`; `message` is said for any other value. */
export function choice<const O extends Record<string, string>>(
  label: string,
  options: O,
  { message, ...presentation }: Presentation & Choices & { message?: string } = {},
): Field<z.ZodEnum<{ [K in Extract<keyof O, string>]: K }>> {
  const values = Object.keys(options) as [Extract<keyof O, string>, ...Extract<keyof O, string>[]];
  return select(label, z.enum(values, message ? { message } : undefined), options, presentation);
}

type Shape<F extends Record<string, Field>, L extends z.ZodRawShape> = { id: typeof BlockId } & { [K in keyof F]: F[K]['schema'] } & L;

/**
 * Declares a block type. Its schema is `id` plus each field's rule, plus `legacy` rules (kept so
 * older content loads, never asked or shown) and one `check` across fields. Without its own
 * `reads`, the block reads as one line per field.
 */
export function defineBlock<T extends string, F extends Record<string, Field>, L extends z.ZodRawShape = Record<never, never>>(definition: {
  type: T;
  label: string;
  explanation: string;
  attestedAs?: string;
  fields: F;
  legacy?: L;
  check?: { test(data: z.output<z.ZodObject<Shape<F, L>>>): boolean; message: string; path: string };
  reads?(data: z.output<z.ZodObject<Shape<F, L>>>): BlockLine[];
}): BlockDefinition<T, z.ZodObject<Shape<F, L>>> {
  const { fields, legacy, check } = definition;
  const shape = { id: BlockId, ...Object.fromEntries(Object.entries(fields).map(([key, f]) => [key, f.schema])), ...legacy };
  const object = z.object(shape) as unknown as z.ZodObject<Shape<F, L>>;
  const schema = check ? object.refine((data) => check.test(data), { message: check.message, path: [check.path] }) : object;
  const specs = Object.entries(fields).map(([key, { schema: rule, ...spec }]): FieldSpec => ({ ...spec, key, optional: acceptsEmpty(spec.kind, rule) }));
  return {
    type: definition.type,
    label: definition.label,
    explanation: definition.explanation,
    attestedAs: definition.attestedAs ?? 'Ingevoegd door',
    schema,
    fields: specs,
    reads: definition.reads ?? ((data) => fieldLines(specs, data)),
  };
}

/** Whether a field may stay empty: its rule takes what the form keeps for "nothing". */
function acceptsEmpty(kind: FieldKind, rule: z.ZodType): boolean {
  const empty = kind === 'date' || kind === 'select' ? null : kind === 'names' || kind === 'parties' || kind === 'rondes' ? [] : '';
  return rule.safeParse(empty).success;
}

/** The lines of `data` field by field, in the order of the form. */
export function fieldLines(fields: readonly FieldSpec[], data: unknown): BlockLine[] {
  const values = data as Record<string, unknown>;
  return fields.flatMap((field) => {
    const line = fieldLine(field, values[field.key]);
    return line ? [line] : [];
  });
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

function fieldLine(field: FieldSpec, value: unknown): BlockLine | null {
  const line = { key: field.key, label: field.label, ...(field.strong ? { strong: true } : {}) };
  if (isEmpty(value)) {
    const empty = field.ifEmpty ?? (field.kind === 'select' ? field.none : undefined);
    return empty === undefined ? null : { ...line, text: empty };
  }
  switch (field.kind) {
    case 'select': {
      const v = String(value);
      const term = field.terms?.[v];
      return {
        ...line,
        text: field.options[v] ?? v,
        ...(field.warn?.includes(v) ? { warn: true } : {}),
        ...(term ? { term } : {}),
        ...(field.opens ? { section: { id: v, open: field.opens } } : {}),
      };
    }
    case 'date':
      return { ...line, text: formatDate(String(value)) };
    case 'phone':
      return { ...line, text: String(value), href: `tel:${String(value).replace(/[^0-9+]/g, '')}` };
    case 'names':
      return { ...line, text: (value as string[]).join('\n') };
    case 'parties': {
      const parties = value as Party[];
      return { ...line, text: parties.map((p) => p.naam).join('\n'), parties };
    }
    case 'rondes':
      return { ...line, ...scoreLines(value as Round[]) };
    default:
      return { ...line, text: String(value) };
  }
}

/** A round reads "datum: partij score — reden", one line per score; the table keeps the trend in view. */
function scoreLines(rounds: readonly Round[]): { text: string; scores: ScoreTable } {
  const parties = [...new Set(rounds.flatMap((r) => r.scores.map((s) => s.partij)))];
  return {
    text: rounds.flatMap((r) => r.scores.map((s) => `${formatDate(r.datum)}: ${s.partij} ${s.score} — ${s.reden}`)).join('\n'),
    scores: {
      rounds: rounds.map((r) => r.datum),
      rows: parties.map((party) => ({
        party,
        cells: rounds.map((r) => {
          const s = r.scores.find((x) => x.partij === party);
          return s ? { score: s.score, reden: s.reden } : null;
        }),
      })),
    },
  };
}

/** The values a new block starts with: empty where the author must write, sensible elsewhere. */
export function emptyValues(fields: readonly FieldSpec[], today: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.kind === 'select') values[f.key] = f.none !== undefined ? null : Object.keys(f.options)[0];
    else if (f.kind === 'date') values[f.key] = f.optional ? null : today;
    else if (f.kind === 'names' || f.kind === 'parties') values[f.key] = [];
    else if (f.kind === 'rondes') values[f.key] = [{ datum: today, scores: [{ partij: '', score: 5, reden: '' }] }];
    else values[f.key] = '';
  }
  return values;
}
