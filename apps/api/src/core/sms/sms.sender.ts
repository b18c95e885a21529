import { Injectable, Logger } from '@nestjs/common';

/**
 * The one way Fenji sends a text message. The default writes the message to the log (a development and test
 * stand-in that never leaves the machine); a deployment provides an implementation for its SMS provider.
 */
export abstract class SmsSender {
  abstract send(phone: string, text: string): Promise<void>;
}

@Injectable()
export class LoggingSmsSender extends SmsSender {
  private readonly logger = new Logger('Sms');
  /** The last message per phone, for tests and local runs (bounded). */
  readonly sent = new Map<string, string>();

  async send(phone: string, text: string): Promise<void> {
    if (this.sent.size > 1000) this.sent.clear();
    this.sent.set(phone, text);
    this.logger.warn({ phoneTail: phone.slice(-4), text }, 'SMS not configured: the message is only logged');
  }
}
