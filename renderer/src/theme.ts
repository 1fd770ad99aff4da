import type { ThemeConfig } from 'antd';

/** Party red as the primary colour; type sizes readable on plant PCs. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#c8102e',
    colorLink: '#a30d25',
    borderRadius: 4,
    fontSize: 14,
    fontFamily:
      "-apple-system, 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif",
  },
  components: {
    Layout: { siderBg: '#1f1f1f', headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 24px' },
    Menu: { darkItemBg: '#1f1f1f', darkItemSelectedBg: '#c8102e' },
  },
};
