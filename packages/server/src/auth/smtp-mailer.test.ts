/**
 * Invitations and resets by mail only when SMTP is configured: the SMTP mailer against a
 * small SMTP server made here (node:net), and the invitation route with and without it —
 * the one-time link is always returned to the owner to pass on.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@weframe/store';
import { freshStore } from '../../../store/src/test-support/fresh-store.js';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { actingAs, signedIn } from '../test-support/signed-in.js';
import { formatMessage, sendMail, smtpMailer } from './smtp-mailer.js';

/** What the fake server was told in one session. */
interface Session {
  readonly commands: string[];
  data: string;
}

/**
 * An SMTP server that accepts every message (or refuses recipients when `refuse` is set),
 * offers AUTH but not STARTTLS, and records each session.
 */
class FakeSmtp {
  readonly sessions: Session[] = [];
  refuseRecipients = false;
  #server: Server | null = null;
  port = 0;

  async start(): Promise<void> {
    const server = createServer((socket) => this.#serve(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    this.port = address.port;
    this.#server = server;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  #serve(socket: Socket) {
    const session: Session = { commands: [], data: '' };
    this.sessions.push(session);
    let buffer = '';
    let inData = false;
    const say = (line: string) => socket.write(`${line}\r\n`);
    say('220 fake.example ESMTP ready');
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          session.data = buffer.slice(0, end + 2);
          buffer = buffer.slice(end + 5);
          inData = false;
          say('250 2.0.0 queued');
          continue;
        }
        const end = buffer.indexOf('\r\n');
        if (end < 0) return;
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        session.commands.push(line);
        const verb = line.split(' ')[0]?.toUpperCase();
        if (verb === 'EHLO') {
          say('250-fake.example greets you');
          say('250-AUTH PLAIN');
          say('250 SIZE 10240000');
        } else if (verb === 'MAIL') say('250 2.1.0 ok');
        else if (verb === 'RCPT') say(this.refuseRecipients ? '550 5.1.1 no such user' : '250 ok');
        else if (verb === 'DATA') {
          inData = true;
          say('354 go ahead');
        } else if (verb === 'QUIT') {
          say('221 bye');
          socket.end();
        } else say('502 not implemented');
      }
    });
  }
}

const smtp = new FakeSmtp();
let store: Store;

beforeAll(async () => {
  await smtp.start();
  store = await freshStore();
});

afterAll(async () => {
  await smtp.stop();
  await store.close();
});

const url = () => `smtp://127.0.0.1:${smtp.port}`;
const from = 'Weframe <weframe@council.example>';

describe('the SMTP mailer', () => {
  it('sends one message: envelope, headers and a body that decodes to the text', async () => {
    const text = 'Hello Zoë,\n.\nYour link: https://weframe.example/invite/abc\n';
    await sendMail(
      { url: url(), from },
      { to: 'sam@example.org', subject: 'Join — Weframe', text },
    );
    const session = smtp.sessions.at(-1);
    expect(session?.commands).toEqual([
      'EHLO weframe.localhost',
      'MAIL FROM:<weframe@council.example>',
      'RCPT TO:<sam@example.org>',
      'DATA',
      'QUIT',
    ]);
    const [head = '', body = ''] = (session?.data ?? '').split('\r\n\r\n');
    expect(head).toContain('From: Weframe <weframe@council.example>');
    expect(head).toContain('To: sam@example.org');
    expect(head).toContain(
      `Subject: =?UTF-8?B?${Buffer.from('Join — Weframe').toString('base64')}?=`,
    );
    expect(head).toContain('Content-Type: text/plain; charset=utf-8');
    expect(head).toMatch(/Message-ID: <[0-9a-f-]+@council\.example>/);
    // A line of just "." in the text cannot end the message: the body is base64.
    expect(Buffer.from(body.replaceAll('\r\n', ''), 'base64').toString('utf8')).toBe(
      text.replaceAll('\n', '\r\n'),
    );
  });

  it('refuses header injection and will not send a password in clear', async () => {
    expect(() =>
      formatMessage(from, { to: 'a@example.org\r\nBcc: b@example.org', subject: 'x', text: '' }),
    ).toThrow(/line break/);
    const before = smtp.sessions.length;
    await expect(
      sendMail(
        { url: `smtp://user:secret@127.0.0.1:${smtp.port}`, from },
        { to: 'sam@example.org', subject: 'x', text: 'y' },
      ),
    ).rejects.toThrow(/no TLS/);
    expect(smtp.sessions.length).toBe(before + 1);
    expect(smtp.sessions.at(-1)?.commands.some((c) => c.startsWith('AUTH'))).toBe(false);
  });

  it('reports a refusal or an unreachable server as not sent, logging why but not the text', async () => {
    const lines: string[] = [];
    smtp.refuseRecipients = true;
    const refused = await smtpMailer({ url: url(), from }, (l) => lines.push(l)).send({
      to: 'nobody@example.org',
      subject: 'Join',
      text: 'https://weframe.example/invite/SECRET',
    });
    smtp.refuseRecipients = false;
    expect(refused).toEqual({ sent: false });
    const down = await smtpMailer({ url: 'smtp://127.0.0.1:1', from, timeoutMs: 2000 }, (l) =>
      lines.push(l),
    ).send({ to: 'x@example.org', subject: 'Join', text: 'https://weframe.example/invite/SECRET' });
    expect(down).toEqual({ sent: false });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/not sent .*550/);
    for (const line of lines) expect(line).not.toContain('SECRET');
  });
});

