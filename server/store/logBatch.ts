import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export interface LogRow {
  room: string;
  data: Uint8Array;
  userId: string;
  at: number;
}

/**
 * A batch of log rows as one byte array, so handing it to the writer thread is one copy of bytes
 * instead of a structured clone of many small objects.
 */
export function encodeLogBatch(rows: readonly LogRow[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, rows.length);
  for (const r of rows) {
    encoding.writeVarString(encoder, r.room);
    encoding.writeVarString(encoder, r.userId);
    encoding.writeFloat64(encoder, r.at);
    encoding.writeVarUint8Array(encoder, r.data);
  }
  return encoding.toUint8Array(encoder);
}

export function decodeLogBatch(bytes: Uint8Array): LogRow[] {
  const decoder = decoding.createDecoder(bytes);
  const count = decoding.readVarUint(decoder);
  const rows: LogRow[] = [];
  for (let i = 0; i < count; i++) {
    const room = decoding.readVarString(decoder);
    const userId = decoding.readVarString(decoder);
    const at = decoding.readFloat64(decoder);
    rows.push({ room, userId, at, data: decoding.readVarUint8Array(decoder) });
  }
  return rows;
}
