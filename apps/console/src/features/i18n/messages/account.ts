import { defineMessages } from './define-messages';

/** The signed-in user's account page. */
export const account = defineMessages(
  {
    title: 'Account',
    changed: 'Password changed; your other sessions were signed out.',
    current: 'Current password',
    next: 'New password (at least 8 characters)',
    change: 'Change password',
    changing: 'Changing…',
  },
  {
    title: '账号',
    changed: '密码已修改；你的其他会话已退出登录。',
    current: '当前密码',
    next: '新密码（至少 8 个字符）',
    change: '修改密码',
    changing: '修改中…',
  },
);