describe('configuring SMTP', () => {
  it('takes WEFRAME_SMTP_URL with WEFRAME_MAIL_FROM, and nothing else', () => {
    expect(loadConfig({})).toMatchObject({ ok: true, config: { smtp: undefined } });
    expect(
      loadConfig({
        WEFRAME_SMTP_URL: 'smtps://weframe:secret@mail.council.example',
        WEFRAME_MAIL_FROM: 'Weframe <weframe@council.example>',
      }),
    ).toMatchObject({
      ok: true,
      config: {
        smtp: {
          url: 'smtps://weframe:secret@mail.council.example',
          from: 'Weframe <weframe@council.example>',
        },
      },
    });
    const alone = loadConfig({ WEFRAME_SMTP_URL: 'smtp://mail.council.example' });
    expect(alone.ok ? [] : alone.issues.map((i) => i.variable)).toEqual(['WEFRAME_MAIL_FROM']);
    const wrong = loadConfig({
      WEFRAME_SMTP_URL: 'mail.council.example',
      WEFRAME_MAIL_FROM: 'a@b.c',
    });
    expect(wrong.ok ? [] : wrong.issues.map((i) => i.variable)).toEqual(['WEFRAME_SMTP_URL']);
  });
});

describe('inviting by mail', () => {
  it('mails the one-time link when SMTP is configured, and shows it to the owner all the same', async () => {
    const app = await createApp({
      store,
      mailer: smtpMailer({ url: url(), from }),
      publicUrl: 'https://weframe.example',
      logInfo: () => {},
    });
    const workspace = await store.workspaces.ensureDefault();
    const owner = actingAs(
      app,
      await signedIn(store, { id: 'u-owner', workspaceId: workspace.id, role: 'owner' }),
    );
    const res = await owner.post(`/api/workspaces/${workspace.slug}/users`, {
      email: 'new.colleague@example.org',
      role: 'viewer',
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { mailed: boolean; invitation: { url: string } };
    expect(body.mailed).toBe(true);
    expect(body.invitation.url).toMatch(/^https:\/\/weframe\.example\/invite\/[\w-]+$/);
    const session = smtp.sessions.at(-1);
    expect(session?.commands).toContain('RCPT TO:<new.colleague@example.org>');
    const [, encoded = ''] = (session?.data ?? '').split('\r\n\r\n');
    const text = Buffer.from(encoded.replaceAll('\r\n', ''), 'base64').toString('utf8');
    expect(text).toContain(body.invitation.url);
  });

  it('sends nothing without SMTP: the owner passes the link on', async () => {
    const before = smtp.sessions.length;
    const logged: string[] = [];
    const app = await createApp({ store, logInfo: (line) => logged.push(line) });
    const workspace = await store.workspaces.ensureDefault();
    const owner = actingAs(
      app,
      await signedIn(store, { id: 'u-owner', workspaceId: workspace.id, role: 'owner' }),
    );
    const res = await owner.post(`/api/workspaces/${workspace.slug}/users`, {
      email: 'another.colleague@example.org',
      role: 'viewer',
    });
    const body = (await res.json()) as { mailed: boolean; invitation: { url: string } };
    expect(body.mailed).toBe(false);
    expect(body.invitation.url).toMatch(/\/invite\//);
    expect(smtp.sessions.length).toBe(before);
    expect(logged.join('\n')).toMatch(/not sent: no SMTP configured/);
  });
});
