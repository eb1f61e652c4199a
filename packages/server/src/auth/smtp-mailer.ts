/**
 * Sending invitation and reset mail over SMTP, when `WEFRAME_SMTP_URL` is set: a small client
 * for what one message needs (EHLO, STARTTLS, AUTH PLAIN, MAIL, RCPT, DATA, QUIT) over
 * `node:net` and `node:tls`, so the server needs no mail library. A failure is logged and
 * reported as not sent; the owner still has the link to pass on.
 */
import { randomUUID } from 'node:crypto';
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls, type TLSSocket } from 'node:tls';
import type { MailMessage, Mailer } from './mailer.js';

/** Where and as whom to send. */
export interface SmtpSettings {
  /**
   * `smtp://[user:password@]host[:port]` (STARTTLS when the server offers it; port 587 by
   * default) or `smtps://…` (TLS from the start; port 465 by default).
   */
  readonly url: string;
  /** The sender, e.g. `Weframe <weframe@council.example>`. */
  readonly from: string;
  /** Give up on a step after this long (default 15 s). */
  readonly timeoutMs?: number;
  /** The name the client gives in EHLO (default `weframe.localhost`). */
  readonly clientName?: string;
  /** TLS options, for a private certificate authority (`ca`); certificates are always checked. */
  readonly tls?: { readonly ca?: string | Buffer };
}

/** A reply of the server: its code and its lines. */
interface Reply {
  readonly code: number;
  readonly lines: readonly string[];
}

/** The address inside `Name <address>`, or the whole text. */
function addressOf(text: string): string {
  const match = /<([^<>]+)>\s*$/.exec(text);
  return (match?.[1] ?? text).trim();
}

/** A header value as RFC 2047 encoded-words when it is not plain ASCII. */
function headerText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  return `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** The message as sent after DATA: headers, a base64 body, CRLF line ends. */
export function formatMessage(from: string, message: MailMessage, now = new Date()): string {
  for (const value of [from, message.to, message.subject])
    if (/[\r\n]/.test(value)) throw new Error('a mail header cannot hold a line break');
  const domain = addressOf(from).split('@')[1] ?? 'weframe.localhost';
  const body = Buffer.from(message.text.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64');
  const lines = [
    `From: ${from}`,
    `To: ${message.to}`,
    `Subject: ${headerText(message.subject)}`,
    `Date: ${now.toUTCString()}`,
    `Message-ID: <${randomUUID()}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    ...(body.match(/.{1,76}/g) ?? []),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** One SMTP conversation over a socket that may be upgraded to TLS. */
class Conversation {
  #socket: Socket | TLSSocket;
  #buffer = '';
  #pending: Reply[] = [];
  #lines: string[] = [];
  #waiting: ((reply: Reply) => void) | null = null;
  #failure: Error | null = null;
  #failed: ((error: Error) => void) | null = null;

  constructor(
    socket: Socket | TLSSocket,
    private readonly timeoutMs: number,
  ) {
    this.#socket = socket;
    this.#attach(socket);
  }

