/**
 * Hocuspocus as the bench runs it: `@hocuspocus/server` with its SQLite extension at the default
 * debounce (an edit is stored 2 s after the last one, at the latest 10 s after the first), no
 * authentication, in a process of its own. HOCUSPOCUS_DB is the database file; start it again on
 * the same file and it serves what it had stored. Prints `hocuspocus listening on <port>`.
 */
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const database = process.env.HOCUSPOCUS_DB;
if (!database) throw new Error('HOCUSPOCUS_DB is not set');
const server = new Server({ address: '127.0.0.1', port: Number(process.env.PORT ?? 0), quiet: true, extensions: [new SQLite({ database })] });
await server.listen();
console.log(`hocuspocus listening on ${server.address.port}`);
// On SIGTERM the server stores every open document and exits by itself (stopOnSignals).
