/**
 * Scenario 5, in its own process started with --expose-gc: RSS growth per open section document
 * with demo-sized content, for Tafel (its SectionDocuments, loading from storage) or the reference
 * server (its in-memory WSSharedDoc map).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { createTafel } from '../../../server/app.ts';
import { loadConfig } from '../../../server/config.ts';
import { sleep } from '../clock.ts';
import { DEMO_CONTENT_IDS, demoUpdate } from '../demoUpdates.ts';
import { probeInput } from './runProbe.ts';

export interface MemoryInput {
  server: 'tafel' | 'reference';
  docs: number;
}

export interface MemoryOutput {
  docs: number;
  rssPerDocBytes: number;
  heapPerDocBytes: number;
  rssBefore: number;
  rssAfter: number;
  docBytes: number;
}

/** What a process holds, after collecting everything collectable. */
async function settledMemory(): Promise<NodeJS.MemoryUsage> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  for (let i = 0; i < 3; i++) {
    gc();
    await sleep(50);
  }
  return process.memoryUsage();
}

/** The shape of `@y/websocket-server/utils` this probe uses (the package ships no types for ESM). */
interface ReferenceUtils {
  getYDoc(name: string): Y.Doc;
}

async function openTafelDocs(names: string[], contents: Uint8Array[]): Promise<() => Promise<{ before: NodeJS.MemoryUsage; after: NodeJS.MemoryUsage }>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-mem-'));
  const tafel = await createTafel(loadConfig({ PORT: '0', HOST: '127.0.0.1', TAFEL_DATA_DIR: dataDir, TAFEL_NO_DEMO: 'true', TAFEL_LOG_LEVEL: 'silent' }));
  const { updateLog: documents, documents: registry } = tafel.services;
  for (let i = 0; i < names.length; i += 100) {
    await documents.append(names.slice(i, i + 100).map((room, j) => ({ room, data: contents[i + j]!, userId: 'regisseur' })));
  }
  return async () => {
    const before = await settledMemory();
    for (let i = 0; i < names.length; i += 50) await Promise.all(names.slice(i, i + 50).map((n) => registry.open(n)));
    const after = await settledMemory();
    if (registry.size !== names.length) throw new Error(`expected ${names.length} open docs, registry has ${registry.size}`);
    return { before, after };
  };
}

async function openReferenceDocs(names: string[], contents: Uint8Array[]): Promise<() => Promise<{ before: NodeJS.MemoryUsage; after: NodeJS.MemoryUsage }>> {
  // A variable specifier: the package's ESM entry has no type declarations, we type it ourselves.
  const specifier = '@y/websocket-server/utils';
  const utils = (await import(specifier)) as ReferenceUtils;
  return async () => {
    const before = await settledMemory();
    names.forEach((n, i) => Y.applyUpdate(utils.getYDoc(n), contents[i]!));
    const after = await settledMemory();
    return { before, after };
  };
}

async function main(): Promise<void> {
  const input = probeInput<MemoryInput>();
  const names = Array.from({ length: input.docs }, (_, i) => `demo/bench-${i}`);
  const byId = new Map(DEMO_CONTENT_IDS.map((id) => [id, demoUpdate(id)]));
  const contents = names.map((_, i) => byId.get(DEMO_CONTENT_IDS[i % DEMO_CONTENT_IDS.length]!)!);
  const measure = input.server === 'tafel' ? await openTafelDocs(names, contents) : await openReferenceDocs(names, contents);
  const { before, after } = await measure();
  const out: MemoryOutput = {
    docs: input.docs,
    rssPerDocBytes: Math.round((after.rss - before.rss) / input.docs),
    heapPerDocBytes: Math.round((after.heapUsed - before.heapUsed) / input.docs),
    rssBefore: before.rss,
    rssAfter: after.rss,
    docBytes: Math.round(contents.reduce((a, c) => a + c.length, 0) / input.docs),
  };
  console.log(JSON.stringify(out));
  // The registry holds the docs; exiting is the quickest way to let go of everything.
  process.exit(0);
}

await main();
