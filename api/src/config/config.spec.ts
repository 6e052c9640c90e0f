import { ConfigError, loadConfig } from './config';

const base = { DATABASE_URL: 'postgres://u@localhost/db' };

describe('loadConfig', () => {
  it('fills defaults', () => {
    const c = loadConfig(base);
    expect(c).toMatchObject({ port: 3000, redisUrl: null, authRateLimit: 20, lockoutThreshold: 5, env: 'development' });
    expect(c.jwtSecret).toHaveLength(64);
  });

  it.each([
    [{}, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ ...base, PORT: 'eighty' }, 'PORT'],
    [{ ...base, PORT: '70000' }, 'PORT'],
    [{ ...base, REDIS_URL: 'http://x' }, 'REDIS_URL'],
    [{ ...base, NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ ...base, JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ ...base, LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('refuses %j and names %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (e) {
      expect((e as ConfigError).variable).toBe(variable);
    }
  });
});
