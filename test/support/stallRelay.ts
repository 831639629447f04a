import net from 'node:net';

/**
 * A TCP relay that can go silent, as a train's connection does in a tunnel: nothing is closed and
 * the browser is not told it is offline; bytes just stop arriving. When it resumes, the
 * connections from before are dropped (as a mobile network's NAT forgets them) and new ones work.
 */
export interface StallRelay {
  port: number;
  http: string;
  stall(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function startStallRelay(targetPort: number): Promise<StallRelay> {
  let stalled = false;
  const pairs = new Set<[net.Socket, net.Socket]>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (d) => stalled || upstream.write(d));
    upstream.on('data', (d) => stalled || client.write(d));
    for (const s of pair) {
      s.on('close', end);
      s.on('error', end);
    }
  });
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
  return {
    port,
    http: `http://127.0.0.1:${port}`,
    stall() {
      stalled = true;
    },
    resume() {
      stalled = false;
      for (const [a, b] of [...pairs]) {
        a.destroy();
        b.destroy();
      }
    },
    async close() {
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
