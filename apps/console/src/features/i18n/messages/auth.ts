import { defineMessages } from './define-messages';

/** The sign-in page. */
export const auth = defineMessages(
  {
    title: 'Sign in to Weir',
    email: 'E-mail',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    wrongPassword: 'Wrong e-mail or password.',
    unreachable: 'The console cannot reach the Weir API. Is it running?',
    firstAdmin: 'The first admin is admin@weir.local; `npm start` prints its password once and keeps it in .data/admin-password.',
  },
  {
    title: '登录 Weir',
    email: '邮箱',
    password: '密码',
    signIn: '登录',
    signingIn: '登录中…',
    wrongPassword: '邮箱或密码错误。',
    unreachable: '控制台无法连接 Weir API，它是否在运行？',
    firstAdmin: '首个管理员是 admin@weir.local；`npm start` 会打印一次其密码，并保存在 .data/admin-password 中。',
  },
);
