import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config/config';
import { RetentionService } from './retention.service';

/** Runs the retention job every RETENTION_INTERVAL_SECONDS in every API process (the job lock lets one work). */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RetentionService) private readonly retention: RetentionService,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.retentionIntervalSeconds;
    if (!seconds) return;
    this.timer = setInterval(() => {
      this.running = this.retention.run().catch((error: unknown) => this.logger.error({ err: error }, 'retention run failed'));
    }, seconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
