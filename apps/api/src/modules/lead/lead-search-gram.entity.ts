import { Entity, PrimaryColumn } from 'typeorm';

/** One search gram of one lead (see lead-search.util.ts). Written with the lead; names and phones never change. */
@Entity({ name: 'lead_search_grams' })
export class LeadSearchGramEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  gram: string;

  @PrimaryColumn({ name: 'lead_id', type: 'varchar', length: 26 })
  leadId: string;
}
