import { Global, Module } from '@nestjs/common';
import { WechatClient } from './wechat.client';
import { WechatJssdkService } from './wechat-jssdk.service';

@Global()
@Module({ providers: [WechatClient, WechatJssdkService], exports: [WechatClient, WechatJssdkService] })
export class WechatModule {}
