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
      },
    });
  });

  it('reports every bad variable at once', () => {
    const result = loadConfig({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      WEFRAME_LOG_LEVEL: 'loud',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.variable).sort()).toEqual([
      'DATABASE_URL',
      'PORT',
      'WEFRAME_LOG_LEVEL',
    ]);
  });
});
