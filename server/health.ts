import type { Dialect } from './store/dialect.ts';
import type { Services } from './services.ts';

/** What a monitor learns of one process: storage and fan-out state, open documents and sockets. */
export interface Health {
  status: 'up' | 'degraded' | 'down';
  storage: { kind: Dialect; status: 'ok' | 'down' };
  fanout: ReturnType<Services['fanout']['status']>;
  openDocuments: number;
  openSockets: number;
}

/** The state of this process: down without storage, degraded without fan-out to the other processes. */
export async function healthOf(s: Pick<Services, 'sql' | 'fanout' | 'documents' | 'sync'>): Promise<Health> {
  let storage: Health['storage']['status'] = 'ok';
  try {
    await s.sql.ping();
  } catch {
    storage = 'down';
  }
  const fanout = s.fanout.status();
  const status = storage === 'ok' ? (fanout === 'down' ? 'degraded' : 'up') : 'down';
  return { status, storage: { kind: s.sql.dialect, status: storage }, fanout, openDocuments: s.documents.size, openSockets: s.sync.openConnections };
}
