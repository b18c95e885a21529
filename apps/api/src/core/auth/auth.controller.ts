import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  activateRequestSchema,
  authTokensSchema,
  loginRequestSchema,
  refreshRequestSchema,
  sessionUserSchema,
  wechatBindRequestSchema,
  wechatLoginRequestSchema,
  wechatLoginResponseSchema,
  type ActivateRequest,
  type AuthTokens,
  type LoginRequest,
  type RefreshRequest,
  type SessionUser,
  type WechatBindRequest,
  type WechatLoginRequest,
  type WechatLoginResponse,
} from '@fenji/shared';
import { ApiZodBody, ApiZodResponse } from '../openapi/zod-openapi';
import { ZodPipe } from '../validation/zod.pipe';
import type { AuthUser } from './auth-user';
import { ClientIp, CurrentUser, Public } from './auth.decorators';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiZodBody(loginRequestSchema)
  @ApiZodResponse(200, authTokensSchema)
  login(@Body(new ZodPipe(loginRequestSchema)) dto: LoginRequest, @ClientIp() ip: string): Promise<AuthTokens> {
    return this.auth.login(dto, ip);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiZodBody(refreshRequestSchema)
  @ApiZodResponse(200, authTokensSchema)
  refresh(@Body(new ZodPipe(refreshRequestSchema)) dto: RefreshRequest): Promise<AuthTokens> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('activate')
  @Public()
  @HttpCode(200)
  @ApiZodBody(activateRequestSchema)
  @ApiZodResponse(200, authTokensSchema)
  activate(@Body(new ZodPipe(activateRequestSchema)) dto: ActivateRequest, @ClientIp() ip: string): Promise<AuthTokens> {
    return this.auth.activate(dto, ip);
  }

  @Post('wechat')
  @Public()
  @HttpCode(200)
  @ApiZodBody(wechatLoginRequestSchema)
  @ApiZodResponse(200, wechatLoginResponseSchema, 'tokens when the openid is bound, otherwise { bindTicket }')
  wechat(@Body(new ZodPipe(wechatLoginRequestSchema)) dto: WechatLoginRequest, @ClientIp() ip: string): Promise<WechatLoginResponse> {
    return this.auth.wechatLogin(dto.code, ip);
  }

  @Post('wechat/bind')
  @Public()
  @HttpCode(200)
  @ApiZodBody(wechatBindRequestSchema)
  @ApiZodResponse(200, authTokensSchema)
  bind(@Body(new ZodPipe(wechatBindRequestSchema)) dto: WechatBindRequest, @ClientIp() ip: string): Promise<AuthTokens> {
    return this.auth.wechatBind(dto, ip);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiZodResponse(200, sessionUserSchema)
  me(@CurrentUser() user: AuthUser): Promise<SessionUser> {
    return this.auth.me(user);
  }
}
