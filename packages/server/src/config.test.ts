import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      ok: true,
      config: {
        port: 8080,
        host: '127.0.0.1',
        databaseUrl: undefined,
        dataDir: './data',
        publicUrl: undefined,
        logLevel: 'info',
        trustProxy: false,
      },
    });
  });

  it('reports every bad variable at once', () => {
    const result = loadConfig({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      WEFRAME_LOG_LEVEL: 'loud',
      WEFRAME_TRUST_PROXY: 'yes',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.variable).sort()).toEqual([
      'DATABASE_URL',
      'PORT',
      'WEFRAME_LOG_LEVEL',
      'WEFRAME_TRUST_PROXY',
    ]);
  });

  it('reads the TLS proxy setting and an https public URL', () => {
    const result = loadConfig({
      WEFRAME_TRUST_PROXY: 'true',
      WEFRAME_PUBLIC_URL: 'https://weframe.example.org',
    });
    expect(result).toMatchObject({
      ok: true,
      config: { trustProxy: true, publicUrl: 'https://weframe.example.org' },
    });
  });
});
