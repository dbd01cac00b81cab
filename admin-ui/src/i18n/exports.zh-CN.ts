import type { exportsEn } from './exports.en';
import type { Messages } from './messages';

// The exports area's Chinese phrases; typed by the English file, so a key missing in either fails the typecheck.
export const exportsZh: Messages<typeof exportsEn> = {
  app: {
    export: {
      csv: '导出 CSV',
      xlsx: '导出 Excel',
      print_report: '打印报告',
      print_failed: '报告未能生成：%{message}',
    },
  },
};
