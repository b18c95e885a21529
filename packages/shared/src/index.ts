import { z } from 'zod';

// The WeChat mini-program forbids eval/new Function: zod must never try its JIT there.
z.config({ jitless: true });

export { z };
export * from './enums';
export * from './errors';
export * from './phone';
export * from './password';
export * from './date.schema';
export * from './auth.schema';
export * from './org.schema';
export * from './content.schema';
export * from './share.schema';
export * from './lead.schema';
export * from './event.schema';
export * from './routes';
export * from './pool.schema';
export * from './brand';
export * from './media';
export * from './content-block.schema';
export * from './card.schema';
export * from './opt-out.schema';
export * from './radar.schema';
export * from './stats.schema';
export * from './notification.schema';
export * from './tag.schema';
export * from './lead-care.schema';
export * from './subscribe.schema';
export * from './share-view.schema';
export * from './card-share.schema';
