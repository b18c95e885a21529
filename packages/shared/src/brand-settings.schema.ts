import { z } from 'zod';
import { brandSettingsSchema } from './card.schema';

/**
 * HQ's settings for customers' pages (`GET/PUT /api/settings/brand`): the brand (name, logo, colour) and the
 * promise the confirmation makes ("李娜会在 1 个工作日内与您联系"). Anyone signed in reads them; hq_admin writes.
 */
export const CONTACT_WITHIN_PRESETS = ['2 小时内', '当天', '1 个工作日内', '2 个工作日内'] as const;

export const brandSettingsAdminSchema = brandSettingsSchema.extend({
  contactWithin: z.string().trim().min(2, { message: '请填写联系时限' }).max(20, { message: '联系时限最多 20 字' }),
  /** When HQ last changed them (null: the defaults). */
  updatedAt: z.string().nullable(),
});
export type BrandSettingsAdmin = z.infer<typeof brandSettingsAdminSchema>;

export const updateBrandSettingsRequestSchema = brandSettingsAdminSchema.omit({ updatedAt: true });
export type UpdateBrandSettingsRequest = z.infer<typeof updateBrandSettingsRequestSchema>;
