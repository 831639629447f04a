import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CLOSE_MESSAGE } from '../../shared/protocol.ts';

export interface SectionSync {
  doc: Y.Doc;
  provider: WebsocketProvider;
  synced: boolean;
  /** Whether the first sync with the server has happened; stays true through reconnects. */
  everSynced: boolean;
  /** Set when the server closed the section for good (no access, read-only write, …). */
  closedMessage: string | null;
}

/** One Y.Doc and one y-websocket provider per open section, torn down when the section closes. */
export function useSectionSync(caseId: string, sectionId: string): SectionSync | null {
  const [state, setState] = useState<SectionSync | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const base = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync/${encodeURIComponent(caseId)}`;
    const provider = new WebsocketProvider(base, sectionId, doc);
    const current: SectionSync = { doc, provider, synced: false, everSynced: false, closedMessage: null };
    setState(current);
    const onSync = (synced: boolean) => setState((s) => (s && s.provider === provider ? { ...s, synced, everSynced: s.everSynced || synced } : s));
    const onClosed = (event: { code: number }) =>
      setState((s) => (s && s.provider === provider ? { ...s, closedMessage: CLOSE_MESSAGE[event.code] ?? 'De verbinding is gesloten.' } : s));
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
    return () => {
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      provider.destroy();
      doc.destroy();
    };
  }, [caseId, sectionId]);

  return state;
}
