import { API, publicShareViewSchema, type PublicShareView } from '@fenji/shared';
import { request } from './request';

/** What a share shows, without a session (Moments' single-page mode, a poster's mini-program code). */
export function getPublicShare(code: string): Promise<PublicShareView> {
  return request(API.publicShare(code), { schema: publicShareViewSchema, auth: false, toast: false });
}
