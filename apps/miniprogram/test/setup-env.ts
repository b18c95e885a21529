// The platform the code under test believes it was built for; tests of WeChat-only behaviour switch it to 'weapp'.
process.env.TARO_ENV = 'h5';
process.env.TARO_APP_API_BASE = 'https://api.test.example';
process.env.TARO_APP_PUBLIC_BASE = '';