  #attach(socket: Socket | TLSSocket) {
    socket.setTimeout(this.timeoutMs);
    socket.on('data', (chunk: Buffer) => this.#read(chunk.toString('utf8')));
    socket.on('timeout', () => this.#fail(new Error('the mail server did not answer in time')));
    socket.on('error', (error: Error) => this.#fail(error));
    socket.on('close', () => this.#fail(new Error('the mail server closed the connection')));
  }

  #read(text: string) {
    this.#buffer += text;
    let end: number;
    while ((end = this.#buffer.indexOf('\n')) >= 0) {
      const line = this.#buffer.slice(0, end).replace(/\r$/, '');
      this.#buffer = this.#buffer.slice(end + 1);
      this.#lines.push(line.slice(4));
      // "250-…" continues a reply, "250 …" ends it.
      if (line.charAt(3) !== '-') {
        const reply = { code: Number(line.slice(0, 3)), lines: this.#lines };
        this.#lines = [];
        if (this.#waiting) {
          const waiting = this.#waiting;
          this.#waiting = null;
          this.#failed = null;
          waiting(reply);
        } else this.#pending.push(reply);
      }
    }
  }

  #fail(error: Error) {
    this.#failure ??= error;
    const failed = this.#failed;
    this.#waiting = null;
    this.#failed = null;
    failed?.(error);
  }

  /** The next reply, which must have one of the expected codes. */
  async reply(expected: readonly number[], step: string): Promise<Reply> {
    const reply =
      this.#pending.shift() ??
      (await new Promise<Reply>((resolve, reject) => {
        if (this.#failure) return reject(this.#failure);
        this.#waiting = resolve;
        this.#failed = reject;
      }));
    if (!expected.includes(reply.code))
      throw new Error(`${step}: the mail server answered ${reply.code} ${reply.lines.join(' ')}`);
    return reply;
  }

  /** Sends a command (or the message) and waits for the reply. */
  async send(text: string, expected: readonly number[], step: string): Promise<Reply> {
    if (this.#failure) throw this.#failure;
    this.#socket.write(text);
    return this.reply(expected, step);
  }

  /** Upgrades the connection to TLS (after STARTTLS). */
  async startTls(host: string, ca: string | Buffer | undefined): Promise<void> {
    const plain = this.#socket;
    plain.removeAllListeners('data');
    plain.removeAllListeners('timeout');
    plain.removeAllListeners('close');
    const secure = connectTls({ socket: plain, servername: host, ...(ca ? { ca } : {}) });
    await new Promise<void>((resolve, reject) => {
      secure.once('secureConnect', resolve);
      secure.once('error', reject);
    });
    this.#socket = secure;
    this.#attach(secure);
  }

  get secure(): boolean {
    return 'encrypted' in this.#socket && this.#socket.encrypted;
  }

  close() {
    this.#socket.removeAllListeners('close');
    this.#socket.end();
    this.#socket.destroy();
  }
}

/** Opens the connection the URL asks for. */
async function open(url: URL, timeoutMs: number, ca: string | Buffer | undefined) {
  const implicitTls = url.protocol === 'smtps:';
  const port = Number(url.port || (implicitTls ? 465 : 587));
  const host = url.hostname;
  const socket: Socket | TLSSocket = implicitTls
    ? connectTls({ host, port, servername: host, ...(ca ? { ca } : {}) })
    : connectTcp({ host, port });
  await new Promise<void>((resolve, reject) => {
    socket.once(implicitTls ? 'secureConnect' : 'connect', resolve);
    socket.once('error', reject);
    socket.setTimeout(timeoutMs, () => reject(new Error('the mail server did not answer in time')));
  });
  return new Conversation(socket, timeoutMs);
}

/** Sends one message; throws with the step that failed. */
export async function sendMail(settings: SmtpSettings, message: MailMessage): Promise<void> {
  const url = new URL(settings.url);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new Error('the SMTP URL must start with smtp:// or smtps://');
  const timeoutMs = settings.timeoutMs ?? 15_000;
  const name = settings.clientName ?? 'weframe.localhost';
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const data = formatMessage(settings.from, message);
  const smtp = await open(url, timeoutMs, settings.tls?.ca);
  try {
    await smtp.reply([220], 'greeting');
    const hello = await smtp.send(`EHLO ${name}\r\n`, [250], 'EHLO');
    const offersTls = hello.lines.some((l) => /^STARTTLS\b/i.test(l));
    if (!smtp.secure && offersTls) {
      await smtp.send('STARTTLS\r\n', [220], 'STARTTLS');
      await smtp.startTls(url.hostname, settings.tls?.ca);
      await smtp.send(`EHLO ${name}\r\n`, [250], 'EHLO');
    }
    if (user !== '') {
      if (!smtp.secure)
        throw new Error('the mail server offers no TLS: the password is not sent in clear');
      const token = Buffer.from(`\u0000${user}\u0000${password}`, 'utf8').toString('base64');
      await smtp.send(`AUTH PLAIN ${token}\r\n`, [235], 'AUTH');
    }
    await smtp.send(`MAIL FROM:<${addressOf(settings.from)}>\r\n`, [250], 'MAIL FROM');
    await smtp.send(`RCPT TO:<${addressOf(message.to)}>\r\n`, [250, 251], 'RCPT TO');
    await smtp.send('DATA\r\n', [354], 'DATA');
    await smtp.send(`${data}.\r\n`, [250], 'sending the message');
    await smtp.send('QUIT\r\n', [221], 'QUIT').catch(() => undefined);
  } finally {
    smtp.close();
  }
}

/**
 * The mailer over SMTP: resolves `{ sent: true }` once the server took the message, else
 * logs why (never the message, which holds a one-time link) and resolves `{ sent: false }`.
 */
export function smtpMailer(
  settings: SmtpSettings,
  log: (line: string) => void = (line) => console.error(line),
): Mailer {
  return {
    async send(message) {
      try {
        await sendMail(settings, message);
        return { sent: true };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        log(`mail to ${message.to} not sent ("${message.subject}"): ${reason}`);
        return { sent: false };
      }
    },
  };
}
