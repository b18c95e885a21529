import { Global, Module } from '@nestjs/common';
import { LoggingSmsSender, SmsSender } from './sms.sender';

/** Provides the SmsSender port (the logging default). */
@Global()
@Module({
  providers: [LoggingSmsSender, { provide: SmsSender, useExisting: LoggingSmsSender }],
  exports: [SmsSender, LoggingSmsSender],
})
export class SmsModule {}
