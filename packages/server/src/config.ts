import { z } from 'zod';

const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    WEFRAME_DATA_DIR: z.string().min(1).default('./data'),
    WEFRAME_PUBLIC_URL: z.url().optional(),
    WEFRAME_LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
    WEFRAME_TRUST_PROXY: z
      .enum(['true', 'false'], { message: 'must be true or false' })
      .default('false')
      .transform((v) => v === 'true'),
    WEFRAME_SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^/]+/, 'must be smtp://[user:password@]host[:port] or smtps://…')
      .optional(),
    WEFRAME_MAIL_FROM: z.string().min(3).max(300).optional(),
  })
  .superRefine((e, ctx) => {
    if (e.WEFRAME_SMTP_URL && !e.WEFRAME_MAIL_FROM)
      ctx.addIssue({
        code: 'custom',
        path: ['WEFRAME_MAIL_FROM'],
        message: 'is required when WEFRAME_SMTP_URL is set (the sender of invitations)',
      });
  });

/** Settings the entry points read once from the environment. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly publicUrl: string | undefined;
  readonly logLevel: 'silent' | 'error' | 'info' | 'debug';
  /**
   * The server sits behind a TLS-terminating proxy it trusts: `X-Forwarded-Proto` decides
   * whether the session cookie is Secure, and `X-Forwarded-For` gives the client address.
   */
  readonly trustProxy: boolean;
  /** Where invitation and reset mail goes out, and as whom; unset: no mail is sent. */
  readonly smtp: { readonly url: string; readonly from: string } | undefined;
}

/** A problem in the environment, named by its variable. */
export interface ConfigIssue {
  readonly variable: string;
  readonly message: string;
}

/** Parses settings from an environment map; reports every problem at once. */
export function loadConfig(
  env: Record<string, string | undefined>,
): { ok: true; config: Config } | { ok: false; issues: ConfigIssue[] } {
  // Empty strings mean "not set", as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        variable: String(i.path[0] ?? '(environment)'),
        message: i.message,
      })),
    };
  }
  const e = parsed.data;
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      databaseUrl: e.DATABASE_URL,
      dataDir: e.WEFRAME_DATA_DIR,
      publicUrl: e.WEFRAME_PUBLIC_URL,
      logLevel: e.WEFRAME_LOG_LEVEL,
      trustProxy: e.WEFRAME_TRUST_PROXY,
      smtp:
        e.WEFRAME_SMTP_URL && e.WEFRAME_MAIL_FROM
          ? { url: e.WEFRAME_SMTP_URL, from: e.WEFRAME_MAIL_FROM }
          : undefined,
    },
  };
}
