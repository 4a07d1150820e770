import 'reflect-metadata';
import { ConfigError, loadConfig } from './common/config';

async function main(): Promise<void> {
  try {
    loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // Loaded after the check: the application module validates the configuration as it loads.
  const { createApp, migrate } = await import('./bootstrap');
  const { AppConfigService } = await import('./common/app-config.service');
  const app = await createApp();
  await migrate(app);
  // Generated on the first start when JWT_SECRET is unset (and said once in the log), not at the first sign-in.
  const { JwtSecret } = await import('./auth/jwt-secret.service');
  await app.get(JwtSecret).get();
  const { PORT, HOST } = app.get(AppConfigService).values;
  await app.listen(PORT, HOST);
  app.get((await import('nestjs-pino')).Logger).log(`Gardefou listening on http://${HOST}:${PORT}`);
}

void main();
