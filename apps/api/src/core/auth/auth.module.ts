import { type DynamicModule, Global, Module, type ModuleMetadata } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { DownloadTicketController } from './download-ticket.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { DownloadTicketService } from './download-ticket.service';
import { RefreshTokenRepository } from './refresh-token.repository';
import { SessionRevoker } from './session-revoker';
import { TokenService } from './token.service';

/**
 * Sign-in, tokens and the guard every route passes. The staff records come through the `StaffDirectory` port,
 * which the app wires in: `AuthModule.forRoot({ imports: [OrgModule] })` (the module that provides it).
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(directory: { imports: NonNullable<ModuleMetadata['imports']> }): DynamicModule {
    return {
      module: AuthModule,
      imports: directory.imports,
      controllers: [AuthController, DownloadTicketController],
      providers: [
        AuthService,
        DownloadTicketService,
        TokenService,
        RefreshTokenRepository,
        { provide: SessionRevoker, useExisting: TokenService },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AuthService, SessionRevoker, DownloadTicketService],
    };
  }
}
