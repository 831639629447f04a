/**
 * A mail's text as Tafel writes every mail to a person: "Beste <name>," above the lines,
 * "Groet, Tafel" below, an empty line between the parts.
 */
export function letter(name: string, lines: readonly string[]): string {
  return [`Beste ${name},`, '', ...lines, '', 'Groet,', 'Tafel'].join('\n');
}
