/** A message to one person. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Sends mail; a port so the app runs without SMTP and tests see what would be sent. */
export interface Mailer {
  /** Sends the message; resolves whether it was actually sent. */
  send(message: MailMessage): Promise<{ sent: boolean }>;
}

/**
 * The default mailer: sends nothing (no SMTP is configured) and logs that it did not, so
 * the owner passes the link on themselves.
 */
export function unsentMailer(log: (line: string) => void = () => {}): Mailer {
  return {
    send(message) {
      log(`mail to ${message.to} not sent: no SMTP configured ("${message.subject}")`);
      return Promise.resolve({ sent: false });
    },
  };
}
