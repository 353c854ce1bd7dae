import 'reflect-metadata';
import { join } from 'node:path';
import { WsAdapter } from '@nestjs/platform-ws';
import { configOrExit, runMain, startApp } from '@libs/common/bootstrap/start-app';
import { runMigrations } from '@libs/common/database/app-database';
import { createLogger } from '@libs/common/logging/logger';
import { GatewayConfig } from './config';
import { gatewayDatabase } from './database';
import { GATEWAY_GROUP_ID, GatewayModule } from './gateway.module';

runMain('gateway', async () => {
  const config = configOrExit('gateway', GatewayConfig);
  const logger = createLogger('gateway', config.LOG_LEVEL);
  await runMigrations(gatewayDatabase(config.DATABASE_URL), logger);
  await startApp({
    module: GatewayModule.forRoot(config, logger),
    port: config.GATEWAY_PORT,
    logger,
    consumer: { groupId: GATEWAY_GROUP_ID, maxWaitTimeInMs: config.KAFKA_MAX_WAIT_MS },
    configure: (app) => {
      app.useWebSocketAdapter(new WsAdapter(app));
      app.useStaticAssets(join(__dirname, 'webchat', 'public'), { index: 'index.html' });
    },
  });
});
