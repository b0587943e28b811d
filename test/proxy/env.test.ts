import { expect } from '@open-wc/testing';
import { ConfigError, configFromEnv, type Env } from '../../src/proxy/env.js';

const TOKEN = 'proxy-token-TEST-abcdefghijklmnop';
const KUCOIN: Env = { KUCOIN_API_KEY: 'kc-key-TEST', KUCOIN_API_SECRET: 'kc-secret-TEST', KUCOIN_API_PASSPHRASE: 'kc-pass-TEST' };
const BITMART: Env = { BITMART_API_KEY: 'bm-key-TEST', BITMART_API_SECRET: 'bm-secret-TEST', BITMART_API_MEMO: 'bm-memo-TEST' };

function configError(env: Env, flags = {}): string {
  try {
    configFromEnv(env, flags);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('CLI configuration from the environment', () => {
  it('uses the documented defaults', () => {
    const config = configFromEnv({ ...KUCOIN, ...BITMART, PROXY_TOKEN: TOKEN });
    expect(config.host).to.equal('127.0.0.1');
    expect(config.port).to.equal(8787);
    expect(config.options.kucoin).to.deep.equal({
      apiKey: 'kc-key-TEST',
      apiSecret: 'kc-secret-TEST',
      apiPassphrase: 'kc-pass-TEST',
      apiKeyVersion: '3',
      baseUrl: 'https://api.kucoin.com',
    });
    expect(config.options.bitmart).to.deep.equal({ apiKey: 'bm-key-TEST', apiSecret: 'bm-secret-TEST', memo: 'bm-memo-TEST', baseUrl: 'https://api-cloud.bitmart.com' });
    expect(config.options.token).to.equal(TOKEN);
    expect(config.options.allowedOrigins).to.deep.equal([]);
    expect(config.options.allowedHosts).to.deep.equal(['localhost', '127.0.0.1', '[::1]']);
    expect(config.options.readOnly).to.equal(undefined);
  });

  it('reads every documented variable', () => {
    const config = configFromEnv({
      ...KUCOIN,
      KUCOIN_API_KEY_VERSION: '2',
      KUCOIN_BASE_URL: 'http://127.0.0.1:9001',
      ...BITMART,
      BITMART_BASE_URL: 'http://127.0.0.1:9002',
      PROXY_HOST: '127.0.0.2',
      PROXY_PORT: '0',
      PROXY_ALLOWED_ORIGINS: 'https://app.example.com, http://localhost:5173',
      PROXY_TOKEN: TOKEN,
      PROXY_READ_ONLY: '1',
      PROXY_ALLOWED_SYMBOLS: 'BTC-USDT,BTC_USDT',
      PROXY_MAX_ORDER_NOTIONAL: '250.5',
    });
    expect(config.port).to.equal(0);
    expect(config.host).to.equal('127.0.0.2');
    expect(config.options.kucoin).to.include({ apiKeyVersion: '2', baseUrl: 'http://127.0.0.1:9001' });
    expect(config.options.bitmart).to.include({ baseUrl: 'http://127.0.0.1:9002' });
    expect(config.options.allowedOrigins).to.deep.equal(['https://app.example.com', 'http://localhost:5173']);
    expect(config.options.readOnly).to.equal(true);
    expect(config.options.allowedSymbols).to.deep.equal(['BTC-USDT', 'BTC_USDT']);
    expect(config.options.maxOrderNotional).to.equal('250.5');
  });

  it('says, without secrets, what it serves when keys are missing', () => {
    const config = configFromEnv({ PROXY_TOKEN: TOKEN });
    expect(config.options.kucoin).to.deep.equal({ baseUrl: 'https://api.kucoin.com' });
    expect(config.options.bitmart).to.equal(undefined);
    expect(config.notes.join('\n')).to.contain('kucoin: no API keys').and.contain('bitmart: no API keys').and.contain('venue_not_configured');
    const keyed = configFromEnv({ ...KUCOIN, ...BITMART, PROXY_TOKEN: TOKEN }).notes.join('\n');
    for (const secret of [...Object.values(KUCOIN), ...Object.values(BITMART), TOKEN]) expect(keyed).not.to.contain(secret);
  });

  it('never starts half-configured', () => {
    expect(configError({ KUCOIN_API_KEY: 'k', PROXY_TOKEN: TOKEN })).to.contain('KUCOIN_API_SECRET, KUCOIN_API_PASSPHRASE are missing');
    expect(configError({ ...KUCOIN, BITMART_API_MEMO: 'm', PROXY_TOKEN: TOKEN })).to.contain('BITMART_API_KEY, BITMART_API_SECRET are missing');
    expect(configError({ ...KUCOIN, KUCOIN_API_KEY_VERSION: '1', PROXY_TOKEN: TOKEN })).to.contain('KUCOIN_API_KEY_VERSION');
    expect(configError({ PROXY_PORT: 'http', PROXY_TOKEN: TOKEN })).to.contain('PROXY_PORT');
    expect(configError({ PROXY_PORT: '70000', PROXY_TOKEN: TOKEN })).to.contain('PROXY_PORT');
    expect(configError({ PROXY_READ_ONLY: 'yes', PROXY_TOKEN: TOKEN })).to.contain('PROXY_READ_ONLY');
    expect(configError({ PROXY_ALLOWED_ORIGINS: '*', PROXY_TOKEN: TOKEN })).to.contain('PROXY_ALLOWED_ORIGINS');
    expect(configError({ PROXY_ALLOWED_ORIGINS: 'https://app.example.com/', PROXY_TOKEN: TOKEN })).to.contain('PROXY_ALLOWED_ORIGINS');
    expect(configError({ PROXY_MAX_ORDER_NOTIONAL: '1e3', PROXY_TOKEN: TOKEN })).to.contain('PROXY_MAX_ORDER_NOTIONAL');
    expect(configError({ PROXY_TOKEN: 'short' })).to.contain('16');
  });

  it('needs a token unless anonymous loopback use is asked for explicitly', () => {
    expect(configError({})).to.contain('PROXY_TOKEN').and.contain('--allow-anonymous');
    expect(configFromEnv({}, { allowAnonymous: true }).options.allowAnonymous).to.equal(true);
    expect(configError({ PROXY_HOST: '0.0.0.0' }, { allowAnonymous: true })).to.contain('loopback');
    expect(configError({ PROXY_HOST: '192.168.1.5' }, { allowAnonymous: true })).to.contain('loopback');
    expect(configError({ PROXY_TOKEN: TOKEN }, { allowAnonymous: true })).to.contain('contradict');
  });

  it('names the hosts it answers to, and makes an all-interfaces bind name them', () => {
    expect(configFromEnv({ PROXY_HOST: 'proxy.internal', PROXY_TOKEN: TOKEN }).options.allowedHosts).to.deep.equal(['proxy.internal']);
    expect(configFromEnv({ PROXY_HOST: '::1', PROXY_TOKEN: TOKEN }).options.allowedHosts).to.deep.equal(['localhost', '127.0.0.1', '[::1]']);
    expect(configError({ PROXY_HOST: '0.0.0.0', PROXY_TOKEN: TOKEN })).to.contain('PROXY_ALLOWED_HOSTS');
    expect(configFromEnv({ PROXY_HOST: '0.0.0.0', PROXY_TOKEN: TOKEN, PROXY_ALLOWED_HOSTS: 'proxy.example.com' }).options.allowedHosts).to.deep.equal(['proxy.example.com']);
  });

  it('reads named callers, the metrics token, the public max-age and the Redis URL (never printing secrets)', () => {
    const alice = 'alice-token-TEST-0123456789';
    const config = configFromEnv({
      PROXY_TOKENS: `alice=${alice}, bob=bob-token-TEST-0123456789ab`,
      PROXY_METRICS_TOKEN: 'metrics-token-TEST-0123456789',
      PROXY_PUBLIC_MAX_AGE: '3',
      PROXY_REDIS_URL: 'redis://:s3cret-pass@redis.internal:6379/0',
    });
    expect(config.options.tokens).to.deep.equal({ alice, bob: 'bob-token-TEST-0123456789ab' });
    expect(config.options.token).to.equal(undefined);
    expect(config.options.metricsToken).to.equal('metrics-token-TEST-0123456789');
    expect(config.options.publicMaxAgeSeconds).to.equal(3);
    expect(config.redisUrl).to.equal('redis://:s3cret-pass@redis.internal:6379/0');
    const notes = config.notes.join('\n');
    expect(notes).to.contain('alice, bob');
    for (const secret of [alice, 'metrics-token-TEST', 's3cret-pass']) expect(notes).not.to.contain(secret);
    expect(configFromEnv({ PROXY_TOKEN: TOKEN, PROXY_TOKENS: `alice=${alice}` }).options).to.include({ token: TOKEN });
    expect(configError({ PROXY_TOKENS: 'alice' })).to.contain('PROXY_TOKENS');
    expect(configError({ PROXY_TOKENS: 'al ice=alice-token-TEST-0123456789' })).to.contain('PROXY_TOKENS');
    expect(configError({ PROXY_TOKENS: 'alice=short' })).to.contain('16');
    expect(configError({ PROXY_TOKENS: `alice=${alice},alice=${alice}x` })).to.contain('twice');
    expect(configError({ PROXY_TOKENS: `alice=${alice}` }, { allowAnonymous: true })).to.contain('contradict');
    expect(configError({ PROXY_TOKEN: TOKEN, PROXY_METRICS_TOKEN: 'short' })).to.contain('PROXY_METRICS_TOKEN');
    expect(configError({ PROXY_TOKEN: TOKEN, PROXY_PUBLIC_MAX_AGE: '1.5' })).to.contain('PROXY_PUBLIC_MAX_AGE');
    expect(configError({ PROXY_TOKEN: TOKEN, PROXY_REDIS_URL: 'http://redis' })).to.contain('PROXY_REDIS_URL');
  });

  it('treats an empty variable as unset', () => {
    const config = configFromEnv({ PROXY_TOKEN: TOKEN, PROXY_PORT: '', KUCOIN_API_KEY: '', PROXY_READ_ONLY: '' });
    expect(config.port).to.equal(8787);
    expect(config.options.readOnly).to.equal(undefined);
  });
});
