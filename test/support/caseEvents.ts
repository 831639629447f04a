/** Reads a case's server-sent events as they come, until closed. */
export function listen(http: string, cookie: string) {
  const events: { what: string; at: number }[] = [];
  const controller = new AbortController();
  const raw: string[] = [];
  const ready = (async () => {
    const res = await fetch(`${http}/api/cases/demo/events`, { headers: { cookie }, signal: controller.signal });
    if (res.status !== 200 || !res.body) throw new Error(`events: ${res.status}`);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const pump = async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
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
  return { events, raw, ready, close: () => controller.abort() };
}
