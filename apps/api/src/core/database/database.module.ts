import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { openDatabase } from './data-source';
import { TransactionRunner } from './transaction.runner';

@Global()
@Module({
  providers: [
    TransactionRunner,
    {
      provide: DataSource,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const ds = await openDatabase(config.database, config.dbTimeoutMs);
        new Logger('Database').log(`connected to ${config.database.type}, migrations applied`);
        return ds;
      },
    },
  ],
  exports: [DataSource, TransactionRunner],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
