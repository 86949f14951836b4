import { loadApiConfig } from './config';
import { createLogger } from './logger';
import { startApiPlatform } from './platform';

const config = loadApiConfig();
const log = createLogger(config.LOG_LEVEL);
const platform = await startApiPlatform(config, log);
await platform.app.listen({ host: config.WEIR_API_HOST, port: config.WEIR_API_PORT });
log.info({ port: config.WEIR_API_PORT }, 'api listening');

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'api shutting down');
    platform.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'api shutdown failed');
        process.exit(1);
      },
    );
  });
}
