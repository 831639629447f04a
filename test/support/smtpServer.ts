import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  port: number;
  url: string;
  /** Every mail the server took, parsed, in the order it took them. */
  received: ParsedMail[];
  /** While true, every mail is refused with a temporary error (451), as a server that is down for mail. */
  refusing: boolean;
  /** Milliseconds the server waits before it takes a mail (a slow server: a batch takes a while). */
  delayMs: number;
  /** Mails whose data has started to arrive (taken or not yet). */
  started: number;
  /**
   * Called when a mail is taken (in `received`), before the sender hears so: a test that kills
   * the sender here has a mail the server accepted and the sender never recorded as sent.
   */
  onTaken: ((mail: ParsedMail) => Promise<void> | void) | null;
  close(): Promise<void>;
}

export interface SmtpOptions {
  /** The port to listen on (0: one of its own choosing). */
  port?: number;
  /** When given, mail is taken only after sign-in with this user and password. */
  auth?: { user: string; pass: string };
}

/** A real SMTP server in the test (no authentication unless asked), that keeps what it took. */
export async function startSmtp({ port = 0, auth }: SmtpOptions = {}): Promise<TestSmtp> {
  const state: TestSmtp = {
    port: 0,
    url: '',
    received: [],
    refusing: false,
    delayMs: 0,
    started: 0,
    onTaken: null,
    close: async () => {},
  };
  const smtp = new SMTPServer({
    ...(auth
      ? {
          disabledCommands: ['STARTTLS'],
          allowInsecureAuth: true,
          onAuth(login, _session, callback) {
            if (login.username === auth.user && login.password === auth.pass) callback(null, { user: auth.user });
            else callback(new Error('Invalid username or password'));
          },
        }
      : { disabledCommands: ['STARTTLS', 'AUTH'] }),
    onData(stream, _session, callback) {
      state.started++;
      simpleParser(stream).then(
        async (mail) => {
          if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
          if (state.refusing) {
            const refusal = new Error('Tijdelijk niet beschikbaar') as Error & { responseCode: number };
            refusal.responseCode = 451;
            return callback(refusal);
          }
          state.received.push(mail);
          await state.onTaken?.(mail);
          callback();
        },
        (e: Error) => callback(e),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
  state.port = (smtp.server.address() as AddressInfo).port;
  state.url = `smtp://127.0.0.1:${state.port}`;
  state.close = () => new Promise<void>((resolve) => smtp.close(() => resolve()));
  return state;
}

/** The address a parsed mail went to. */
export const recipientOf = (mail: ParsedMail) => (mail.to && !Array.isArray(mail.to) ? mail.to.text : '');
