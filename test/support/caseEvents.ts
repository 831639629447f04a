/** Reads a case's server-sent events (or those of another stream, by `path`) as they come, until closed. */
export function listen(http: string, cookie: string, path = '/api/cases/demo/events') {
  const events: ({ at: number } & Record<string, unknown>)[] = [];
  const controller = new AbortController();
  const raw: string[] = [];
  let ended = false;
  const ready = (async () => {
    const res = await fetch(`${http}${path}`, { headers: { cookie }, signal: controller.signal });
    if (res.status !== 200 || !res.body) throw new Error(`events: ${res.status}`);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const pump = async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            ended = true;
            return;
          }
          const chunk = decoder.decode(value, { stream: true });
          raw.push(chunk);
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end !== -1) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            for (const line of frame.split('\n')) if (line.startsWith('data: ')) events.push({ ...JSON.parse(line.slice(6)), at: Date.now() });
            end = buffer.indexOf('\n\n');
          }
        }
      } catch {
        // aborted
      }
    };
    void pump();
  })();
  return { events, raw, ready, ended: () => ended, close: () => controller.abort() };
}
