import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;

const catalogue: Record<MessageKey, string> = zhCN;

/** Looks a message up in the catalogue and fills its {placeholders}. */
export function t(key: MessageKey, params: MessageParams = {}): string {
  return catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
