import { type DynamicModule, Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { openDatabase, type Schema } from './data-source';
import { DB_TIMEOUT_MS, TransactionRunner } from './transaction.runner';

/** The data source (migrated under the migration lock) and units of work, for everyone. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** `schema`: the entities and migrations of core and every module, assembled by the app (database.config.ts). */
  static forRoot(schema: Schema): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        TransactionRunner,
        { provide: DB_TIMEOUT_MS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => config.dbTimeoutMs },
        {
          provide: DataSource,
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig) => {
            const { dataSource, migrated } = await openDatabase(config.database, config.dbTimeoutMs, schema);
            new Logger('Database').log(`connected to ${config.database.type}; ${migrated ? `${migrated} migration(s) applied` : 'schema up to date'}`);
            return dataSource;
          },
        },
      ],
      exports: [DataSource, TransactionRunner],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
