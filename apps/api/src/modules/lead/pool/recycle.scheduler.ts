import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../core/config/config';
import { JobLock } from '../../../core/coordination/job-lock';
import { Metrics } from '../../../core/metrics/metrics';
import { RecycleService } from './recycle.service';

/**
 * Runs the recycling job every RECYCLE_INTERVAL_SECONDS. Every API process has the timer; the `recycle` job lock
 * (Redis with REDIS_URL) gives each period's run to one of them. Running it in several processes at once would still
 * be safe: each lead is warned or moved in its own unit of work, under its row lock.
 */
@Injectable()
export class RecycleScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Recycle');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RecycleService) private readonly recycling: RecycleService,
    @Inject(JobLock) private readonly lock: JobLock,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.recycleIntervalSeconds;
    if (!seconds) return;
    this.timer = setInterval(() => {
      this.running = this.lock
        .runOncePer('recycle', seconds * 1000, () => {
          this.logger.debug('recycle run');
          return this.metrics.countJob('recycle', () => this.recycling.recycle());
        })
        .then((r) => r && (r.recycled || r.warned) && this.logger.log(`recycled ${r.recycled}, warned ${r.warned}`))
        .catch((error: unknown) => this.logger.error({ err: error }, 'recycle run failed'));
    }, seconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
