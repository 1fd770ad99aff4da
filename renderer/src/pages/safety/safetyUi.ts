/** Formatting the 数据安全 screen and the app-wide banners share. */
import dayjs from 'dayjs';

/** 2026-12-03 16:14:25 in the PC's local time. */
export const localTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

/** 512 KB, 3.4 MB: sizes as a file manager shows them. */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
