import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { VisitEventEntity } from './visit-event.entity';
import { VisitorEntity } from './visitor.entity';

@Injectable()
export class VisitRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** One multi-row insert per table: new visitors (ignoring known ones) and their events. */
  async insertBatch(visitors: VisitorEntity[], events: VisitEventEntity[]): Promise<void> {
    if (visitors.length) {
      await this.dataSource.createQueryBuilder().insert().into(VisitorEntity).values(visitors).orIgnore().execute();
    }
    if (events.length) {
      await this.dataSource.createQueryBuilder().insert().into(VisitEventEntity).values(events).execute();
    }
  }

  countEventsOfShare(shareId: string): Promise<number> {
    return this.dataSource.getRepository(VisitEventEntity).countBy({ shareId });
  }
}
