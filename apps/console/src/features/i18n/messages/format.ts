import { defineMessages } from './define-messages';

/** Units of the durations the console prints. */
export const format = defineMessages(
  {
    ms: '{n} ms',
    s: '{n} s',
    min: '{n} min',
    h: '{n} h',
    d: '{n} d',
  },
  {
    ms: '{n} 毫秒',
    s: '{n} 秒',
    min: '{n} 分',
    h: '{n} 小时',
    d: '{n} 天',
  },
);
