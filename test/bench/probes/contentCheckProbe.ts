/**
 * Scenario 6, in its own process: what the server's content check costs per change in a long
 * section. Every change a writer sends is checked before it is stored (ContentGuard); typed
 * characters are told apart from the update alone, a new paragraph is tried on the guard's copy.
 */
import * as Y from 'yjs';
import { ContentGuard } from '../../../server/documents/contentGuard.ts';
import { DOC_FIELD } from '../../../shared/protocol.ts';
import { monoNow } from '../clock.ts';
import { probeInput } from './runProbe.ts';

export interface ContentCheckInput {
  paragraphs: number;
  /** Rounds of ten typed characters followed by a new paragraph. */
  rounds: number;
}

export interface ContentCheckOutput {
  paragraphs: number;
  typedMs: number[];
  newParagraphMs: number[];
}

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

const { paragraphs, rounds } = probeInput<ContentCheckInput>();
const server = new Y.Doc();
server.getXmlFragment(DOC_FIELD).insert(
  0,
  Array.from({ length: paragraphs }, (_, i) => paragraph(`Alinea ${i + 1}: moeder vertelt over de schulden, de afspraken met school en wie de kinderen ophaalt.`)),
);
const guard = new ContentGuard(server);
const writer = new Y.Doc();
Y.applyUpdate(writer, Y.encodeStateAsUpdate(server));
let sent: Uint8Array | null = null;
writer.on('update', (u: Uint8Array) => {
  sent = u;
});
const fragment = writer.getXmlFragment(DOC_FIELD);

/** Sends one change the way the sync server takes it: check, then apply. Returns the check's time. */
function offer(edit: () => void): number {
  edit();
  const update = sent!;
  const started = monoNow();
  const reason = guard.rejectReason(update);
  const took = monoNow() - started;
  if (reason !== null) throw new Error(`a valid change was refused: ${reason}`);
  Y.applyUpdate(server, update);
  return took;
}

const typedMs: number[] = [];
const newParagraphMs: number[] = [];
// The first rounds warm the JIT and make the guard's copy; they are not recorded.
const warmup = Math.min(20, Math.floor(rounds / 4));
for (let r = 0; r < rounds + warmup; r++) {
  const at = (r * 7) % paragraphs;
  const text = (fragment.get(at) as Y.XmlElement).get(0) as Y.XmlText;
  for (let k = 0; k < 10; k++) {
    const took = offer(() => text.insert(text.length, 'x'));
    if (r >= warmup) typedMs.push(took);
  }
  const took = offer(() => fragment.insert(at + 1, [paragraph('Nieuwe alinea')]));
  if (r >= warmup) newParagraphMs.push(took);
}
console.log(JSON.stringify({ paragraphs, typedMs, newParagraphMs } satisfies ContentCheckOutput));
