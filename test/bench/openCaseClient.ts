import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { cookieSocket } from '../support/syncClient.ts';
import { monoNow } from './clock.ts';
import type { OpenCaseRequest } from './workerProtocol.ts';

export interface OpenedCase {
  /** From the sign-in request to every section synced. */
  totalMs: number;
  /** Sign-in plus reading the case (Tafel only; 0 for the reference). */
  signInMs: number;
  sections: string[];
}

/**
 * What a headless client does to open a case: sign in, read the case, open a provider per
 * section and wait until every one has synced. For the reference there is nothing to sign in to.
 */
export async function openCase(req: OpenCaseRequest): Promise<OpenedCase> {
  const started = monoNow();
  let cookie: string | null = null;
  let sections: string[];
  let serverUrl: string;
  if (req.kind === 'tafel') {
    const res = await fetch(`${req.http}/api/session`, {
      method: 'POST',
      // A browser on the page sends its Origin; the server refuses a sign-in without one.
      headers: { 'content-type': 'application/json', origin: new URL(req.http).origin },
      body: JSON.stringify({ email: req.email, password: req.password }),
    });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const detail = await fetch(`${req.http}/api/cases/${req.caseId}`, { headers: { cookie } });
    const body = (await detail.json()) as { sections: { id: string }[] };
    sections = body.sections.slice(0, req.sections).map((s) => s.id);
    serverUrl = `${req.ws}/sync/${req.caseId}`;
  } else {
    sections = req.rooms;
    serverUrl = req.ws;
  }
  const signInMs = monoNow() - started;
  const Socket = (cookie ? cookieSocket(cookie) : WebSocket) as unknown as typeof globalThis.WebSocket;
  const opened = sections.map((room) => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(serverUrl, room, doc, { disableBc: true, WebSocketPolyfill: Socket });
    const synced = new Promise<void>((resolve, reject) => {
      provider.on('sync', (s) => s && resolve());
      provider.on('closed', (e) => reject(new Error(`${room} closed: ${e.code}`)));
    });
    return { doc, provider, synced };
  });
  try {
    await Promise.all(opened.map((o) => o.synced));
    return { totalMs: monoNow() - started, signInMs, sections };
  } finally {
    for (const o of opened) {
      o.provider.destroy();
      o.doc.destroy();
    }
  }
}
