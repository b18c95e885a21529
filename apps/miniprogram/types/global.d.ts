/// <reference types="@tarojs/taro" />

declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform being built; replaced at build time. */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /** Absolute API origin for the mini-program build (config/index.ts). */
    TARO_APP_API_BASE?: string;
    /** Origin of the customer landing pages; empty = same as the API. */
    TARO_APP_PUBLIC_BASE?: string;
  }
}
