import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The openid WeChat's web OAuth (snsapi_base) gave a landing visitor; no nickname, no avatar (minimum data). */
@Entity({ name: 'visitor_wechat' })
export class VisitorWechatEntity {
  @PrimaryColumn({ name: 'visitor_id', type: 'varchar', length: 40 })
  visitorId: string;

  @Column({ type: 'varchar', length: 64, nullable: false })
  openid: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;
}
