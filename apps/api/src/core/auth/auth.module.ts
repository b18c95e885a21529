import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { OrgModule } from '../../modules/org/org.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { RefreshTokenRepository } from './refresh-token.repository';
import { SessionRevoker } from './session-revoker';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [OrgModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    TokenService,
    RefreshTokenRepository,
    { provide: SessionRevoker, useExisting: TokenService },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, SessionRevoker],
})
export class AuthModule {}
