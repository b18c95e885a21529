import { DEMO_PASSWORD, DEMO_STAFF } from './modules/demo/demo-data';
import { ConfigError, loadConfig, type AppConfig } from './core/config/config';
import { createApp } from './app.factory';
import { installGracefulShutdown } from './core/http/graceful-shutdown';

function printWelcome(config: AppConfig, url: string): void {
  const lines = [
    '',
    `  分机 Fenji is running on ${url}`,
    `  HQ console (总部后台):      ${url}/console/`,
    `  Staff app (员工端 H5):      ${url}/app/`,
    `  API docs:                   ${url}/api/docs`,
    `  Landing pages:              ${config.publicBaseUrl}/s/<code>`,
  ];
  if (config.demo) {
    lines.push('', `  Demo logins (password ${DEMO_PASSWORD}):`);
    for (const s of DEMO_STAFF) lines.push(`    ${s.role.padEnd(15)} ${s.phone}  ${s.name}`);
  }
  console.log(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Fenji cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  installGracefulShutdown(app, (message, error) => (error ? console.error(message, error) : console.log(message)));
  await app.listen({ port: config.port, host: config.host });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  printWelcome(config, `http://localhost:${port}`);
}

main().catch((error: unknown) => {
  console.error('Fenji failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
