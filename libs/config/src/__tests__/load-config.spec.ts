import { ConfigError, loadConfig, settings } from '../index';

const shape = {
  GRPC_PORT: settings.port(),
  DATABASE_URL: settings.url(['postgresql', 'postgres']),
  KAFKA_BROKERS: settings.list(),
  LOG_LEVEL: settings.logLevel(),
};

describe('loadConfig', () => {
  it('returns typed values', () => {
    const config = loadConfig(shape, {
      GRPC_PORT: '50051',
      DATABASE_URL: 'postgresql://u:p@127.0.0.1:5432/db',
      KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
    });
    expect(config).toEqual({
      GRPC_PORT: 50051,
      DATABASE_URL: 'postgresql://u:p@127.0.0.1:5432/db',
      KAFKA_BROKERS: ['127.0.0.1:9092', '127.0.0.1:9093'],
      LOG_LEVEL: 'info',
    });
  });

  it('names every missing and every invalid setting', () => {
    let error: unknown;
    try {
      loadConfig(shape, { GRPC_PORT: '70000', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^GRPC_PORT: /m);
    expect(problems).toMatch(/^DATABASE_URL: must be a URL with scheme postgresql or postgres/m);
    expect(problems).toMatch(/^KAFKA_BROKERS: is required but not set/m);
  });
});
