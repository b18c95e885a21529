import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** A converted lead: the company's own customer (会员). One per lead. */
@Entity({ name: 'members' })
@Unique('uq_members_lead', ['leadId'])
export class MemberEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'lead_id', type: 'varchar', length: 26, nullable: false })
  leadId: string;

  @Column({ name: 'converted_by', type: 'varchar', length: 26, nullable: false })
  convertedBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;
}
