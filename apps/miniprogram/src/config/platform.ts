/** Which build this is; `process.env.TARO_ENV` is replaced at build time (tests switch it). */
export const isWeapp = (): boolean => process.env.TARO_ENV === 'weapp';
export const isH5 = (): boolean => process.env.TARO_ENV === 'h5';
