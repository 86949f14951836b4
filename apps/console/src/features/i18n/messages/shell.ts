import { defineMessages } from './define-messages';

/** The sidebar: navigation, workspace switcher, the signed-in user. */
export const shell = defineMessages(
  {
    nav: {
      jobs: 'Jobs',
      connections: 'Connections',
      tables: 'Tables',
      functions: 'Functions',
      lineage: 'Lineage',
      members: 'Members',
      secrets: 'Secrets',
      tokens: 'API tokens',
      pool: 'Worker pool',
      audit: 'Audit log',
    },
    stream: 'stream',
    workspace: 'Workspace',
    workspaceOption: '{name} ({role})',
    signOut: 'Sign out',
  },
  {
    nav: {
      jobs: '作业',
      connections: '连接',
      tables: '表',
      functions: '函数',
      lineage: '血缘',
      members: '成员',
      secrets: '密钥',
      tokens: 'API 令牌',
      pool: '资源池',
      audit: '审计日志',
    },
    stream: '流计算',
    workspace: '工作空间',
    workspaceOption: '{name}（{role}）',
    signOut: '退出登录',
  },
);
