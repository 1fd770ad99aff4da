/** The IPC channel the preload and electron/ipc.ts agree on (kept apart so the preload bundles nothing else). */
export const IPC_CHANNEL = 'rongping:invoke';
