import { Injectable, Logger } from '@nestjs/common';
import { maskPhone } from '@fenji/shared';

/**
 * Sends a text message. The port of this module until the SMS interface of the opt-out (不再联系) lands: then
 * both use that one. The default writes the message to the log (development and tests); a deployment provides
 * an implementation for its SMS provider.
 */
export abstract class SmsSender {
  abstract send(phone: string, text: string): Promise<void>;
}

@Injectable()
export class LoggingSmsSender extends SmsSender {
  private readonly logger = new Logger('Sms');
  /** The last message per phone, for tests and the demo (never read in production paths). */
  readonly sent = new Map<string, string>();

  async send(phone: string, text: string): Promise<void> {
    this.sent.set(phone, text);
    this.logger.log(`SMS to ${maskPhone(phone)}: ${text}`);
  }
}
